"""Texts for officials, gatekeepers and admins: invites, reports, alerts, monitoring; community reports."""

MESSAGES = {
    "invite.role": "Mời người dùng với vai trò nào?",
    "invite.role.official": "Cán bộ (xã/phường hoặc tỉnh)",
    "invite.role.gatekeeper": "Người kiểm tra mã QR (cơ quan, nơi làm việc)",
    "invite.area": "Địa bàn của họ: tỉnh/thành hoặc xã/phường nào? (Gõ tên)",
    "invite.name": "Họ tên người được mời? (Gõ «bỏ qua» nếu chưa biết: họ sẽ tự nhập khi nhận lời mời.)",
    "invite.phone": "Số điện thoại của họ? (Gõ «bỏ qua» nếu không có.)",
    "label.invite_name": "Họ tên",
    "label.invite_phone": "Điện thoại",
    "label.invite_code": "Mã mời",
    "redeem.code": "Gõ mã mời quản trị viên đã gửi (ví dụ ABCD2345EF):",
    "redeem.bad_code": "Mã mời gồm chữ và số, ví dụ ABCD2345EF. Vui lòng gõ lại.",
    "redeem.name": (
        "Trước khi nhận lời mời: họ tên của anh/chị là gì? (Để quản trị viên và người dân biết ai phụ trách; "
        "gõ «bỏ qua» nếu lời mời đã ghi tên anh/chị.)"
    ),
    "invite.review": "Kiểm tra lời mời:\n{summary}",
    "invite.confirm": "Tạo lời mời",
    "label.invite_role": "Vai trò",
    "label.invite_area": "Địa bàn",
    "invite.created": (
        "Đã tạo lời mời {role} cho {area}{person}, dùng một lần, hết hạn lúc {expires}.\n"
        "Mã mời: {code}\n"
        "Trên Telegram mở: {link}\n"
        "Trên Zalo hoặc cửa sổ dòng lệnh gõ: /canbo {code}"
    ),
    "invite.for_person": "(người được mời: {name})",
    "invite.no_link": "(cấu hình TELEGRAM_BOT_USERNAME để có đường dẫn)",
    "invite.redeemed": "Chào mừng! Bạn đã là {role} của {area}. Các lệnh bạn dùng được:\n{commands}",
    "invite.invalid": "Mã mời không hợp lệ, đã dùng, đã bị thu hồi hoặc đã hết hạn. Vui lòng liên hệ quản trị viên.",
    "invite.missing_code": "Gõ /canbo kèm mã mời, ví dụ: /canbo ABCD2345EF",
    "role.official": "cán bộ",
    "role.gatekeeper": "người kiểm tra mã QR",
    "staff.officials_only": "Chức năng này chỉ dành cho cán bộ.",
    "staff.list_header": "Danh sách cán bộ và người kiểm tra:",
    "staff.list_line": "#{id} · {name} · {phone} · {role} · {area} · {channel}",
    "staff.list_empty": "Chưa có cán bộ nào.",
    "staff.removed": "Đã thu hồi quyền của #{id}.",
    "staff.not_found": "Không có cán bộ #{id}.",
    "staff.need_id": "Gõ kèm số của cán bộ, ví dụ: /xoacanbo 12 (xem số bằng /dscanbo).",
    "report.confirmed": "Đã ghi nhận báo cáo của {area}: {titles}. Cảm ơn anh/chị.",
    "report.nothing_open": "Không có báo cáo nào đang chờ xác nhận ở {area}.",
    "reminder.text": (
        "Nhắc báo cáo: {title}\nĐịa bàn: {area}\nHạn: {due}\n\n{figures}\n\n"
        "Sau khi gửi báo cáo, gõ /dabaocao để xác nhận."
    ),
    "reminder.repeat": "NHẮC LẠI — chưa xác nhận báo cáo, đã quá hạn.",
    "reminder.figures": (
        "Số liệu khai báo y tế:\n"
        "• Hôm nay: {today_total} (đỏ {today_red}, vàng {today_yellow}, xanh {today_green})\n"
        "• 7 ngày qua: {week_total} (đỏ {week_red}, vàng {week_yellow}, xanh {week_green})\n"
        "• Đang theo dõi sức khỏe: {monitoring} người, bỏ lỡ khai báo: {missed}"
    ),
    "escalation.text": (
        "Các địa bàn chưa báo cáo «{title}» (hạn {due}):\n{areas}\nĐề nghị đôn đốc."
    ),
    "alert.declaration": (
        "CẢNH BÁO: tờ khai nguy cơ {level}\nMã: {code}\nHọ tên: {name}\nĐiện thoại: {phone}\n"
        "Địa chỉ: {address}\nLý do: {reasons}"
    ),
    "alert.declarant_phone": "{phone} (số của người khai hộ, {name})",
    "alert.community": (
        "PHẢN ÁNH TỪ NGƯỜI DÂN: {kind}\nĐịa bàn: {area}\nĐịa điểm: {place}\nNgười liên quan: {who}\n"
        "Nội dung: {seen}\nLiên hệ người phản ánh: {contact}"
    ),
    "alert.footer": "Gõ /tiepnhan {id} để xác nhận đã tiếp nhận.",
    "alert.declarant_told": "Tờ khai nguy cơ cao của bạn (mã {code}) đã được báo tới {who}.",
    "alert.declarant_told_for": "Tờ khai hộ nguy cơ cao cho {name} (mã {code}) đã được báo tới {who}.",
    "alert.footer_admins": (
        "Cảnh báo #{id} tới quản trị viên vì địa bàn chưa có cán bộ: mời cán bộ bằng /moi_canbo; "
        "cán bộ tham gia sau sẽ thấy cảnh báo này bằng /canhbao."
    ),
    "alert.resent": "CHƯA ĐƯỢC TIẾP NHẬN SAU 2 GIỜ — gửi lại:",
    "alert.escalated": "Chuyển lên tỉnh: cảnh báo chưa được xã/phường tiếp nhận sau 2 giờ.",
    "alert.acknowledged": "Đã ghi nhận: anh/chị đã tiếp nhận cảnh báo #{id}.",
    "alert.not_found": "Không có cảnh báo #{id} đang chờ ở địa bàn của anh/chị.",
    "alert.none_open": "Không có cảnh báo hay phản ánh nào đang chờ tiếp nhận ở {area}.",
    "alert.open_heading": "Cảnh báo, phản ánh chưa tiếp nhận ở {area}: {count}",
    "alert.open_item": "#{id} · {at}\n{text}",
    "alert.open_more": "… và {count} cảnh báo khác (tiếp nhận các cảnh báo trên để xem tiếp).",
    "alert.open_footer": "Gõ /tiepnhan SỐ để xác nhận đã tiếp nhận, ví dụ /tiepnhan 12.",
    "area_search.usage": "Gõ /diaban kèm tên, ví dụ: /diaban yen my hoặc /diaban yen my, hung yen",
    "area_search.none": "Không tìm thấy địa bàn nào tên «{text}».",
    "area_search.heading": "Địa bàn khớp «{text}» (mã · tên):",
    "area_search.line": "{code} · {label}",
    "alert.need_id": "Gõ kèm số cảnh báo, ví dụ: /tiepnhan 12",
    "anonymous": "ẩn danh",
    "erased": "[đã xóa]",
    "monitoring.started": (
        "Đã đưa {name} ({code}) vào diện theo dõi sức khỏe {days} ngày, đến {until}. "
        "Người này sẽ được nhắc khai báo lúc 07:30 và 16:30 mỗi ngày."
    ),
    "monitoring.citizen_notice": (
        "Bạn được cán bộ y tế đưa vào diện theo dõi sức khỏe {days} ngày. Mỗi ngày bạn sẽ được nhắc khai báo "
        "2 lần; gõ /khaibao để khai báo."
    ),
    "monitoring.reminder": "Nhắc khai báo y tế: bạn đang trong diện theo dõi sức khỏe. Gõ /khaibao để khai báo ngay.",
    "monitoring.reminder_for": (
        "Nhắc khai báo y tế cho {name}: {name} đang trong diện theo dõi sức khỏe. Gõ /khaibao và chọn khai hộ "
        "để khai báo cho {name} ngay."
    ),
    "monitoring.citizen_notice_for": (
        "{name} (người bạn đã khai hộ) được cán bộ y tế đưa vào diện theo dõi sức khỏe {days} ngày. Mỗi ngày bạn "
        "sẽ được nhắc khai báo hộ cho {name} 2 lần; gõ /khaibao và chọn khai hộ."
    ),
    "monitoring.missed_line": "• {name} ({phone})",
    "monitoring.missed_line_for": "• {name} — khai hộ bởi {declarant} ({phone})",
    "monitoring.missed": "Những người đang theo dõi sức khỏe chưa khai báo từ {since}:\n{people}",
    "monitoring.more": "… và {count} người khác",
    "monitoring.usage": "Gõ /theodoi MÃ_KHAI_BÁO [số ngày], ví dụ: /theodoi ABCD2345 14",
    "monitoring.not_found": "Không có tờ khai {code} ở địa bàn của anh/chị.",
    "report.kind": "Bạn muốn phản ánh điều gì?",
    "report.kind.suspected": "Người nghi nhiễm (có triệu chứng, tiếp xúc ca bệnh)",
    "report.kind.arrival": "Người từ vùng dịch hoặc nước ngoài về chưa khai báo",
    "report.kind.other": "Việc khác liên quan phòng dịch",
    "report.province": "Việc này ở tỉnh/thành phố nào?",
    "report.commune": "Ở xã/phường nào của {province}?",
    "report.place": "Địa điểm cụ thể (thôn/xóm, số nhà, nơi làm việc...)?",
    "report.who": "Người liên quan là ai (nếu biết)? Gõ «bỏ qua» nếu không biết.",
    "report.seen": "Bạn thấy gì? Mô tả ngắn gọn.",
    "report.contact": (
        "Số điện thoại để cán bộ liên hệ lại bạn? Gõ «bỏ qua» để giấu tên — cán bộ sẽ không biết bạn là ai."
    ),
    "report.review": "Kiểm tra phản ánh:\n{summary}",
    "report.send": "Gửi phản ánh",
    "report.sent": "Cảm ơn bạn. Phản ánh #{id} đã được chuyển tới {who}.",
    "routing.commune": "cán bộ {area}",
    "routing.province": "cán bộ {area} (xã/phường này chưa có cán bộ trên hệ thống)",
    "routing.admins": "quản trị viên hệ thống (địa bàn này chưa có cán bộ trên hệ thống)",
    "routing.nobody": (
        "hệ thống; địa bàn chưa có cán bộ nào, cán bộ được giao sau sẽ nhận được ngay khi tham gia"
    ),
    "label.report_kind": "Loại",
    "label.report_place": "Địa điểm",
    "label.report_who": "Người liên quan",
    "label.report_seen": "Nội dung",
    "label.report_contact": "Liên hệ",
}
