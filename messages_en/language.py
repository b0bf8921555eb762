"""Texts of the language choice (the question itself is bilingual, the same in every catalogue)."""

MESSAGES = {
    "language.prompt": (
        "Xin chào! Bạn muốn dùng tiếng Việt hay tiếng Anh?\nHello! Would you like Vietnamese or English?"
    ),
    "language.hint": "Gõ 1 để dùng tiếng Việt — type 2 for English.",
    "language.vi": "Tiếng Việt",
    "language.en": "English",
    "language.set": "From now on I'll answer in English. To change the language at any time, send /language.",
    "language.detected": "I'll answer in English. To use Vietnamese instead, send /ngonngu.",
    "guide.ngonngu": "/language (/ngonngu) — change the language (Vietnamese / English)",
    "telegram.command.ngonngu": "Change the language (Vietnamese / English)",
    "broadcast.english_note": "(This notice is in Vietnamese only.)",
    "publish.text_en": (
        "Add an English text for English-speaking recipients? Paste the English text, or type \"skip\" — they will "
        "then get the Vietnamese text with a one-line note in English."
    ),
    "label.publish_text_en": "English text",
    "publish.english_none": "none (English speakers get the Vietnamese text)",
    "cli.text_en_conflict": "Use only one of --text-en and --file-en.",
}
