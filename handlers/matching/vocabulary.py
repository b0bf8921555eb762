"""Chat words for yes, no and confirm, number words, and the words naming each field on a review screen.

All folded (no diacritics, lower case) and written as :func:`handlers.matching.normal.meaningful` leaves
them: politeness particles ("ạ", "nhé", "dạ") are dropped before these are compared.
"""

from __future__ import annotations

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
