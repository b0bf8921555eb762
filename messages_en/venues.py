"""Venues, check-ins, exposure notices and their posters (English)."""

MESSAGES = {
    # /diadiem: registering a venue
    "venue.register_first": (
        "Please register your details first (type "
        "/declare), then type /venue to register a venue."
    ),
    "venue.ask.name": (
        "What is the venue called? (For example: Yen My "
        "market, Minh Anh grocery, Yen My secondary school)"
    ),
    "venue.label.name": "Venue name",
    "venue.name_too_short": "The venue name needs at least 2 characters. Please type it again.",
    "venue.ask.kind": "What kind of venue is it?",
    "venue.label.kind": "Kind of venue",
    "venue.kind.market": "Market",
    "venue.kind.office": "Office",
    "venue.kind.school": "School",
    "venue.kind.shop": "Shop",
    "venue.kind.clinic": "Health facility",
    "venue.kind.transport": "Public transport",
    "venue.kind.other": "Other",
    "venue.ask.province": (
        "Which province or city is the venue in? Type "
        "the new or old province name, or the whole address."
    ),
    "venue.label.province": "Province/city",
    "venue.ask.commune": "Which commune or ward of {province} is the venue in? (Old or new name)",
    "venue.label.commune": "Commune/ward",
    "venue.ask.street": "House number, street, hamlet of the venue? (For example: 5 Le Loi street)",
    "venue.label.street": "Address",
    "venue.ask.schedule": "Opening hours (for example: 6am-6pm daily)? Type “skip” if there are none.",
    "venue.label.schedule": "Opening hours",
    "venue.review": (
        "Please check the venue's details:\n{summary}\n\nChoose “Save venue” if they are right, or the item to change."
    ),
    "venue.save": "Save venue",
    "venue.saved": (
        "Venue “{name}” registered. Check-in code: {code}.\n"
        "Print the attached A4 poster and put it up at the entrance. Type /visits to see today's check-ins."
    ),
    "venue.poster": "Check-in poster of “{name}” (code {code}).",
    "venue.poster_zalo": (
        "Zalo cannot send PDF files: here is the venue's QR code to print, with the typed code {code}. "
        "The full A4 poster: type /poster {code} on Telegram or ask the commune officials to print it."
    ),
    "venue.poster_usage": (
        "Type /poster CODE to get the poster of a "
        "venue you registered again (e.g. /poster K7F3QX)."
    ),
    "venue.count_usage": "Type /visits CODE to see today's check-ins at a venue (e.g. /visits K7F3QX).",
    "venue.count_heading": "Today's check-ins at your venues:",
    "venue.count_line": "• {name} (code {code}): {count}",
    "venue.count_one": "“{name}” (code {code}) has {count} check-ins today.",
    "venue.not_yours": "No venue with code {code} among those you may see.",
    "venue.area_none": "No venue is registered in {area} yet.",
    "venue.area_heading": "Venues in {area} (today's check-ins):",
    "venue.area_line": "• {name} — {commune} — code {code}: {count}",
    "venue.area_line_suspended": "• {name} — {commune} — code {code}: {count} (suspended)",
    "venue.area_more": "(Only the first {count} venues are shown.)",
    "venue.suspend_usage": (
        "Type /tamdung CODE to suspend check-ins at a "
        "venue of your area, /tamdung CODE mo to reopen it."
    ),
    "venue.suspended": "Check-ins at “{name}” (code {code}) are suspended.",
    "venue.already_suspended": "Check-ins at “{name}” (code {code}) were already suspended.",
    "venue.reopened": "Check-ins at “{name}” (code {code}) are open again.",
    "venue.already_open": "Check-ins at “{name}” (code {code}) are still open.",
    # check-in
    "checkin.usage": (
        "Type /checkin CODE (the code on the poster at the "
        "entrance, e.g. /checkin K7F3QX), or scan the QR code."
    ),
    "checkin.unknown": "No venue has this code. Please check the code on the poster and type it again.",
    "checkin.unknown_register_first": (
        "No venue has this code. Please register your details first, then type /checkin and the code on the poster."
    ),
    "checkin.suspended": (
        "Sorry, check-ins at “{name}” are suspended at the health authority's request. "
        "Thank you for following the instructions on site."
    ),
    "checkin.register_first": (
        "To check in at “{name}” you need to register your details once. Once registered, khaibao brings you back "
        "to check in here."
    ),
    "checkin.registered": "Your details are saved. Next comes the check-in at “{name}”.",
    "rights.venue_data": (
        "Check-ins: {checkins}; "
        "venues you registered: {venues}; exposure notices received: {notices}."
    ),
    "rights.venue_owned": "• Your venue: {name} (code {code})",
    "checkin.register_again": "Please register before checking in. Type /khaibao to register.",
    "checkin.confirm": "Check in at: {name}\nAddress: {address}\nTime: {time}\n\nConfirm to check in.",
    "checkin.ask_code": (
        "Type the check-in code printed on the poster at the entrance (6 characters, e.g. K7F3QX), "
        "or /cancel not to check in."
    ),
    "checkin.label.venue": "Venue",
    "checkin.label.confirm": "Confirmation",
    "checkin.option.self": "Confirm check-in",
    "checkin.option.family": "Check in me and {names}",
    "checkin.option.cancel": "Do not check in",
    "checkin.cancelled": "Skipped: you have not checked in.",
    "checkin.done": "✅ Checked in at “{name}” at {time}.",
    "checkin.done_family": "✅ Checked in {count} people (you and {names}) at “{name}” at {time}.",
    # exposure notices and the declaration from them
    "exposure.notice": (
        "⚠️ EXPOSURE NOTICE: {who} at these places at the same time as a confirmed case:\n{visits}\n\n"
        "What to do now: wear a mask, limit contact with others, watch your health for 14 days; "
        "with fever, cough or shortness of breath call your commune health station at once.\n"
        "Declare now: press “Declare now” (where shown) or type {command}."
    ),
    "exposure.notice.visit": "• {place} — around {time}",
    "exposure.notice.you": "You were",
    "exposure.notice.you_and": "You and {names} were",
    "exposure.notice.family": "{names} (checked in with you) were",
    "exposure.notice.button": "Declare now",
    "exposure.notice.generic": "⚠️ Notice of contact with a case at a venue you checked in at.",
    "exposure.declare_intro": (
        "Health declaration after an exposure notice: your declaration will also record that you were at the same "
        "place and time as a case. Still answer the question about contacts if you had any other."
    ),
    "exposure.no_notice": "You have not been sent an exposure notice lately: this is an ordinary health declaration.",
    "exposure.same_place": "At the same place and time as a confirmed case (exposure notice)",
    "triage.reason.same_place": "At the same place and time as a confirmed case (exposure notice)",
    "exposure.summary.line": "• {place}: the case was there {start} – {end}; {people} people notified",
    "exposure.summary.line_once": "• {place}: the case was there at {start}; {people} people notified",
    "exposure.summary.commune": "A case visited these venues in {area}:\n{lines}",
    "exposure.summary.province": "New case: {venues} venues in {area} concerned, {people} people notified.",
    # /cabenh
    "case.usage": "Type /cabenh DECLARATION_CODE [DAYS] (e.g. /cabenh K7F3QX2A 14): days to look back, 1 to 60.",
    "case.not_found": "No declaration with code {code} in your area.",
    "case.already": "Declaration {code} was marked as a case at {at}; {notified} people were notified.",
    "case.marked": (
        "Case marked (declaration {code}), looking back {days} days: {visits} check-ins at {venues} venues; "
        "{notified} people who were there at the same time will be notified (without the case's identity)."
    ),
    # the poster
    "poster.heading": "SCAN THE QR CODE TO CHECK IN",
    "poster.code_label": "Cannot scan? Type /checkin and the code:",
    "poster.instructions": (
        "1. Open your camera or Telegram, scan the QR code, press “Confirm check-in”.\n"
        "2. On Zalo, or if you cannot scan: send “/checkin {code}” to khaibao.\n"
        "If someone who was here at the same time falls ill, khaibao will tell you."
    ),
    # /huongdan lines
    "guide.diadiem": "/venue — register a venue (market, shop, office...) and get its QR poster",
    "guide.checkin": "/checkin CODE — check in at a venue",
    "guide.luotvao": "/visits [CODE] — today's check-ins at a venue",
    "guide.inposter": "/poster CODE — get a venue's QR poster again",
    "guide.tiepxuc": "/exposed — declare after an exposure notice",
    "guide.dsdiadiem": "/dsdiadiem — the check-in venues of your area",
    "guide.cabenh": "/cabenh CODE [DAYS] — mark a confirmed case and notify those who were there at the same time",
    "guide.tamdung": "/tamdung CODE [mo] — suspend (or reopen) check-ins at a venue",
    # settings
    "settings.expect.CHECKIN_RETENTION_DAYS": "a whole number of days from 1 to 365.",
    "settings.expect.EXPOSURE_WINDOW_HOURS": "a number of hours above 0 and at most 48, e.g. 2 or 1.5.",
    "settings.expect.EXPOSURE_WINDOW_BY_KIND": (
        "a comma-separated list of KIND=HOURS, the kind one of market, office, school, shop, clinic, transport "
        "or other (e.g. market=3,transport=1)."
    ),
    "settings.expect.EXPOSURE_LOOK_BACK_DAYS": "a whole number of days from 1 to 60.",
    # /thongke
    "stats.venues_heading": "Check-ins over the last 7 days (today last):",
    "stats.venue_line": "• {name} (code {code}): {days} — total {total}",
    "stats.venues_none": "No check-ins in the last 7 days.",
    "stats.cases_heading": "Cases in the last 30 days:",
    "stats.case_line": "• {at}: {visits} check-ins, {told} people notified, {declared} declared within 24 hours",
}
