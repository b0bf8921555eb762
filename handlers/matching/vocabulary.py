"""Chat words for yes, no and confirm, number words, and the words naming each field on a review screen.

All folded (no diacritics, lower case) and written as :func:`handlers.matching.normal.meaningful` leaves
them: politeness particles ("ạ", "nhé", "dạ") are dropped before these are compared.
"""

from __future__ import annotations

from dataclasses import dataclass

YES_WORDS = (
    "co", "c", "yes", "y", "ok", "uh", "u", "vang", "da co", "co roi", "dung", "dung roi", "dung vay", "chuan",
    "roi", "chinh xac", "phai", "co chu", "duoc", "dong y", "oke", "co a", "yep", "yeah", "chac chan",
)
NO_WORDS = (
    "khong", "no", "n", "khong co", "khong phai", "chua", "chua co", "khong a", "da khong", "chang", "nope",
    "khong dung", "sai", "khong co gi", "khong bi", "khong bi gi", "ko",
)
CONFIRM_WORDS = (
    "gui", "gui di", "xac nhan", "luu", "luu lai", "xong", "hoan tat", "dong y", "cam ket", "ok", "co", "c",
    "dung", "dung roi", "chuan", "roi", "uh", "vang", "yes", "send", "confirm", "gui luon", "ok gui",
)
# Skipping an optional question (a phone number, an ID).
SKIP_WORDS = ("bo qua", "boqua", "bq", "skip", "khong co", "khong", "chua co", "khong can", "khong co so",
              "khong dung", "khong co sdt", "khong co dien thoai", "khong co cccd", "chua lam", "chua co cccd")
# Not an answer: asked again rather than read as "không".
UNSURE_WORDS = ("khong biet", "khong nho", "chua biet", "khong ro", "quen roi", "chiu", "khong chac", "de xem",
                "khong nho ro", "toi khong biet", "khong biet nua")
EDIT_VERBS = ("sua lai", "sua", "doi lai", "doi", "chinh sua", "chinh", "thay doi", "thay", "cap nhat", "nhap lai",
              "sai", "nham", "ghi lai", "go lai")

# Words people use for each review field, by step id (the field's own label is always understood too).
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "full_name": ("ten", "ho ten", "ho va ten", "ho", "ten tuoi"),
    "subject_name": ("ten", "ho ten", "ho va ten"),
    "birth": ("ngay sinh", "nam sinh", "sinh", "ns", "tuoi"),
    "subject_birth": ("ngay sinh", "nam sinh", "sinh", "tuoi"),
    "gender": ("gioi tinh", "gioi", "gt"),
    "subject_gender": ("gioi tinh", "gioi"),
    "phone": ("sdt", "so dien thoai", "dien thoai", "so dt", "dt", "so"),
    "subject_phone": ("sdt", "so dien thoai", "dien thoai", "so dt"),
    "id_number": ("cccd", "can cuoc", "cmnd", "so cccd", "giay to"),
    "province": ("tinh", "thanh pho", "tinh thanh"),
    "subject_province": ("tinh", "tinh thanh"),
    "commune": ("xa", "phuong", "xa phuong"),
    "subject_commune": ("xa", "phuong", "xa phuong"),
    "street": ("dia chi", "so nha", "duong", "thon", "nha"),
    "subject_street": ("dia chi", "so nha"),
    "symptoms": ("trieu chung", "benh"),
    "exposure": ("tiep xuc",),
    "travel": ("noi da den", "di dau", "noi den", "di lai"),
    "conditions": ("benh nen",),
    "vaccine": ("vac xin", "vaccine", "mui tiem", "tiem", "so mui"),
    "for_whom": ("khai cho ai", "nguoi khai"),
    "subject_relation": ("quan he",),
}

NUMBER_WORDS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "nhat": 1,
}

# --- English: what English speakers type (folded like the Vietnamese words above) ------------------------

