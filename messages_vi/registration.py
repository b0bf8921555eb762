"""Texts of registration: consent, profile questions, areas, CCCD checks."""

MESSAGES = {
    "consent.prompt": (
        "Chào bạn! Đây là kênh khai báo y tế của chính quyền địa phương.\n\n"
        "Trước khi bắt đầu, xin bạn đọc và đồng ý:\n"
        "• Thông tin thu thập: họ tên, ngày sinh, giới tính, số điện thoại, số CCCD (không bắt buộc), "
        "địa chỉ và thông tin sức khỏe (triệu chứng, tiếp xúc, lịch trình, bệnh nền, tiêm chủng).\n"
        "• Mục đích: phòng, chống dịch bệnh — đánh giá nguy cơ, hướng dẫn bạn và hỗ trợ y tế kịp thời.\n"
        "• Người được xem: cán bộ y tế và chính quyền xã/phường, tỉnh/thành nơi bạn ở.\n"
        "• Thông tin sức khỏe là dữ liệu cá nhân nhạy cảm theo Nghị định 13/2023/NĐ-CP.\n"
        "• Thời gian lưu: tờ khai được lưu tối đa 30 ngày rồi xóa.\n"
        "• Quyền của bạn: xem, sửa, rút lại đồng ý, yêu cầu xóa dữ liệu bất cứ lúc nào "
        "(lệnh /dulieucuatoi để xem, /xoadulieu để rút đồng ý và xóa).\n\n"
        "Bạn có đồng ý không?"
    ),
    "consent.prompt.short": (
        "Bạn có đồng ý cho chính quyền dùng thông tin khai báo để phòng, chống dịch như đã nêu ở trên không?"
    ),
    "consent.agree": "Tôi đồng ý",
    "consent.decline": "Không đồng ý",
    "consent.declined": (
        "Cảm ơn bạn. Mình không lưu bất kỳ thông tin nào của bạn. "
        "Nếu đổi ý, bạn gõ /batdau bất cứ lúc nào. Đường dây nóng Bộ Y tế: 1900 9095."
    ),
    "register.full_name": "Họ và tên đầy đủ của bạn là gì? (Ví dụ: Nguyen Van An)",
    "register.birth": "Ngày sinh của bạn? (Ví dụ: 12/03/1990; nếu không nhớ ngày, gõ năm sinh, ví dụ 1990)",
    "register.gender": "Giới tính của bạn?",
    "register.phone": "Số điện thoại liên lạc của bạn? (Ví dụ: 0912 345 678)",
    "register.id_number": "Số căn cước công dân (CCCD, 12 số)? Không bắt buộc — gõ «bỏ qua» nếu không muốn cung cấp.",
    "register.province": (
        "Bạn đang ở tỉnh/thành phố nào? Gõ tên tỉnh mới hoặc cũ, hoặc cả địa chỉ (ví dụ: hung yen, thai binh, "
        "«thi tran dong hung, thai binh»)."
    ),
    "register.commune": "Bạn ở xã/phường nào của {province}? (Gõ tên xã/phường cũ hoặc mới, ví dụ: {example})",
    "register.street": "Số nhà, đường/phố, thôn/xóm của bạn? (Ví dụ: So 12, thon Dong)",
    "register.review": (
        "Vui lòng kiểm tra thông tin của bạn:\n{summary}\n\nChọn «Lưu thông tin» nếu đúng, hoặc chọn mục cần sửa."
    ),
    "register.save": "Lưu thông tin",
    "register.saved": "Đã lưu thông tin của bạn. Tiếp theo là tờ khai y tế.",
    "label.consent": "Đồng ý",
    "label.full_name": "Họ tên",
    "label.birth": "Ngày sinh",
    "label.gender": "Giới tính",
    "label.phone": "Điện thoại",
    "label.id_number": "CCCD",
    "label.province": "Tỉnh/thành",
    "label.commune": "Xã/phường",
    "label.street": "Địa chỉ",
    "label.review": "Xem lại",
    "area.province_not_found": (
        "Không tìm thấy tỉnh/thành «{query}». Vui lòng gõ lại tên tỉnh mới hoặc cũ, ví dụ: ha noi, nghe an, hcm, "
        "thai binh."
    ),
    "area.commune_not_found": (
        "Không tìm thấy xã/phường «{query}» ở {province}. Bạn gõ tên xã/phường mới hoặc cũ (kèm huyện cũ nếu "
        "nhớ), ví dụ «yen my» hoặc «thi tran dong hung, dong hung»."
    ),
    "area.pick_province": "Có nhiều tỉnh/thành phù hợp. Gõ số để chọn, hoặc gõ lại tên:",
    "area.pick_commune": "Có nhiều xã/phường phù hợp. Gõ số để chọn, hoặc gõ lại tên:",
    "area.chosen": "Đã chọn: {name}",
    "area.preset": "Bạn đang đăng ký tại {name} (theo mã QR).",
    "cccd.bad_format": "Số CCCD gồm đúng 12 chữ số. Vui lòng nhập lại, hoặc gõ «bỏ qua».",
    "cccd.bad_province": (
        "Ba số đầu của CCCD ({code}) không phải mã tỉnh nơi đăng ký khai sinh. Vui lòng kiểm tra lại, "
        "hoặc gõ «bỏ qua»."
    ),
    "cccd.year_mismatch": (
        "Theo số CCCD, năm sinh là {encoded} (chữ số thứ 4 cho biết thế kỷ, số thứ 5–6 là hai số cuối năm sinh), "
        "nhưng bạn đã khai năm {given}. Vui lòng kiểm tra lại số CCCD, hoặc gõ «bỏ qua»."
    ),
    "cccd.gender_mismatch": (
        "Chữ số thứ 4 của CCCD cho biết giới tính và thế kỷ sinh, nhưng không khớp với giới tính bạn đã chọn. "
        "Vui lòng kiểm tra lại, hoặc gõ «bỏ qua»."
    ),
}
