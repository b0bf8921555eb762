"""Texts of the health declaration, triage results and the receipt."""

MESSAGES = {
    "profile.summary": "Name: {name}\nDate of birth: {birth}\nPhone: {phone}\nAddress: {address}",
    "declare.confirm_profile": "Hello! Your details:\n{profile}\n\nAre these still correct?",
    "profile.confirm": "Yes, make a declaration",
    "profile.edit": "Edit my details",
    "label.confirm_profile": "Details confirmed",
    "declare.for_whom": "Who are you declaring for?",
    "whom.self": "For myself",
    "whom.other": "For someone else (a child, a parent...)",
    "declare.subject_name": "Full name of the person you are declaring for?",
    "declare.subject_birth": "Their date of birth (or year of birth)?",
    "declare.subject_gender": "Their gender?",
    "declare.subject_relation": "How are they related to you?",
    "relation.child": "Child",
    "relation.parent": "Parent",
    "relation.spouse": "Spouse",
    "relation.relative": "Other relative",
    "relation.other": "Other",
    "declare.subject_phone": "Their phone number? (type \"skip\" if they have none)",
    "declare.subject_same_address": "Do they live at the same address as you?",
    "declare.subject_province": "Which province or city do they live in?",
    "declare.subject_commune": "Which commune or ward of {province} do they live in?",
    "declare.subject_street": "Their house number, street and hamlet?",
    "label.for_whom": "Declared for",
    "label.subject_name": "Their name",
    "label.subject_birth": "Their date of birth",
    "label.subject_gender": "Their gender",
    "label.subject_relation": "Relationship",
    "label.subject_phone": "Their phone",
    "label.subject_same_address": "Same address",
    "label.subject_province": "Their province/city",
    "label.subject_commune": "Their commune/ward",
    "label.subject_street": "Their address",
    "declare.symptoms.other": (
        "In the last 14 days, has {name} had any of these symptoms? Choose all that apply "
        "(e.g. \"1 2\" or \"fever cough\")."
    ),
    "declare.exposure.other": "In the last 14 days, did any of these apply to {name}? Choose all that apply.",
    "declare.travel.other": (
        "In the last 14 days, which provinces, communes or countries has {name} been to? "
        "Type their names separated by commas (e.g. ha noi, bac ninh). Type \"none\" if they haven't been anywhere."
    ),
    "declare.conditions.other": "Does {name} have any of these underlying conditions? Choose all that apply.",
    "declare.vaccine.other": "How many doses of COVID-19 vaccine has {name} had?",
    "declare.symptoms": (
        "In the last 14 days, have you had any of these symptoms? Choose all that apply "
        "(e.g. \"1 2\" or \"fever cough\")."
    ),
    "symptom.fever": "Fever",
    "symptom.cough": "Cough",
    "symptom.breathless": "Shortness of breath",
    "symptom.sore_throat": "Sore throat",
    "symptom.pneumonia": "Pneumonia",
    "symptom.fatigue": "Tiredness",
    "symptom.smell_taste": "Loss or change of taste or smell",
    "symptom.body_ache": "Body aches",
    "symptom.diarrhoea": "Diarrhoea",
    "symptom.nausea": "Vomiting or nausea",
    "symptom.bleeding": "Bleeding under the skin",
    "symptom.rash": "Skin rash",
    "symptom.none": "No symptoms",
    "declare.exposure": "In the last 14 days, did any of these apply to you? Choose all that apply.",
    "exposure.contact_confirmed": "Close contact with a confirmed case (F0)",
    "exposure.contact_suspected": "Contact with a suspected case or someone with fever, cough or breathlessness",
    "exposure.outbreak_area": "Stayed in or passed through an outbreak area, or came from abroad",
    "exposure.none": "None",
    "declare.travel": (
        "In the last 14 days, which provinces, communes or countries have you been to? "
        "Type their names separated by commas (e.g. ha noi, bac ninh). Type \"none\" if you haven't been anywhere."
    ),
    "declare.conditions": "Do you have any of these underlying conditions? Choose all that apply.",
    "condition.liver": "Chronic liver disease",
    "condition.blood": "Chronic blood disease",
    "condition.lung": "Chronic lung disease",
    "condition.kidney": "Chronic kidney disease",
    "condition.heart": "Heart disease",
    "condition.hypertension": "High blood pressure",
    "condition.immunodeficiency": "Weakened immune system",
    "condition.transplant": "Organ or bone marrow transplant recipient",
    "condition.diabetes": "Diabetes",
    "condition.cancer": "Cancer",
    "condition.pregnancy": "Pregnant",
    "condition.none": "None",
    "declare.vaccine": "How many doses of COVID-19 vaccine have you had?",
    "vaccine.doses_0": "None yet",
    "vaccine.doses_1": "1 dose",
    "vaccine.doses_2": "2 doses",
    "vaccine.doses_3": "3 doses",
    "vaccine.doses_4": "4 doses or more",
    "label.symptoms": "Symptoms",
    "label.exposure": "Contacts and travel",
    "label.travel": "Places visited",
    "label.conditions": "Underlying conditions",
    "label.vaccine": "Vaccine",
    "declare.review": (
        "Please check your declaration:\n{summary}\n\n"
        "Giving false information is against the law and may be penalised."
    ),
    "declare.commit": "I confirm this is true — Send the declaration",
    "triage.reason.contact_confirmed": "Close contact with a confirmed case (F0)",
    "triage.reason.contact_suspected": "Contact with a suspected case or someone with symptoms",
    "triage.reason.outbreak_area": "Stayed in or passed through an outbreak area, or came from abroad",
    "triage.reason.listed_area": "Has been to a place now on the outbreak list",
    "triage.reason.symptoms": "Symptoms in the last 14 days",
    "triage.no_reason": "• No risk factors",
    "level.green": "GREEN (low risk)",
    "level.yellow": "YELLOW (medium risk)",
    "level.red": "RED (high risk)",
    "triage.result.green": "Thank you for your declaration. Risk level: GREEN (low).\n{reasons}",
    "triage.result.yellow": "Thank you for your declaration. Risk level: YELLOW (medium).\nWhy:\n{reasons}",
    "triage.result.red": "Thank you for your declaration. Risk level: RED (high).\nWhy:\n{reasons}",
    "triage.guidance.green": (
        "Keep following the 5K rules: masks, disinfection, distance, no gatherings, health declarations. "
        "If you get symptoms, declare again straight away."
    ),
    "triage.guidance.yellow": (
        "Watch your health, limit contact with others, wear a mask and contact your commune health station for "
        "advice. If you have a high fever or trouble breathing, call 1900 9095 (Ministry of Health, 24/7) or 115 "
        "at once."
    ),
    "triage.guidance.red": (
        "Stay at home, keep away from other people, wear a mask and call your commune health station or the "
        "1900 9095 hotline (Ministry of Health, 24/7) now. Do not go to crowded places. If you have trouble "
        "breathing, call 115."
    ),
    "receipt.caption": (
        "Declaration code: {code}\nDeclared by: {name}\nRisk level: {level}\nDeclared at: {time}\n"
        "Valid until: {until}\n"
        "Show this QR code (or the code {code}) when asked. Send /declare to declare next time."
    ),
    "receipt.caption_for": (
        "Declaration code: {code}\nDeclared for: {name}\nRisk level of {name}: {level}\nDeclared at: {time}\n"
        "Valid until: {until}\n"
        "This QR code belongs to {name}: send it to {name} to show (or the code {code}) when asked."
    ),
    "triage.result_for": "Your declaration for {name} is recorded. Risk level of {name}: {level}.\nWhy:\n{reasons}",
    "triage.guidance_for": "Advice for {name}: {guidance}",
    "outbreak.none": "No area is on the outbreak list at the moment.",
    "outbreak.list": "Current outbreak areas:\n{lines}",
    "outbreak.line": "• {area} (since {since})",
}
