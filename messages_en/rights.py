"""Texts of QR verification, statistics, exports and citizens' data rights."""

MESSAGES = {
    "verify.action.green": "LET IN ✅",
    "verify.action.yellow": (
        "LET IN, WATCH ⚠️ — remind them to wear a mask and keep their distance; tell them to contact the commune "
        "health station"
    ),
    "verify.action.red": "DO NOT LET IN ⛔ — send them to the commune health station (or call 1900 9095)",
    "verify.valid": (
        "{action}\nCode VALID until {until} · Risk level: {level}\nDeclared at: {time}\nName: {name}\nCode: {code}"
    ),
    "verify.expired": (
        "NOT YET — the code EXPIRED at {until}: ask them to declare again (/declare) and show the new code\n"
        "Risk level when declared: {level}\nDeclared at: {time}\nName: {name}\nCode: {code}"
    ),
    "verify.forged": "NOT A GENUINE CODE ❌ — the code is wrong or has been altered.",
    "verify.usage": "Send /check with the code printed under the QR code, e.g. /check ABCD2345",
    "verify.staff_only": "Only officials or assigned checkers can check codes.",
    "verify.other_area": "This declaration is not in your area.",
    "stats.summary": (
        "Health declaration statistics — {area}\n"
        "Today: {today_total} (red {today_red}, yellow {today_yellow}, green {today_green})\n"
        "Last 7 days: {week_total} (red {week_red}, yellow {week_yellow}, green {week_green})\n"
        "New today: {today_red} red, {today_yellow} yellow\n"
        "Under health monitoring: {monitoring} people · Missed declarations since the last reminder: {missed}"
    ),
    "stats.breakdown_header": "By commune (7 days):",
    "stats.breakdown_line": "• {commune}: {total} (red {red}, yellow {yellow})",
    "stats.chart_title": "Declarations in the last 14 days — {area}",
    "export.usage": (
        "Send /export [tu dd/mm/yyyy] [den dd/mm/yyyy] [do|vang|xanh] [csv], e.g. /export tu 01/11/2026 do "
        "(tu = from, den = to, do = red, vang = yellow, xanh = green). "
        "By default: the last 30 days, every level, an Excel file."
    ),
    "export.ready": "Declarations of {area}: {count} rows, from {start} to {end}.",
    "export.no_files": (
        "This channel can't send files. Please use Telegram, or ask an administrator to export with khaibao export."
    ),
    "rights.profile": (
        "Your data:\nName: {name}\nDate of birth: {birth}\nGender: {gender}\nPhone: {phone}\n"
        "Citizen ID: {id_number}\nAddress: {address}\nConsent given: {consent}\nDeclarations stored: {count}"
    ),
    "rights.declaration_line": "• {time}: {name} (yourself) — level {level} (code {code})",
    "rights.declaration_line_for": "• {time}: for {name} — level {level} (code {code})",
    "rights.nothing": "We hold no personal data about you.",
    "rights.file_name": "my-data.json",
    "rights.file_note": "The attached JSON file holds all your data.",
    "erase.confirm": (
        "Do you want to withdraw your consent and DELETE all your personal data (details, declarations, "
        "conversation history)? This cannot be undone. General statistics (with no personal data) are kept."
    ),
    "erase.yes": "Yes, delete my data",
    "erase.no": "No, keep it",
    "erase.done": "Your consent is withdrawn and your personal data deleted. You won't get any more messages. "
                  "Thank you.",
    "erase.kept": "Your data is kept as it was.",
    "erase.nothing_stored": "Nothing was deleted: no data of yours is stored yet.",
    "label.erase": "Delete data",
}
