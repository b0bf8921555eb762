"""Texts of the khaibao command line."""

MESSAGES = {
    "cli.migrated": "Cơ sở dữ liệu đã sẵn sàng (đã cập nhật lên phiên bản mới nhất).",
    "cli.console_fallback": "Chưa cấu hình token nền tảng nào: mở kênh trò chuyện trên cửa sổ dòng lệnh.",
    "cli.unknown_area": "Không có mã địa bàn «{code}». Dùng mã tỉnh 2 số hoặc mã xã/phường 5 số.",
    "cli.bad_date": "Ngày «{value}» không hợp lệ. Dùng dạng YYYY-MM-DD.",
    "cli.outbreak_added": "Đã thêm {area} vào danh sách vùng dịch.",
    "cli.outbreak_removed": "Đã đưa {area} ra khỏi danh sách vùng dịch.",
    "cli.outbreak_not_listed": "{area} không có trong danh sách vùng dịch.",
}
