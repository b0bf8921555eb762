"""Texts of notices: citizens reading them, admins publishing them."""

MESSAGES = {
    "notices.none": "Chưa có thông báo nào.",
    "notices.pick": "Các thông báo gần đây. Gõ số để đọc:",
    "notices.open": "Bạn muốn xem toàn văn không?",
    "notices.full": "Xem toàn văn",
    "notices.done": "Xong",
    "notices.closed": "Gõ /thongbao để xem thông báo khác, /khaibao để khai báo y tế.",
    "notices.gone": "Thông báo này không còn nữa.",
    "label.notice": "Thông báo",
    "label.notice_open": "Xem tiếp",
    "publish.text": (
        "Dán nội dung chỉ thị, công văn hoặc thông báo, hoặc gửi tệp .txt, .docx, .pdf, ảnh chụp văn bản "
        "hay trang web đã lưu (.html). Mình sẽ tóm tắt để người dân đọc được trên một màn hình điện thoại."
    ),
    "publish.too_long": "Văn bản quá dài (tối đa {limit} ký tự).",
    "publish.not_directive": (
        "Không nhận ra đây là văn bản chỉ đạo (không thấy số hiệu, cơ quan ban hành hay các mục). "
        "Một thông báo ngắn thì tối đa {limit} ký tự."
    ),
    "publish.plain_header": "Thông báo",
    "publish.joined": "Đã ghép {count} tin nhắn liền nhau thành một văn bản.",
    "publish.file_read": "Đã đọc tệp {name} ({pages} trang).",
    "publish.preview": (
        "{notes}Xem trước:\n{fields}\n\n"
        "Bản tóm tắt gửi người dân:\n{summary}\n\nNhiệm vụ báo cáo tìm thấy:\n{duties}\n\n"
        "Chọn «Tiếp tục», hoặc /quaylai để dán lại văn bản."
    ),
    "publish.preview.short": "Gõ 1 (Tiếp tục) để chọn người nhận, hoặc /quaylai để dán lại văn bản.",
    "publish.field.kind": "Loại: {value}",
    "publish.field.number": "Số: {value}",
    "publish.field.issuer": "Cơ quan: {value}",
    "publish.field.date": "Ngày: {value}",
    "publish.fields_none": "(Văn bản không ghi loại, số, cơ quan ban hành hay ngày.)",
    "publish.reach": "Hiện có {count} người nhận ({audience}).",
    "publish.continue": "Tiếp tục",
    "publish.cadence.daily": "Hằng ngày",
    "publish.cadence.weekly": "Hằng tuần",
    "publish.cadence.monthly": "Hằng tháng",
    "publish.cadence.yearly": "Hằng năm",
    "publish.cadence.dated": "Theo hạn",
    "publish.cadence.event": "Khi phát sinh",
    "publish.audience": "Gửi tới ai?",
    "publish.audience.everyone": "Mọi người",
    "publish.audience.citizens": "Người dân",
    "publish.audience.officials": "Cán bộ",
    "publish.audience.area": "Người dân một tỉnh hoặc xã/phường",
    "publish.area": "Tỉnh/thành hoặc xã/phường nào? (Gõ tên, ví dụ: hung yen, yen my)",
    "publish.area_not_found": "Không tìm thấy địa bàn «{query}». Vui lòng gõ lại.",
    "publish.urgent": "Đây có phải thông báo KHẨN không? (Thông báo khẩn được gửi cả trong giờ yên tĩnh 21:00–07:00.)",
    "publish.when": "Gửi lúc nào? Gõ «ngay» để gửi ngay, hoặc giờ như «17:30», «25/12 08:00».",
    "publish.bad_time": "Chưa hiểu thời điểm. Gõ «ngay», hoặc giờ như «17:30», «25/12 08:00».",
    "publish.time_past": "Thời điểm này đã qua. Vui lòng chọn thời điểm sắp tới.",
    "publish.schedules": (
        "Văn bản có {count} nhiệm vụ báo cáo định kỳ. Tạo lịch nhắc báo cáo cho cán bộ xã/phường theo các nhiệm vụ này?"
    ),
    "label.publish_schedules": "Tạo lịch nhắc báo cáo",
    "publish.review": "Kiểm tra lại trước khi gửi:\n{summary}",
    "publish.confirm": "Gửi thông báo",
    "publish.queued": "Đã xếp lịch gửi thông báo #{id} tới {audience} lúc {at}. Tiến độ sẽ được cập nhật tại đây.",
    "label.publish_text": "Văn bản",
    "label.publish_preview": "Xem trước",
    "label.publish_audience": "Đối tượng",
    "label.publish_area": "Địa bàn",
    "label.publish_urgent": "Khẩn",
    "label.publish_when": "Thời điểm gửi",
    "command.admin_only": "Chức năng này chỉ dành cho quản trị viên.",
}
