"""Texts of broadcasts: audiences, progress and statistics."""

MESSAGES = {
    "audience.unknown": "Không hiểu đối tượng «{value}». Dùng: everyone, citizens, officials, area:MÃ.",
    "audience.needs_area": "Cần mã địa bàn, ví dụ area:12052 (xã) hoặc area:33 (tỉnh).",
    "audience.unknown_area": "Không có mã địa bàn «{code}».",
    "audience.everyone": "mọi người",
    "audience.citizens": "người dân",
    "audience.officials": "cán bộ",
    "audience.area": "người dân ở {area}",
    "audience.area_officials": "cán bộ của {area}",
    "audience.monitoring": "người đang được theo dõi sức khỏe",
    "audience.person": "một người (số {id})",
    "broadcast.kind.notice": "thông báo",
    "broadcast.kind.alert": "cảnh báo",
    "broadcast.kind.reminder": "nhắc việc",
    "broadcast.kind.message": "tin nhắn",
    "broadcast.status.scheduled": "đã hẹn giờ",
    "broadcast.status.sending": "đang gửi",
    "broadcast.status.done": "đã xong",
    "broadcast.status.cancelled": "đã hủy",
    "broadcast.rate_column": "{rate} tin/giây",
    "broadcast.urgent_mark": "KHẨN",
    "broadcast.summary": (
        "#{id} · {kind} · {status}{urgent}\n"
        "  Tới: {audience}\n"
        "  Gửi lúc: {at}\n"
        "  Đã gửi {sent} · Chờ nền tảng {waiting} · Lỗi {failed} · Bị chặn {blocked} · Chưa rõ {ambiguous}"
        " · Tổng {total}"
    ),
    "broadcast.progress": (
        "Đang gửi thông báo #{id} tới {audience}: {done}/{total}\n"
        "Đã gửi {sent} · Lỗi {failed} · Bị chặn {blocked} · Chưa rõ {ambiguous} · Còn lại {remaining}\n"
        "Tốc độ {rate} tin/giây · Dự kiến xong sau {eta}"
    ),
    "broadcast.finished": (
        "Đã gửi xong thông báo #{id} tới {audience}: {total} người nhận.\n"
        "Đã gửi {sent} · Lỗi {failed} · Bị chặn {blocked} · Chưa rõ {ambiguous} · Đã hủy {cancelled}"
    ),
    "broadcast.waiting": (
        "⏳ Đang chờ nền tảng: {waiting} người nhận gặp lỗi tạm thời của nền tảng, sẽ được tự động gửi lại "
        "khi nền tảng hoạt động trở lại."
    ),
    "broadcast.waiting_short": "đang chờ nền tảng",
    "broadcast.retry_confirm": (
        "{count} người nhận của thông báo #{id} ở trạng thái «chưa rõ»: yêu cầu đã gửi đi nhưng không có trả lời, "
        "có thể họ đã nhận được. Gửi lại có thể khiến họ nhận hai lần. Vẫn gửi lại?"
    ),
    "broadcast.retried": "Đã xếp lại {count} người nhận của thông báo #{id} vào hàng đợi ({detail}).",
    "broadcast.retry_detail": "{failed} lỗi, {ambiguous} chưa rõ",
    "broadcast.retry_none": "Thông báo #{id} không có người nhận nào cần gửi lại.",
    "broadcast.retry_ambiguous_hint": (
        "Còn {count} người nhận «chưa rõ» (có thể đã nhận): thêm --ambiguous để gửi lại cho họ."
    ),
    "broadcast.retry_not_allowed": "Thông báo #{id} đang ở trạng thái {status}: không thể gửi lại.",
    "broadcast.retry_aborted": "Không gửi lại.",
    "broadcast.quiet_hours": "Đang trong giờ yên tĩnh: thông báo #{id} (không khẩn) sẽ được gửi từ {until}.",
    "broadcast.created": "Đã tạo thông báo #{id} tới {audience}, gửi lúc {at}.",
    "broadcast.cancelled": "Đã hủy thông báo #{id}; {count} người nhận chưa gửi sẽ không nhận được.",
    "broadcast.not_found": "Không có thông báo #{id}.",
    "broadcast.not_cancellable": "Thông báo #{id} {status}, không thể hủy.",
    "broadcast.none": "Chưa có thông báo nào.",
    "broadcast.bad_time": "Thời điểm «{value}» không hợp lệ. Dùng dạng YYYY-MM-DD HH:MM (giờ địa phương).",
    "broadcast.empty_text": "Nội dung thông báo trống.",
}
