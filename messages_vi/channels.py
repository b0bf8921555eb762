"""Texts the channel adapters add around the conversation."""

MESSAGES = {
    "menu.multi_hint": "(Có thể chọn nhiều: gõ các số, ví dụ «1 3»)",
    "console.welcome": "Khai báo y tế — kênh thử trên máy tính. Gõ «chào» để bắt đầu, Ctrl+D để thoát.",
    "console.window_user": "Cửa sổ này là người dùng «{user}» (kênh console): tin nhắn, cảnh báo, nhắc việc gửi tới "
                           "người dùng này hiện ở đây. Người dùng khác: mở cửa sổ mới, gõ khaibao chat --user MÃ.",
    "console.pushed": "── Tin mới ──",
    "console.qr_saved": "[Ảnh mã QR đã lưu tại: {path}]",
    "console.file_saved": "[Tệp đã lưu tại: {path}]",
}
