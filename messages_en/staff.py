"""Texts for officials, gatekeepers and admins: invites, reports, alerts, monitoring; community reports."""

MESSAGES = {
    "invite.role": "What role should the invited person have?",
    "invite.role.official": "Official (commune or province)",
    "invite.role.gatekeeper": "QR code checker (office, workplace)",
    "invite.area": "Their area: which province or commune? (Type the name)",
    "invite.name": "Name of the person invited? (Type \"skip\" if you don't know it yet: they will give it when "
                   "they accept.)",
    "invite.phone": "Their phone number? (Type \"skip\" if there is none.)",
    "label.invite_name": "Name",
    "label.invite_phone": "Phone",
    "label.invite_code": "Invitation code",
    "redeem.code": "Type the invitation code the administrator sent you (e.g. ABCD2345EF):",
    "redeem.bad_code": "An invitation code is letters and digits, e.g. ABCD2345EF. Please type it again.",
    "redeem.name": (
        "Before accepting the invitation: what is your name? (So that administrators and citizens know who is in "
        "charge; type \"skip\" if the invitation already has your name.)"
    ),
    "invite.review": "Check the invitation:\n{summary}",
    "invite.confirm": "Create the invitation",
    "label.invite_role": "Role",
    "label.invite_area": "Area",
    "invite.created": (
        "Invitation created: {role} for {area}{person}, single use, expires at {expires}.\n"
        "Invitation code: {code}\n"
        "On Telegram open: {link}\n"
        "On Zalo or the command line type: /join {code}"
    ),
    "invite.for_person": "(invited: {name})",
    "invite.no_link": "(set TELEGRAM_BOT_USERNAME to get a link)",
    "invite.redeemed": "Welcome! You are now {role} of {area}. The commands you can use:\n{commands}",
    "invite.invalid": "This invitation code is invalid, used, revoked or expired. Please contact the administrator.",
    "invite.missing_code": "Send /join with the invitation code, e.g. /join ABCD2345EF",
    "role.official": "an official",
    "role.gatekeeper": "a QR code checker",
    "staff.officials_only": "Only officials can use this.",
    "staff.list_header": "Officials and checkers:",
    "staff.list_line": "#{id} · {name} · {phone} · {role} · {area} · {channel}",
    "staff.list_empty": "There are no officials yet.",
    "staff.removed": "The role of #{id} is revoked.",
    "staff.not_found": "There is no official #{id}.",
    "staff.need_id": "Add the official's number, e.g. /removestaff 12 (see the numbers with /staff).",
    "report.confirmed": "Report of {area} recorded: {titles}. Thank you.",
    "report.nothing_open": "No report is waiting for confirmation in {area}.",
    "reminder.text": (
        "Report reminder: {title}\nArea: {area}\nDue: {due}\n\n{figures}\n\n"
        "Once you have sent the report, send /reported to confirm."
    ),
    "reminder.repeat": "REMINDER AGAIN — the report is not confirmed and it is overdue.",
    "reminder.figures": (
        "Health declaration figures:\n"
        "• Today: {today_total} (red {today_red}, yellow {today_yellow}, green {today_green})\n"
        "• Last 7 days: {week_total} (red {week_red}, yellow {week_yellow}, green {week_green})\n"
        "• Under health monitoring: {monitoring} people, missed declarations: {missed}"
    ),
    "escalation.text": (
        "Areas that have not reported \"{title}\" (due {due}):\n{areas}\nPlease follow them up."
    ),
    "alert.declaration": (
        "ALERT: {level} declaration\nCode: {code}\nName: {name}\nPhone: {phone}\n"
        "Address: {address}\nWhy: {reasons}"
    ),
    "alert.declarant_phone": "{phone} (of {name}, who declared for them)",
    "alert.community": (
        "REPORT FROM A CITIZEN: {kind}\nArea: {area}\nPlace: {place}\nPeople involved: {who}\n"
        "What was seen: {seen}\nContact of the reporter: {contact}"
    ),
    "alert.footer": "Send /ack {id} to confirm you have taken it up.",
    "alert.declarant_told": "Your high-risk declaration (code {code}) has been passed on to {who}.",
    "alert.declarant_told_for": "The high-risk declaration for {name} (code {code}) has been passed on to {who}.",
    "alert.footer_admins": (
        "Alert #{id} sent to administrators because the area has no official: invite officials with /invite; "
        "officials who join later will see this alert with /alerts."
    ),
    "alert.resent": "NOT TAKEN UP AFTER 2 HOURS — sent again:",
    "alert.escalated": "Passed up to the province: the commune has not taken up this alert after 2 hours.",
    "alert.acknowledged": "Recorded: you have taken up alert #{id}.",
    "alert.not_found": "There is no alert #{id} waiting in your area.",
    "alert.none_open": "No alert or report is waiting to be taken up in {area}.",
    "alert.open_heading": "Alerts and reports not yet taken up in {area}: {count}",
    "alert.open_item": "#{id} · {at}\n{text}",
    "alert.open_more": "… and {count} more alerts (take up the ones above to see the rest).",
    "alert.open_footer": "Send /ack NUMBER to confirm you have taken one up, e.g. /ack 12.",
    "area_search.usage": "Send /areas with a name, e.g. /areas yen my or /areas yen my, hung yen",
    "area_search.none": "No area is called \"{text}\".",
    "area_search.heading": "Areas matching \"{text}\" (code · name):",
    "area_search.line": "{code} · {label}",
    "alert.need_id": "Add the alert's number, e.g. /ack 12",
    "anonymous": "anonymous",
    "erased": "[deleted]",
    "monitoring.started": (
        "{name} ({code}) is now under health monitoring for {days} days, until {until}. "
        "They will be reminded to declare at 07:30 and 16:30 every day."
    ),
    "monitoring.citizen_notice": (
        "A health worker has put you under health monitoring for {days} days. You will be reminded to declare "
        "twice a day; send /declare to declare."
    ),
    "monitoring.reminder": (
        "Health declaration reminder: you are under health monitoring. Send /declare to declare now."
    ),
    "monitoring.reminder_for": (
        "Health declaration reminder for {name}: {name} is under health monitoring. Send /declare and choose to "
        "declare for someone else to declare for {name} now."
    ),
    "monitoring.citizen_notice_for": (
        "{name} (whom you declared for) has been put under health monitoring for {days} days by a health worker. "
        "You will be reminded twice a day to declare for {name}; send /declare and choose to declare for someone else."
    ),
    "monitoring.missed_line": "• {name} ({phone})",
    "monitoring.missed_line_for": "• {name} — declared for by {declarant} ({phone})",
    "monitoring.missed": "People under health monitoring who have not declared since {since}:\n{people}",
    "monitoring.more": "… and {count} more",
    "monitoring.usage": "Send /monitor DECLARATION_CODE [days], e.g. /monitor ABCD2345 14",
    "monitoring.not_found": "There is no declaration {code} in your area.",
    "report.kind": "What would you like to report?",
    "report.kind.suspected": "A suspected case (symptoms, contact with a case)",
    "report.kind.arrival": "Someone back from an outbreak area or from abroad who hasn't declared",
    "report.kind.other": "Something else about epidemic prevention",
    "report.province": "Which province or city is this in?",
    "report.commune": "Which commune or ward of {province}?",
    "report.place": "The exact place (hamlet, house number, workplace...)?",
    "report.who": "Who is involved (if you know)? Type \"skip\" if you don't know.",
    "report.seen": "What did you see? Describe it briefly.",
    "report.contact": (
        "A phone number where officials can call you back? Type \"skip\" to stay anonymous — officials won't know "
        "who you are."
    ),
    "report.review": "Check your report:\n{summary}",
    "report.send": "Send the report",
    "report.sent": "Thank you. Report #{id} has been passed on to {who}.",
    "routing.commune": "the officials of {area}",
    "routing.province": "the officials of {area} (this commune has no official in the system yet)",
    "routing.admins": "the system administrators (this area has no official in the system yet)",
    "routing.nobody": (
        "the system; the area has no official yet, and officials assigned later will get it as soon as they join"
    ),
    "label.report_kind": "Kind",
    "label.report_place": "Place",
    "label.report_who": "People involved",
    "label.report_seen": "What was seen",
    "label.report_contact": "Contact",
}
