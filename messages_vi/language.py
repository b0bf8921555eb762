"""Texts of the language choice (the question itself is bilingual, the same in every catalogue)."""

MESSAGES = {
    "language.prompt": (
        "Xin chào! Bạn muốn dùng tiếng Việt hay tiếng Anh?\nHello! Would you like Vietnamese or English?"
    ),
    "language.hint": "Gõ 1 để dùng tiếng Việt — type 2 for English.",
    "language.vi": "Tiếng Việt",
    "language.en": "English",
    "language.set": "Từ giờ mình sẽ trả lời bằng tiếng Việt. Đổi ngôn ngữ bất cứ lúc nào: gõ /ngonngu.",
    "language.detected": "Mình sẽ trả lời bằng tiếng Việt. Để dùng tiếng Anh, gõ /language.",
    "guide.ngonngu": "/ngonngu — đổi ngôn ngữ (Tiếng Việt / English)",
    "telegram.command.ngonngu": "Đổi ngôn ngữ (Tiếng Việt / English)",
    "broadcast.english_note": "(Thông báo này chỉ có bản tiếng Việt.)",
    "publish.text_en": (
        "Thêm bản tiếng Anh cho người nhận dùng tiếng Anh? Dán nội dung tiếng Anh, hoặc gõ «bỏ qua» — khi đó họ "
        "nhận bản tiếng Việt kèm một dòng ghi chú tiếng Anh."
    ),
    "label.publish_text_en": "Bản tiếng Anh",
    "publish.english_none": "không có (người dùng tiếng Anh nhận bản tiếng Việt)",
    "cli.text_en_conflict": "Chỉ dùng một trong hai: --text-en hoặc --file-en.",
}
