"""Texts of QR verification, statistics, exports and citizens' data rights."""

MESSAGES = {
    "verify.action.green": "CHO VÀO ✅",
    "verify.action.yellow": (
        "CHO VÀO, CẦN THEO DÕI ⚠️ — nhắc đeo khẩu trang, giữ khoảng cách; hướng dẫn liên hệ trạm y tế xã/phường"
    ),
    "verify.action.red": "KHÔNG CHO VÀO ⛔ — hướng dẫn đến trạm y tế xã/phường (hoặc gọi 1900 9095)",
    "verify.valid": (
        "{action}\nMã HỢP LỆ đến {until} · Mức nguy cơ: {level}\nKhai báo lúc: {time}\nHọ tên: {name}\nMã: {code}"
    ),
    "verify.expired": (
        "CHƯA CHO VÀO — mã ĐÃ HẾT HẠN lúc {until}: đề nghị khai báo lại (/khaibao) rồi xuất trình mã mới\n"
        "Mức nguy cơ khi khai: {level}\nKhai báo lúc: {time}\nHọ tên: {name}\nMã: {code}"
    ),
    "verify.forged": "KHÔNG PHẢI MÃ THẬT ❌ — mã không đúng hoặc đã bị sửa.",
    "verify.usage": "Gõ /kiemtra kèm mã in dưới mã QR, ví dụ: /kiemtra ABCD2345",
    "verify.staff_only": "Chỉ cán bộ hoặc người kiểm tra được giao mới kiểm tra được mã.",
    "verify.other_area": "Tờ khai này không thuộc địa bàn của anh/chị.",
    "stats.summary": (
        "Thống kê khai báo y tế — {area}\n"
        "Hôm nay: {today_total} (đỏ {today_red}, vàng {today_yellow}, xanh {today_green})\n"
        "7 ngày qua: {week_total} (đỏ {week_red}, vàng {week_yellow}, xanh {week_green})\n"
        "Mới hôm nay: {today_red} đỏ, {today_yellow} vàng\n"
        "Đang theo dõi sức khỏe: {monitoring} người · Bỏ lỡ khai báo từ lần nhắc trước: {missed}"
    ),
    "stats.breakdown_header": "Theo xã/phường (7 ngày):",
    "stats.breakdown_line": "• {commune}: {total} (đỏ {red}, vàng {yellow})",
    "stats.chart_title": "Khai báo 14 ngày qua — {area}",
    "export.usage": (
        "Gõ /xuat [từ dd/mm/yyyy] [đến dd/mm/yyyy] [do|vang|xanh] [csv], ví dụ: /xuat tu 01/11/2026 do. "
        "Mặc định: 30 ngày qua, mọi mức, tệp Excel."
    ),
    "export.ready": "Tệp khai báo của {area}: {count} dòng, từ {start} đến {end}.",
    "export.no_files": (
        "Kênh này không gửi được tệp. Vui lòng dùng Telegram, hoặc nhờ quản trị viên xuất bằng lệnh khaibao export."
    ),
    "rights.profile": (
        "Dữ liệu của bạn:\nHọ tên: {name}\nNgày sinh: {birth}\nGiới tính: {gender}\nĐiện thoại: {phone}\n"
        "CCCD: {id_number}\nĐịa chỉ: {address}\nĐồng ý lúc: {consent}\nSố tờ khai đã lưu: {count}"
    ),
    "rights.declaration_line": "• {time}: {name} (bản thân) — mức {level} (mã {code})",
    "rights.declaration_line_for": "• {time}: khai hộ cho {name} — mức {level} (mã {code})",
    "rights.nothing": "Chúng tôi không lưu dữ liệu cá nhân nào của bạn.",
    "rights.file_name": "du-lieu-cua-toi.json",
    "rights.file_note": "Tệp JSON đính kèm chứa toàn bộ dữ liệu của bạn.",
    "erase.confirm": (
        "Bạn muốn rút lại đồng ý và XÓA toàn bộ dữ liệu cá nhân của bạn (thông tin, các tờ khai, lịch sử trò chuyện)? "
        "Việc này không thể hoàn tác. Số liệu thống kê chung (không có thông tin cá nhân) được giữ lại."
    ),
    "erase.yes": "Có, xóa dữ liệu của tôi",
    "erase.no": "Không, giữ lại",
    "erase.done": "Đã rút đồng ý và xóa dữ liệu cá nhân của bạn. Bạn sẽ không nhận tin nhắn nào nữa. Cảm ơn bạn.",
    "erase.kept": "Đã giữ nguyên dữ liệu của bạn.",
    "erase.nothing_stored": "Không có gì bị xóa: bạn chưa có dữ liệu nào được lưu.",
    "label.erase": "Xóa dữ liệu",
}
