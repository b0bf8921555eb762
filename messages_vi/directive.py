"""Messages of the directive pipeline: upload and parsing errors, the summary header, the CLI."""

MESSAGES: dict[str, str] = {
    "directive.error.empty": "Tệp trống: không có nội dung văn bản nào để đọc.",
    "directive.error.binary": "Tệp này không phải văn bản đọc được (có thể là ảnh, PDF hoặc tệp bị hỏng).",
    "directive.error.unsupported": "Chưa đọc được loại tệp này. Vui lòng gửi tệp .txt hoặc .docx.",
    "directive.error.corrupt": "Không mở được tệp .docx này, có thể tệp đã bị hỏng.",
    "directive.error.not_directive": (
        "Nội dung này không giống một văn bản chỉ đạo (chỉ thị, công văn, thông báo, kế hoạch, "
        "quyết định, công điện, hướng dẫn hoặc tin bài về một văn bản)."
    ),
    "directive.error.unreadable": "Không đọc được tệp {path}.",
    "directive.header.number": "{kind} {number}",
    "directive.header.news_number": "{kind} về văn bản {number}",
    "directive.header.issuer": "{head} của {issuer}",
    "directive.header.date": "{head}, {date:%d/%m/%Y}",
    "directive.cli.help": "Đọc, phân tích và tóm tắt văn bản chỉ đạo.",
    "directive.cli.parse": "In các trường phân tích được từ văn bản, dạng JSON.",
    "directive.cli.summarize": "In bản tóm tắt ngắn của văn bản (tối đa 900 ký tự).",
    "directive.cli.file": "Tệp văn bản: .txt (UTF-8 hoặc UTF-16) hoặc .docx.",
}
