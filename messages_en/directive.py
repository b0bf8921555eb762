"""Messages of the directive pipeline: upload and parsing errors, the summary header, the CLI."""

MESSAGES: dict[str, str] = {
    "directive.error.empty": "The file is empty: there is no text to read.",
    "directive.error.binary": "This file is not readable text (it may be an image, a PDF or a damaged file).",
    "directive.error.unsupported": (
        "I can't read this kind of file yet. Please send a .txt, .docx or .pdf file, a photo (.jpg, .png) "
        "or a saved web page (.html)."
    ),
    "directive.error.corrupt": "I couldn't open this .docx file; it may be damaged.",
    "directive.error.corrupt_pdf": "I couldn't open this PDF file; it may be damaged.",
    "directive.error.locked_pdf": "This PDF file has a password. Please send an unlocked copy.",
    "directive.error.corrupt_image": "I couldn't open this image. Please take it again and send a .jpg or .png.",
    "directive.error.too_large": "The file is too large (at most 20 MB, or 60 megapixels for an image). "
                                 "Please send a smaller file.",
    "directive.error.too_many_pages": "The PDF is too long (at most 200 pages). Please send the part to announce.",
    "directive.error.too_many_scans": (
        "The PDF has too many scanned pages (at most 20 pages to recognise). Please send the pages to announce."
    ),
    "directive.error.download_failed": "I couldn't download the file from the chat app's server. Please send it again.",
    "directive.error.ocr_missing": "The server has no text recogniser (Tesseract) installed, so it can't read images "
                                   "or scans yet.",
    "directive.error.ocr_failed": "I couldn't recognise any text in this image. Please take a clearer photo or send a "
                                  "text file.",
    "directive.scan.poor": "⚠️ Poor scan quality — check the content carefully before sending.",
    "directive.error.not_directive": (
        "This doesn't look like a directive (a directive, official letter, notice, plan, decision, official "
        "telegram, guidance or a news item about one)."
    ),
    "directive.error.unreadable": "Couldn't read the file {path}.",
    "directive.header.number": "{kind} {number}",
    "directive.header.news_number": "{kind} on document {number}",
    "directive.header.issuer": "{head} of {issuer}",
    "directive.header.date": "{head}, {date:%d/%m/%Y}",
    "directive.cli.help": "Read, parse and summarise directives.",
    "directive.cli.parse": "Print the fields parsed from the text, as JSON.",
    "directive.cli.summarize": "Print a short summary of the text (at most 900 characters).",
    "directive.cli.file": (
        "Text file: .txt (UTF-8 or UTF-16), .docx, .pdf, a .jpg/.png image (text recognition) or .html."
    ),
}
