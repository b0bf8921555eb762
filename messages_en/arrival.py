"""Texts of the arrival declaration (for people entering Viet Nam)."""

MESSAGES = {
    "guide.nhapcanh": "/arrival (/nhapcanh) — arrival declaration (you have just entered Viet Nam from abroad)",
    "telegram.command.nhapcanh": "Arrival declaration",
    "whom.arrival": "I have just entered Viet Nam (arrival declaration)",
    "arrival.register_first": (
        "Arrival declaration: first, please register your personal details once (name, date of birth, phone, "
        "where you live in Viet Nam). Then you declare your arrival."
    ),
    "arrival.nationality": "Arrival declaration. What is your nationality? (e.g. “USA”, “Korea”, “Viet Nam”)",
    "arrival.nationality.unknown": (
        "I don't recognise the nationality “{place}”. Did you mean: {suggestions}? "
        "Please type it again."
    ),
    "arrival.nationality.unknown_none": (
        "I don't recognise the nationality “{place}”. Please type a country, e.g. “Japan”, “Germany”, “Viet Nam”."
    ),
    "arrival.paper": "{ask}",
    "arrival.paper.ask_vn": (
        "Your passport number? Vietnamese citizens may type their citizen ID (CCCD, 12 digits) instead."
    ),
    "arrival.paper.ask": "Your passport number? (letters and digits as printed in your passport, e.g. “M12345678”)",
    "arrival.paper.passport": "Passport {number}",
    "arrival.paper.cccd": "Citizen ID (CCCD) {number}",
    "arrival.paper.empty": "Please type your passport number.",
    "arrival.paper.cccd_foreigner": (
        "A 12-digit number is a Vietnamese citizen ID (CCCD). Foreign nationals, please type your passport number."
    ),
    "arrival.paper.cccd_mismatch": (
        "This CCCD does not match your registered year of birth and sex, or its province code is wrong. "
        "Please check it, or type your passport number."
    ),
    "arrival.paper.bad": (
        "A passport number usually has 6 to 9 letters and digits, e.g. “M12345678”. "
        "Please type it again."
    ),
    "arrival.paper.bad_vn": (
        "A passport number usually has 6 to 9 letters and digits (e.g. “C1234567”); a CCCD has 12 digits. "
        "Please type it again."
    ),
    "arrival.entry_date": "On which day did you enter Viet Nam? (e.g. “today”, “yesterday”, “28/11”, “28 Nov”)",
    "arrival.entry_date.bad": (
        "I didn't understand the date of entry. E.g. “today”, “yesterday”, “3 days ago”, “last Friday”, “28/11” or "
        "“28 Nov 2026”."
    ),
    "input.day_out_of_range": (
        "The date of entry must be within the last {days} days or the next 7. Please check the day and month."
    ),
    "arrival.gate": (
        "Through which airport or border gate did you enter? (e.g. “Noi Bai”, “Tan Son Nhat”, “Moc Bai border”; "
        "somewhere else: type “other: name of the gate”)"
    ),
    "arrival.gate.kind.airport": "{name} International Airport ({province})",
    "arrival.gate.kind.land": "{name} International Border Gate ({province})",
    "arrival.gate.kind.rail": "{name} International Railway Station ({province})",
    "arrival.gate.kind.sea": "{name} Seaport ({province})",
    "arrival.gate.other": "Other border gate: {name}",
    "arrival.gate.pick": "Several places match your answer. Where did you enter? Choose a number:",
    "arrival.gate.near": (
        "Did you mean one of these? Choose a number, or type the name again (elsewhere: "
        "“other: name”)."
    ),
    "arrival.gate.unknown": (
        "I can't find this airport or border gate. Type its name (e.g. “Noi Bai”, “Lao Bao”) or "
        "“other: name of the gate”."
    ),
    "arrival.vehicle": (
        "Your flight number or vehicle plate? (e.g. “VN301”, “VJ 123”, “29A-123.45”; crossed on foot: "
        "type “on foot”)"
    ),
    "arrival.vehicle.flight": "Flight {number}",
    "arrival.vehicle.plate": "Vehicle plate {number}",
    "arrival.vehicle.other": "Vehicle {number}",
    "arrival.vehicle.on_foot": "Crossed the border on foot",
    "arrival.vehicle.bad": (
        "I didn't understand that number. E.g. a flight “VN301”, “VJ 123”; a plate “29A-123.45”; or “on foot”."
    ),
    "arrival.visited": (
        "In the 14 days before entering, which countries did you stay in or pass through (including the country "
        "you left from and any transit)? Separate them with commas, e.g. “Korea, Japan”."
    ),
    "arrival.visited.unknown": (
        "I don't recognise the country “{place}”. Did you mean: {suggestions}? Please "
        "type the whole list again."
    ),
    "arrival.visited.unknown_none": (
        "I don't recognise the country “{place}”. Please type country names, e.g. "
        "“Korea, Japan”."
    ),
    "arrival.visited.none": (
        "Please type at least the country you left from (e.g. “Korea”), and any you stayed in or passed through."
    ),
    "arrival.stay_same": "Will you stay at your registered address in Viet Nam: {address}?",
    "arrival.stay_province": "In which province or city of Viet Nam will you stay?",
    "arrival.stay_commune": "In which commune or ward of {province} will you stay?",
    "arrival.stay_street": "House number and street (or hotel) where you will stay?",
    "arrival.label.nationality": "Nationality",
    "arrival.label.paper": "Document",
    "arrival.label.entry_date": "Date of entry",
    "arrival.label.gate": "Border gate",
    "arrival.label.vehicle": "Flight or vehicle",
    "arrival.label.visited": "Countries in the last 14 days",
    "arrival.label.stay_same": "Staying at registered address",
    "arrival.label.stay_province": "Province of stay",
    "arrival.label.stay_commune": "Commune of stay",
    "arrival.label.stay_street": "Address of stay",
    "arrival.review": (
        "Please check your arrival declaration:\n{summary}\n\n"
        "Giving false information is against the law and may be penalised."
    ),
    "arrival.summary": (
        "Arrival declaration recorded:\nNationality: {nationality}\nDocument: {paper}\nDate of entry: {entry_date}\n"
        "Border gate: {gate}\nFlight or vehicle: {vehicle}\nCountries in the last 14 days: {visited}"
    ),
    "arrival.monitoring": (
        "As you stayed in {countries} (on the outbreak list), you are under medical monitoring for {days} days, "
        "until {until}. Please declare your health every day with /khaibao; the commune health station will "
        "contact you."
    ),
    "arrival.alert": (
        "Entered on {entry_date} through {gate}, {vehicle}; nationality: {nationality}; "
        "in the 14 days before: {visited}"
    ),
    "arrival.gate_screen": "Entered on {entry_date} through {gate}; nationality {nationality}; document {paper}",
    "settings.expect.ARRIVAL_AUTO_MONITORING_DAYS": "needs a whole number of days from 0 (off) to 60.",
    "arrival.column.nationality": "Nationality",
    "arrival.column.paper": "Passport/CCCD",
    "arrival.column.entry_date": "Date of entry",
    "arrival.column.gate": "Border gate",
    "arrival.column.vehicle": "Flight or vehicle",
    "arrival.column.visited": "Countries (14 days)",
}
