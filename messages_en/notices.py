"""Texts of notices: citizens reading them, admins publishing them."""

MESSAGES = {
    "notices.none": "There are no notices yet.",
    "notices.pick": "Recent notices. Type a number to read one:",
    "notices.open": "Would you like to read the full text?",
    "notices.full": "Read the full text",
    "notices.done": "Done",
    "notices.closed": "Send /notices for other notices, /declare to make a health declaration.",
    "notices.gone": "This notice is no longer available.",
    "label.notice": "Notice",
    "label.notice_open": "Read on",
    "publish.text": (
        "Paste the text of the directive, official letter or notice, or send a .txt, .docx or .pdf file, a photo "
        "of the document or a saved web page (.html). I'll summarise it so that people can read it on one phone "
        "screen."
    ),
    "publish.too_long": "The text is too long (at most {limit} characters).",
    "publish.not_directive": (
        "This doesn't look like a directive (no number, issuing body or items found). "
        "A short notice can have at most {limit} characters."
    ),
    "publish.plain_header": "Notice",
    "publish.joined": "Joined {count} consecutive messages into one text.",
    "publish.file_read": "Read the file {name} ({pages} pages).",
    "publish.preview": (
        "{notes}Preview:\n{fields}\n\n"
        "Summary sent to people:\n{summary}\n\nReporting duties found:\n{duties}\n\n"
        "Choose \"Continue\", or /quaylai to paste the text again."
    ),
    "publish.preview.short": "Type 1 (Continue) to choose the recipients, or /quaylai to paste the text again.",
    "publish.field.kind": "Type: {value}",
    "publish.field.number": "Number: {value}",
    "publish.field.issuer": "Issued by: {value}",
    "publish.field.date": "Date: {value}",
    "publish.fields_none": "(The text gives no type, number, issuing body or date.)",
    "publish.reach": "It would reach {count} people now ({audience}).",
    "publish.continue": "Continue",
    "publish.cadence.daily": "Daily",
    "publish.cadence.weekly": "Weekly",
    "publish.cadence.monthly": "Monthly",
    "publish.cadence.yearly": "Yearly",
    "publish.cadence.dated": "By a deadline",
    "publish.cadence.event": "When it happens",
    "publish.audience": "Who should receive it?",
    "publish.audience.everyone": "Everyone",
    "publish.audience.citizens": "Citizens",
    "publish.audience.officials": "Officials",
    "publish.audience.area": "Citizens of one province or commune",
    "publish.area": "Which province or commune? (Type the name, e.g. hung yen, yen my)",
    "publish.area_not_found": "I couldn't find the area \"{query}\". Please type it again.",
    "publish.urgent": "Is this an URGENT notice? (Urgent notices are sent even during the quiet hours 21:00–07:00.)",
    "publish.when": "When should it go out? Type \"now\" to send it now, or a time such as \"17:30\", \"25/12 08:00\".",
    "publish.bad_time": "I couldn't read that time. Type \"now\", or a time such as \"17:30\", \"25/12 08:00\".",
    "publish.time_past": "That time has passed. Please choose a time still to come.",
    "publish.schedules": (
        "The text has {count} periodic reporting duties. Create report reminders for commune officials from them?"
    ),
    "label.publish_schedules": "Create report reminders",
    "publish.review": "Check before sending:\n{summary}",
    "publish.confirm": "Send the notice",
    "publish.queued": "Notice #{id} is scheduled for {audience} at {at}. Progress will be shown here.",
    "label.publish_text": "Text",
    "label.publish_preview": "Preview",
    "label.publish_audience": "Recipients",
    "label.publish_area": "Area",
    "label.publish_urgent": "Urgent",
    "label.publish_when": "Sending time",
    "command.admin_only": "Only administrators can use this.",
}
