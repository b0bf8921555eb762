"""Texts shared by every conversation: input hints, commands, options, session."""

MESSAGES = {
    "option.yes": "Yes",
    "option.no": "No",
    "option.male": "Male",
    "option.female": "Female",
    "option.gender_other": "Other",
    "input.not_understood": (
        "I can't understand that message (only emoji or symbols). Please answer in words or numbers."
    ),
    "input.empty": "You didn't type anything. Please answer the question below.",
    "input.too_long": "That answer is too long (at most {limit} characters). Please keep it shorter.",
    "input.number_out_of_range": "Please pick a number from 1 to {count}.",
    "input.pick_one": "Sorry, I didn't get that. Type the number of your choice (1 to {count}) or its text.",
    "input.pick_one.one": "Sorry, I didn't get that. Type 1 or the text of the choice.",
    "input.number_out_of_range.one": "There is only one choice: type 1.",
    "input.pick_many": (
        "Sorry, I didn't get that. Type the numbers of your choices (1 to {count}), e.g. \"1 3\" or \"1,3\", "
        "or their names, e.g. \"fever cough\"."
    ),
    "input.exclusive_option": "\"None\" can't be combined with other choices. Please choose again.",
    "input.bad_name": "A name has only letters and spaces, 2 to {limit} characters. For example: John Smith.",
    "input.bad_year": "That year of birth doesn't look right. Please type a 4-digit year, no later than {max}.",
    "input.bad_date": (
        "I couldn't read that date. For example: 12/03/1990, 12/3/90, \"12 3 1990\" or just the year 1990."
    ),
    "input.bad_date_only": "I couldn't read that date. For example: 12/03/1990, 12/3/90 or \"12 3 1990\".",
    "input.no_such_date": "That date doesn't exist. Please check the day and the month.",
    "input.date_out_of_range": "A date of birth can't be in the future or more than 120 years ago. Please try again.",
    "input.bad_phone": (
        "That phone number doesn't look valid. Please type a Vietnamese number, e.g. 0912 345 678 or +84912345678."
    ),
    "input.bad_address": (
        "An address has only letters, digits and the marks , . / - (at most {limit} characters). "
        "For example: 12 Le Loi Street, Dong hamlet."
    ),
    "input.bad_free_text": (
        "Please use only letters, digits and the marks , . / - (at most {limit} characters) and try again."
    ),
    "input.unsupported": "I can only read text messages. Please type your answer.",
    "input.file_not_expected": "I don't need a file or a photo at this step. Please type your answer.",
    "input.stale_button": "That button belongs to an earlier question. Please answer the current one:",
    "prompt.previous": "(Your previous answer: {value})",
    "multi.chosen": "You chose: {labels}",
    "session.expired": "Your last declaration expired after 24 hours without an answer. Let's start again.",
    "command.cancelled": "Cancelled. Nothing you had typed was saved. Send /declare whenever you want to start again.",
    "command.nothing_to_cancel": "There's nothing in progress. Send /declare to make a health declaration.",
    "command.nothing_to_undo": "There's no question to go back to. Send /declare to make a health declaration.",
    "command.at_first_step": "This is the first question.",
    "command.unknown": "I don't know that command. Send /help to see the commands.",
    "error.apology": "Sorry, something went wrong on our side. Please try again in a few minutes.",
    "review.edit": "Edit: {label}",
    "review.none": "none",
}
