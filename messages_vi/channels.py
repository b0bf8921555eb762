"""Texts the channel adapters add around the conversation."""

MESSAGES = {
    "menu.multi_hint": "(Có thể chọn nhiều: gõ các số, ví dụ «1 3»)",
    "console.welcome": "Khai báo y tế — kênh thử trên máy tính. Gõ «chào» để bắt đầu, Ctrl+D để thoát.",
    "console.qr_saved": "[Ảnh mã QR đã lưu tại: {path}]",
    "console.file_saved": "[Tệp đã lưu tại: {path}]",
}
