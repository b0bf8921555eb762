"""Texts for settings that stop the start: each names the variable and says what is expected."""

MESSAGES = {
    "settings.invalid": "Cấu hình không hợp lệ (biến môi trường hoặc tệp .env):",
    "settings.problem": "- {variable}: {expected}",
    "settings.problem_value": "- {variable} = «{value}»: {expected}",
    "settings.generic": "giá trị không hợp lệ ({detail}).",
    "settings.problem_whole": "- {detail}",
    "settings.no_secret_key": (
        "KHAIBAO_SECRET_KEY chưa được đặt: khi đã cấu hình token hoặc webhook của Telegram/Zalo, phải đặt khóa "
        "ký bí mật (ít nhất 32 ký tự), ví dụ tạo bằng: python3 -c \"import secrets; print(secrets.token_urlsafe(48))\""
    ),
    "settings.expect.DATABASE_URL": "cần địa chỉ bắt đầu bằng sqlite+aiosqlite:// hoặc postgresql+asyncpg://.",
    "settings.expect.KHAIBAO_TIMEZONE": "cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh.",
    "settings.expect.KHAIBAO_ADMINS": "cần danh sách KÊNH:MÃ_NGƯỜI_DÙNG cách nhau bằng dấu phẩy, kênh là console, "
                                      "telegram hoặc zalo (ví dụ console:admin,telegram:123456).",
    "settings.expect.KHAIBAO_SECRET_KEY": "cần chuỗi bí mật dài ít nhất 32 ký tự (tạo bằng: python3 -c "
                                          "\"import secrets; print(secrets.token_urlsafe(48))\").",
    "settings.expect.KHAIBAO_RETENTION_DAYS": "cần số ngày nguyên từ 1 đến 3650.",
    "settings.expect.KHAIBAO_SESSION_IDLE_HOURS": "cần số giờ nguyên từ 1 đến 720.",
    "settings.expect.KHAIBAO_RECEIPT_VALID_HOURS": "cần số giờ nguyên từ 1 đến 168.",
    "settings.expect.KHAIBAO_DATA_DIR": "cần đường dẫn thư mục.",
    "settings.expect.KHAIBAO_LOG_LEVEL": "cần DEBUG, INFO, WARNING hoặc ERROR.",
    "settings.expect.WEB_HOST": "cần địa chỉ máy, ví dụ 0.0.0.0.",
    "settings.expect.WEB_PORT": "cần số cổng nguyên từ 1 đến 65535.",
    "settings.expect.WEB_SESSION_IDLE_MINUTES": "cần số phút nguyên từ 5 đến 1440.",
    "settings.expect.PUBLIC_BASE_URL": "cần địa chỉ bắt đầu bằng http:// hoặc https://, hoặc để trống.",
    "settings.expect.TELEGRAM_BOT_TOKEN": "cần token do @BotFather cấp, hoặc để trống để tắt Telegram.",
    "settings.expect.TELEGRAM_BOT_USERNAME": "cần tên bot Telegram (không có @), hoặc để trống.",
    "settings.expect.TELEGRAM_API_BASE_URL": "cần địa chỉ bắt đầu bằng http:// hoặc https://.",
    "settings.expect.TELEGRAM_WEBHOOK_URL": "cần địa chỉ bắt đầu bằng https://, hoặc để trống để dùng long polling.",
    "settings.expect.TELEGRAM_WEBHOOK_SECRET": "cần chuỗi gồm A-Z, a-z, 0-9, _ và -, hoặc để trống.",
    "settings.expect.TELEGRAM_RATE": "cần số tin mỗi giây, lớn hơn 0 và không quá 1000.",
    "settings.expect.TELEGRAM_PER_CHAT_INTERVAL": "cần số giây từ 0 đến 60.",
    "settings.expect.TELEGRAM_PAID_BROADCAST": "cần true hoặc false.",
    "settings.expect.ZALO_BOT_TOKEN": "cần token do Zalo Bot Platform cấp, hoặc để trống để tắt Zalo.",
    "settings.expect.ZALO_API_BASE_URL": "cần địa chỉ bắt đầu bằng http:// hoặc https://.",
    "settings.expect.ZALO_WEBHOOK_URL": "cần địa chỉ bắt đầu bằng https://, hoặc để trống để dùng long polling.",
    "settings.expect.ZALO_WEBHOOK_SECRET": "cần chuỗi dài 8 đến 256 ký tự, hoặc để trống.",
    "settings.expect.ZALO_RATE": "cần số tin mỗi giây, lớn hơn 0 và không quá 1000.",
    "settings.expect.INVITE_VALID_HOURS": "cần số giờ nguyên từ 1 đến 720.",
    "settings.expect.MONITORING_DAYS": "cần số ngày nguyên từ 1 đến 60.",
    "settings.expect.MONITORING_SLOTS": "cần các giờ địa phương cách nhau bằng dấu phẩy, ví dụ 07:30,16:30.",
    "settings.expect.ALERT_YELLOW": "cần true hoặc false.",
    "settings.expect.ALERT_ACK_HOURS": "cần số giờ lớn hơn 0 và không quá 72.",
    "settings.expect.ESCALATE_AFTER_HOURS": "cần số giờ lớn hơn 0 và không quá 72.",
    "settings.expect.QUIET_HOURS": "cần khoảng giờ dạng 21:00-07:00, hoặc off để tắt.",
    "settings.expect.DELIVERY_LEASE_SECONDS": "cần số giây lớn hơn 0 và không quá 3600.",
    "settings.expect.DELIVERY_RETRY_HOURS": "cần số giờ lớn hơn 0 và không quá 168 (thời gian thử gửi lại khi "
                                            "nền tảng lỗi).",
    "settings.expect.DELIVERY_RETRY_MAX_DELAY_SECONDS": "cần số giây lớn hơn 0 và không quá 3600.",
    "settings.expect.DELIVERY_BATCH": "cần số dòng nguyên từ 1 đến 10000.",
}
