"""Messages of the directive pipeline: upload and parsing errors, the summary header, the CLI."""

MESSAGES: dict[str, str] = {
    "directive.error.empty": "Tệp trống: không có nội dung văn bản nào để đọc.",
    "directive.error.binary": "Tệp này không phải văn bản đọc được (có thể là ảnh, PDF hoặc tệp bị hỏng).",
    "directive.error.unsupported": (
        "Chưa đọc được loại tệp này. Vui lòng gửi tệp .txt, .docx, .pdf, ảnh chụp (.jpg, .png) "
        "hoặc trang web đã lưu (.html)."
    ),
    "directive.error.corrupt": "Không mở được tệp .docx này, có thể tệp đã bị hỏng.",
    "directive.error.corrupt_pdf": "Không mở được tệp PDF này, có thể tệp đã bị hỏng.",
    "directive.error.locked_pdf": "Tệp PDF này có mật khẩu. Vui lòng gửi bản không khóa.",
    "directive.error.corrupt_image": "Không mở được ảnh này. Vui lòng chụp lại và gửi ảnh .jpg hoặc .png.",
    "directive.error.too_large": "Tệp quá lớn (tối đa 20 MB hoặc ảnh 60 megapixel). Vui lòng gửi tệp nhỏ hơn.",
    "directive.error.too_many_pages": "Tệp PDF quá dài (tối đa 200 trang). Vui lòng gửi phần văn bản cần thông báo.",
    "directive.error.too_many_scans": (
        "Tệp PDF có quá nhiều trang quét (tối đa 20 trang cần nhận dạng chữ). Vui lòng gửi các trang cần thông báo."
    ),
    "directive.error.download_failed": "Không tải được tệp từ máy chủ của ứng dụng chat. Vui lòng gửi lại.",
    "directive.error.ocr_missing": "Máy chủ chưa cài bộ nhận dạng chữ (Tesseract) nên chưa đọc được ảnh, bản quét.",
    "directive.error.ocr_failed": "Không nhận dạng được chữ trong ảnh này. Vui lòng chụp rõ hơn hoặc gửi tệp văn bản.",
    "directive.scan.poor": "⚠️ Chất lượng quét thấp — kiểm tra kỹ nội dung trước khi gửi.",
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
    "directive.cli.file": (
        "Tệp văn bản: .txt (UTF-8 hoặc UTF-16), .docx, .pdf, ảnh .jpg/.png (nhận dạng chữ) hoặc .html."
    ),
}
