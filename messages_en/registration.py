"""Texts of registration: consent, profile questions, areas, CCCD checks."""

MESSAGES = {
    "consent.prompt": (
        "Hello! This is the health declaration channel of the local authorities.\n\n"
        "Before we start, please read and agree to the following:\n"
        "• What we collect: your full name, date of birth, gender, phone number, citizen ID number (optional), "
        "address and health information (symptoms, contacts, travel, underlying conditions, vaccination).\n"
        "• Why: to prevent and control epidemics — assessing risk, advising you and getting you medical help "
        "in time.\n"
        "• Who sees it: health workers and the authorities of the commune/ward and province where you live.\n"
        "• Health information is sensitive personal data under Decree 13/2023/ND-CP.\n"
        "• How long: declarations are kept for at most 30 days and then deleted.\n"
        "• Your rights: see, correct, withdraw your consent or ask for your data to be deleted at any time "
        "(/mydata to see it, /deletedata to withdraw consent and delete it).\n\n"
        "Do you agree?"
    ),
    "consent.prompt.short": (
        "Do you agree that the authorities may use your declaration to prevent and control epidemics, "
        "as described above?"
    ),
    "consent.agree": "I agree",
    "consent.decline": "I don't agree",
    "consent.declined": (
        "Thank you. I have not stored anything about you. "
        "If you change your mind, send /start at any time. Ministry of Health hotline: 1900 9095."
    ),
    "register.full_name": "What is your full name? (For example: John Smith)",
    "register.birth": "What is your date of birth? (For example: 12/03/1990; if you don't remember the day, "
                      "type the year, e.g. 1990)",
    "register.gender": "What is your gender?",
    "register.phone": "What phone number can we reach you on? (For example: 0912 345 678)",
    "register.id_number": (
        "Your Vietnamese citizen ID number (CCCD, 12 digits)? Optional — type \"skip\" if you'd rather not give it."
    ),
    "register.province": (
        "Which province or city are you staying in? Type the new or old name of the province, or your whole "
        "address (e.g. hung yen, thai binh, \"thi tran dong hung, thai binh\")."
    ),
    "register.commune": "Which commune or ward of {province}? (Type its old or new name, e.g. {example})",
    "register.street": "Your house number, street and hamlet? (For example: 12 Dong hamlet)",
    "register.review": (
        "Please check your details:\n{summary}\n\nChoose \"Save my details\" if they are right, or choose what to edit."
    ),
    "register.save": "Save my details",
    "register.saved": "Your details are saved. Next comes the health declaration.",
    "label.consent": "Consent",
    "label.full_name": "Full name",
    "label.birth": "Date of birth",
    "label.gender": "Gender",
    "label.phone": "Phone",
    "label.id_number": "Citizen ID",
    "label.province": "Province/city",
    "label.commune": "Commune/ward",
    "label.street": "Address",
    "label.review": "Review",
    "area.province_not_found": (
        "I couldn't find the province or city \"{query}\". Please type the new or old name again, e.g. ha noi, "
        "nghe an, hcm, thai binh."
    ),
    "area.commune_not_found": (
        "I couldn't find the commune or ward \"{query}\" in {province}. Type its new or old name (with the old "
        "district if you remember it), e.g. \"yen my\" or \"thi tran dong hung, dong hung\"."
    ),
    "area.pick_province": "Several provinces match. Type a number to choose, or type the name again:",
    "area.pick_commune": "Several communes or wards match. Type a number to choose, or type the name again:",
    "area.chosen": "Chosen: {name}",
    "area.preset": "You are registering in {name} (from the QR code).",
    "cccd.bad_format": "A citizen ID number has exactly 12 digits. Please type it again, or type \"skip\".",
    "cccd.bad_province": (
        "The first three digits of the ID ({code}) are not the code of a province of birth registration. "
        "Please check it, or type \"skip\"."
    ),
    "cccd.year_mismatch": (
        "According to the ID number, the year of birth is {encoded} (the 4th digit gives the century, the 5th "
        "and 6th the last two digits of the year), but you gave {given}. Please check the ID number, or type \"skip\"."
    ),
    "cccd.gender_mismatch": (
        "The 4th digit of the ID gives the gender and century of birth, but it doesn't match the gender you chose. "
        "Please check it, or type \"skip\"."
    ),
}
