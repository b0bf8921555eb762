"""Texts of the Zalo channel."""

MESSAGES = {
    "zalo.group_private_only": (
        "Để bảo vệ thông tin cá nhân, mình chỉ nhận khai báo y tế trong tin nhắn riêng. "
        "Bạn vui lòng nhắn riêng cho mình nhé."
    ),
}
