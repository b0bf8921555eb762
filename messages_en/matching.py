"""Texts of the matching layer: old (pre-2025) places, near matches, choices asked back, places travelled."""

MESSAGES = {
    "former.label_province": "{old} (former), now in {where}",
    "former.label_unit": "{old}, {parent} (former), now in {where}",
    "place.province": "{name} province",
    "place.city": "{name} city",
    "former.province": "{old} (former) is now part of {new}.",
    "former.district": "{old} (former {province}) is now part of {new}.",
    "former.commune": "{old}, {district} (former) is now {new}.",
    "former.split": (
        "{old}, {district} (former) is now split between several communes of {new}. Which part are you in? "
        "Type a number to choose (1 took the largest part), or type the name of the new commune:"
    ),
    "former.pick_from": "{old} (former) now covers the communes below. Type a number to choose, or type your commune:",
    "area.did_you_mean": "Did you mean {name}? Type \"yes\" or 1 to choose it, or type the name again.",
    "area.pick_near": "No name matches exactly. Is it one of these? Type a number to choose, or type it again:",
    "area.need_commune": "\"{query}\" is a province or city. Please type the name of your commune or ward.",
    "area.retype": "All right, please type the name again.",
    "choice.which": "Your answer matches several choices. Which one do you mean? Type its number:",
    "choice.did_you_mean": "Did you mean \"{name}\"? Type \"yes\" or 1 to choose it, or type again.",
    "review.which_field": "What would you like to edit? Type its number or name:",
    "input.review_pick": (
        "Sorry, I didn't get that. Type \"send\" (or \"ok\") to confirm, or \"edit\" with the item, "
        "e.g. \"edit name\", \"change phone\"."
    ),
    "input.pick_many_part": (
        "I didn't understand \"{part}\". Type the numbers of your choices (1 to {count}), e.g. \"1 3\", or their "
        "names, e.g. \"fever, cough\"."
    ),
    "input.pick_many_unsure": "\"{part}\" could be: {labels}. Please type it more precisely, or type the numbers.",
    "input.date_needs_year": "Please add the year of birth, e.g. 15/3/1985 or \"15 March 1985\".",
    "input.bad_doses": "How many doses have you had? Type a number (0 to 4), e.g. \"2\", \"two\", or \"none\".",
    "travel.unknown": (
        "I couldn't find \"{place}\". Did you mean: {suggestions}? Please type the places you have been to again "
        "(province, commune or country), separated by commas, or \"none\"."
    ),
    "travel.unknown_none": (
        "I couldn't find \"{place}\". Please type a province, a commune (old or new name) or a country, "
        "e.g. \"thai binh, south korea\", or \"none\" if you haven't been anywhere."
    ),
    "travel.understood": "Places visited: {places}",
    "triage.reason.abroad": "Came from abroad in the last 14 days",
    "cli.unknown_place": "There is no province, commune or country code \"{code}\". For example: 33 (Hung Yen), "
                         "12688, KR.",
}
