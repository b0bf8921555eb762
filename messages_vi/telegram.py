"""Texts the Telegram channel adds: buttons, the contact keyboard and the command menu."""

MESSAGES = {
    "telegram.done": "Xong",
    "telegram.page_previous": "◀ Trang trước",
    "telegram.page_next": "Trang sau ▶",
    "telegram.share_phone": "📱 Gửi số điện thoại của tôi",
    "telegram.phone_placeholder": "Hoặc gõ số điện thoại",
    "telegram.contact_refused": (
        "Mình chỉ nhận số điện thoại của chính bạn. Vui lòng bấm nút «Gửi số điện thoại của tôi» "
        "hoặc gõ số điện thoại của bạn."
    ),
    "telegram.command.khaibao": "Khai báo y tế",
    "telegram.command.quaylai": "Quay lại câu trước",
    "telegram.command.huy": "Hủy việc đang làm",
    "telegram.command.batdau": "Bắt đầu lại từ đầu",
    "telegram.command.huongdan": "Xem hướng dẫn",
    "telegram.command.vungdich": "Xem danh sách vùng dịch",
}