YES_WORDS_EN = (
    "yes", "y", "yeah", "yep", "yup", "ya", "ok", "okay", "oke", "sure", "right", "correct", "true", "of course",
    "i do", "i agree", "agree", "affirmative", "absolutely", "definitely", "that s right", "thats right", "yes please",
    "that s correct", "all correct", "still correct", "fine",
)
NO_WORDS_EN = (
    "no", "n", "nope", "nah", "not", "none", "never", "no thanks", "i don t", "i dont", "not really", "wrong",
    "incorrect", "false", "negative", "no no",
)
CONFIRM_WORDS_EN = (
    "send", "send it", "submit", "confirm", "confirmed", "save", "save it", "done", "ok", "okay", "yes", "y", "sure",
    "correct", "right", "all good", "looks good", "go", "go ahead", "agree", "i confirm", "fine", "finish",
)
SKIP_WORDS_EN = (
    "skip", "skip it", "pass", "none", "no", "n", "n a", "na", "nothing", "not applicable", "no phone",
    "no number", "i don t have one", "i dont have one", "don t have", "dont have", "no id", "no thanks", "later",
)
UNSURE_WORDS_EN = ("i don t know", "i dont know", "don t know", "dont know", "not sure", "no idea", "unsure",
                   "i m not sure", "im not sure", "dunno", "maybe", "can t remember", "cant remember")
EDIT_VERBS_EN = ("change", "edit", "correct", "fix", "update", "modify", "wrong", "redo", "amend", "retype")
FIELD_WORDS_EN: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "full name", "my name"),
    "subject_name": ("name", "their name", "full name"),
    "birth": ("birth", "birthday", "date of birth", "dob", "birth date", "age", "year of birth"),
    "subject_birth": ("birth", "birthday", "date of birth", "dob", "age"),
    "gender": ("gender", "sex"),
    "subject_gender": ("gender", "sex"),
    "phone": ("phone", "number", "phone number", "mobile", "tel", "telephone"),
    "subject_phone": ("phone", "phone number", "mobile"),
    "id_number": ("id", "id number", "cccd", "identity card", "citizen id"),
    "province": ("province", "city"),
    "subject_province": ("province", "city"),
    "commune": ("commune", "ward"),
    "subject_commune": ("commune", "ward"),
    "street": ("address", "street", "house", "house number"),
    "subject_street": ("address", "street"),
    "symptoms": ("symptoms", "symptom"),
    "exposure": ("contact", "contacts", "exposure"),
    "travel": ("travel", "places", "where", "trips"),
    "conditions": ("conditions", "illnesses", "diseases"),
    "vaccine": ("vaccine", "vaccination", "doses", "shots", "jabs"),
    "for_whom": ("for whom", "who"),
    "subject_relation": ("relationship", "relation"),
}
NUMBER_WORDS_EN = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "once": 1, "twice": 2,
}
# Words before a label that negate it in a multi-choice answer ("no fever", "khong sot").
NEGATIONS = {"vi": ("khong",), "en": ("no", "not", "without")}


@dataclass(frozen=True)
class Vocabulary:
    """The chat words of one language."""

    yes: tuple[str, ...]
    no: tuple[str, ...]
    confirm: tuple[str, ...]
    skip: tuple[str, ...]
    unsure: tuple[str, ...]
    edit_verbs: tuple[str, ...]
    field_words: dict[str, tuple[str, ...]]
    number_words: dict[str, int]
    negations: tuple[str, ...]


_BY_LOCALE = {
    "vi": Vocabulary(YES_WORDS, NO_WORDS, CONFIRM_WORDS, SKIP_WORDS, UNSURE_WORDS, EDIT_VERBS, FIELD_WORDS,
                     NUMBER_WORDS, NEGATIONS["vi"]),
    "en": Vocabulary(YES_WORDS_EN, NO_WORDS_EN, CONFIRM_WORDS_EN, SKIP_WORDS_EN, UNSURE_WORDS_EN, EDIT_VERBS_EN,
                     FIELD_WORDS_EN, NUMBER_WORDS_EN, NEGATIONS["en"]),
}


def of(locale: str) -> Vocabulary:
    """The chat words of ``locale`` (Vietnamese for any language khaibao does not speak)."""
    return _BY_LOCALE.get(locale, _BY_LOCALE["vi"])
