"""Texts of the khaibao command line."""

MESSAGES = {
    "cli.migrated": "Cơ sở dữ liệu đã sẵn sàng (đã cập nhật lên phiên bản mới nhất).",
    "cli.console_fallback": "Chưa cấu hình token nền tảng nào: mở kênh trò chuyện trên cửa sổ dòng lệnh.",
    "cli.unknown_area": "Không có mã địa bàn «{code}». Dùng mã tỉnh 2 số hoặc mã xã/phường 5 số.",
    "cli.bad_date": "Ngày «{value}» không hợp lệ. Dùng dạng YYYY-MM-DD.",
    "cli.too_long": "{option} quá dài (tối đa {limit} ký tự).",
    "cli.outbreak_added": "Đã thêm {area} vào danh sách vùng dịch.",
    "cli.outbreak_removed": "Đã đưa {area} ra khỏi danh sách vùng dịch.",
    "cli.outbreak_not_listed": "{area} không có trong danh sách vùng dịch.",
    "cli.bad_role": "Vai trò «{value}» không hợp lệ. Dùng official hoặc gatekeeper.",
    "cli.bad_level": "Cấp «{value}» không hợp lệ. Dùng commune hoặc province.",
    "cli.bad_schedule": "Lịch «{value}» không hợp lệ.",
    "cli.invite_revoked": "Đã thu hồi lời mời.",
    "cli.schedule_added": "Đã thêm lịch nhắc báo cáo #{id}: {title}",
    "cli.schedule_removed": "Đã dừng lịch #{id}.",
    "cli.schedule_not_found": "Không có lịch #{id} đang hoạt động.",
    "cli.bad_export": "Định dạng phải là xlsx hoặc csv; mức là green, yellow hoặc red.",
    "cli.exported": "Đã xuất {count} tờ khai vào {path}.",
    "cli.retention": "Đã ẩn danh hoặc xóa dữ liệu quá hạn lưu giữ (số dòng theo bảng, số tệp): {counts}.",
    "cli.schedules_from_directive": "Đã tạo {count} lịch nhắc báo cáo từ văn bản.",
}
