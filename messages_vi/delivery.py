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
        "  Đã gửi {sent} · Lỗi {failed} · Bị chặn {blocked} · Chưa rõ {ambiguous} · Tổng {total}"
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
    "broadcast.quiet_hours": "Đang trong giờ yên tĩnh: thông báo #{id} (không khẩn) sẽ được gửi từ {until}.",
    "broadcast.created": "Đã tạo thông báo #{id} tới {audience}, gửi lúc {at}.",
    "broadcast.cancelled": "Đã hủy thông báo #{id}; {count} người nhận chưa gửi sẽ không nhận được.",
    "broadcast.not_found": "Không có thông báo #{id}.",
    "broadcast.not_cancellable": "Thông báo #{id} {status}, không thể hủy.",
    "broadcast.none": "Chưa có thông báo nào.",
    "broadcast.bad_time": "Thời điểm «{value}» không hợp lệ. Dùng dạng YYYY-MM-DD HH:MM (giờ địa phương).",
    "broadcast.empty_text": "Nội dung thông báo trống.",
}
