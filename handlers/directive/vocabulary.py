"""Vietnamese vocabulary the directive pipeline matches: document kinds, clutter, cadences, demands.

Phrases are written accent-free and lower-case (as ``text.fold_chars`` makes them) unless a
comment says otherwise; kind names are the standard Vietnamese names shown to users.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """A document kind: its standard name and the code it carries in a number symbol."""

    name: str
    code: str


KINDS: tuple[Kind, ...] = (
    Kind("Chỉ thị", "CT"),
    Kind("Công văn", "CV"),
    Kind("Thông báo", "TB"),
    Kind("Kế hoạch", "KH"),
    Kind("Quyết định", "QĐ"),
    Kind("Công điện", "CĐ"),
    Kind("Hướng dẫn", "HD"),
    Kind("Nghị quyết", "NQ"),
)
OFFICIAL_LETTER = "Công văn"
NEWS_ARTICLE = "Tin bài"
# An article reports a directive when it cites a numbered document and one of these.
ARTICLE_DEMANDS = ("yeu cau", "chi dao", "de nghi", "trien khai", "thuc hien nghiem")

# Header lines that are neither issuer nor content.
MOTTOS = (
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap - tu do - hanh phuc",
    "dang cong san viet nam",
)
SUBJECT_PREFIXES = ("v/v", "ve viec")
RECIPIENT_MARKERS = ("kinh gui",)
WIRE_ENDINGS = (" dien:",)
DISTRIBUTION_MARKERS = ("noi nhan",)
ISSUER_LEAD = "cua"

# Words after which an issuer's name is a proper name ("TỈNH ỦY NINH BÌNH" -> "Tỉnh ủy Ninh Bình").
PLACE_LEVELS = (
    "tinh uy", "thanh uy", "huyen uy", "thi uy", "quan uy",
    "thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong",
)

# Signature block: "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH" (upper case, as written); notes between title and name.
ON_BEHALF_PREFIXES = ("T/M", "TM", "KT", "TL", "TUQ", "Q")
SIGNATURE_NOTES = (
    "da ky", "ky ten", "ky va ghi ro ho ten", "ky, ghi ro ho ten", "da ky va dong dau", "ky ten, dong dau",
)

# Lines a digital signature stamps beside the signature ("Ký bởi: ...", "Giờ ký: 2020-08-07T08:25:50").
SIGNATURE_STAMPS = ("ky boi", "gio ky", "thoi gian ky", "ngay ky:", "nguoi ky:", "email:", "co quan:")

# Web-page clutter. Whole short lines that are portal menus or categories.
MENU_TERMS = frozenset({
    "trang chu", "gioi thieu", "tin tuc", "tin tuc hoat dong", "tin tuc - su kien", "tin tuc su kien",
    "hoat dong", "su kien", "van ban", "van ban phap luat", "van ban chi dao dieu hanh",
    "van ban moi", "lien he", "thu vien anh", "thu vien video", "video", "hoi dap", "so do site",
    "so do trang", "tin noi bat", "tin moi", "tin moi nhat", "tin hoat dong", "tin trong tinh",
    "tin trong nuoc", "chuyen muc", "chinh tri", "kinh te", "xa hoi", "van hoa", "the thao",
    "tim kiem", "dang nhap", "dang ky", "dang xuat", "rss", "english", "tieng viet",
    "chia se", "in bai", "in trang", "ban in", "gui email", "gui bai", "luu bai", "co chu",
    "quay lai", "ve dau trang", "dau trang", "binh luan", "y kien ban doc", "gui y kien",
    "facebook", "twitter", "zalo", "like", "share", "tweet", "email", "a a a", "a- a a+",
})
# Lines that start with a counter or CMS label ("Số người online: 2", "Lượt xem: 120").
COUNTER_LABELS = (
    "thong ke truy cap", "tong so nguoi truy cap", "tong so luot truy cap", "tong luot truy cap",
    "so nguoi online", "so nguoi truy cap", "so nguoi dang truy cap", "dang truy cap", "dang online",
    "luot truy cap", "luot xem", "so luot xem", "luot doc", "hom nay:", "hom qua:", "trong tuan:",
    "trong thang:", "tat ca:", "truy cap hom nay", "tags:", "tag:", "tu khoa:",
    "tang co chu", "giam co chu", "xem co chu", "co chu:", "doc bai viet", "nghe doc bai", "anh minh hoa",
    "anh: minh hoa", "xem tai day", "tai ve", "tai file", "tep dinh kem", "file dinh kem", "noi dung chi tiet",
)
METADATA_LABELS = (
    "nguoi dang", "nguoi viet", "nguoi dua tin", "tac gia", "bien tap", "nguon", "chuyen muc",
    "danh muc", "the loai", "ngay dang", "ngay cap nhat", "cap nhat", "cap nhat luc", "dang luc", "dang ngay",
    "ngay xuat ban", "xuat ban", "thoi gian dang", "ma bai", "tin, anh", "tin va anh", "bai, anh",
    "bai va anh", "anh", "pv", "ctv",
)
# Widget identifiers glued into page text, matched case-sensitively as whole words.
WIDGET_TOKENS = (
    "TimKiem", "NguoiTruyCap", "DangNhap", "TrangChu", "LienHe", "SoDoSite", "ThongKe",
    r"PublishingPortal", r"Block_\w+",
)
# Link-list lines start with an icon placeholder or glyph (matched case-sensitively).
ICON_PREFIXES = ("Icon ", "►", "▶", "»", "➤", "➢", "›")
# From a short line like these to the end, the page is a list of related links and the footer.
RELATED_MARKERS = (
    "bai viet truoc", "bai viet sau", "bai viet khac", "bai viet lien quan", "cac bai viet khac",
    "tin lien quan", "tin khac", "cac tin khac", "tin cung chuyen muc", "xem them", "tin da dua",
    "tin moi hon", "tin cu hon", "bai truoc", "bai sau", "co the ban quan tam", "nen xem", "doc them",
    "tin cung loai", "cac tin da dua",
)
# From a line starting like these to the end, the page is the portal footer.
FOOTER_MARKERS = (
    "quan ly va nhap tin", "nguoi chiu trach nhiem chinh", "chiu trach nhiem noi dung",
    "ban quyen thuoc", "copyright", "©", "co quan chu quan", "giay phep so",
)
PORTAL_NAMES = ("trang thong tin dien tu", "cong thong tin dien tu")

# Reporting duties.
REPORT_TERMS = ("bao cao",)
DAILY_TERMS = ("hang ngay", "moi ngay")
WEEKLY_TERMS = ("hang tuan", "moi tuan")
MONTHLY_TERMS = ("hang thang", "moi thang")
YEARLY_TERMS = ("hang nam", "moi nam", "dinh ky nam")
# A report due when something happens ("báo cáo ngay khi có ca bệnh", "kịp thời báo cáo").
EVENT_TERMS = (
    "bao cao ngay", "kip thoi bao cao", "bao cao kip thoi", "bao cao dot xuat", "bao cao khan",
    "ngay lap tuc bao cao", "bao cao ngay lap tuc", "bao cao nhanh",
)
# Words before a time of day in a deadline ("trước 14 giờ", "vào 15:00", "lúc 10h00'").
TIME_LEADS = ("truoc", "vao", "luc", "cham nhat", "cham nhat la", "cham nhat vao", "truoc luc", "den")
DEADLINE_LEADS = ("truoc", "cham nhat", "cham nhat la", "cham nhat vao", "han chot", "han chot la", "trong")
# "thứ Tư" is Wednesday, ISO weekday 3.
WEEKDAY_NAMES = {"hai": 1, "ba": 2, "tu": 3, "bon": 3, "nam": 4, "sau": 5, "bay": 6}
SUNDAY = "chu nhat"
REPORTER_LEADS = ("giao", "de nghi", "yeu cau", "theo do,", "theo do", "cu the,", "dong thoi,", "rieng")
REPORTER_STOPS = (
    "tong hop", "bao cao", "gui", "co trach nhiem", "chiu trach nhiem", "dinh ky", "thuc hien",
    "chu tri", "phoi hop", "hang ngay", "hang tuan", "hang thang", "truoc", "cham nhat", "chi dao",
    "lanh dao", "truy vet", "kiem tra", "ra soat", "trien khai", "tang cuong", "theo doi", "lap",
    "xay dung", "tuyen truyen", "khan truong", "tiep tuc", "huong dan", "lam dau moi", "chu dong", "cap nhat",
    "dinh ky", "kip thoi", "thong ke", "can",
)
# "tổ chức" is a verb unless a plural marker makes it a noun ("các tổ chức chính trị - xã hội").
ORGANISE = "to chuc"
NOUN_MARKERS = ("cac", "nhung", "moi")
# A reporter or an item heading names a body when it starts like one of these.
ORGANISATION_HEADS = (
    "so", "ban", "uy ban", "ubnd", "bo", "cac", "cong an", "trung tam", "benh vien", "phong",
    "dang uy", "dang doan", "mat tran", "chi cuc", "cuc", "van phong", "thuong truc", "chu tich",
    "giam doc", "thu truong", "nguoi dung dau", "doan", "hoi", "lien doan", "truong", "co quan",
    "don vi", "to", "tinh uy", "huyen uy", "thanh uy", "bi thu", "quan", "bo chi huy",
    "tram y te", "tinh doan", "hdnd", "ubmttq", "bch", "bcd", "ttyt",
)
# The name of the body reported to starts after one of these words and ends before a stop.
RECIPIENT_LEADS = ("cho", "voi", "len", "ve", "gui")
RECIPIENT_STOPS = (
    "biet", "de", "truoc", "cham nhat", "vao", "theo", "hang ngay", "hang tuan", "hang thang", "moi",
    "dinh ky", "trong", "qua", "ve", "bang", "khi", "sau khi", "neu", "ngay", "luc", "tai",
    "ket qua", "tinh hinh", "so lieu", "cong tac", "noi dung", "thong qua", "hang nam", "danh sach", "bao cao",
)
# Where a report is sent ("gửi về Cục An toàn thực phẩm", "gửi Văn phòng Chính phủ"): the recipient.
SEND_LEADS = ("gui ve", "gui bao cao ve", "gui bao cao", "gui", "bao cao ve", "ve")
# A comma followed by one of these words does not end a name ("phòng, chống"; "huyện, thành phố").
NAME_COMMA_FOLLOWERS = frozenset({"chong", "thanh", "thi", "nganh", "ban", "phuong", "xa"})

# Summary: what a citizen must do, and words that mark a demand.
CITIZEN_TERMS = (
    "khai bao y te", "khai bao", "cach ly", "5k", "khau trang", "khu khuan", "sat khuan",
    "rua tay", "khoang cach", "tu tap", "xet nghiem", "tiem chung", "tiem vac", "vac xin", "vaccine",
    "nguoi dan", "nhan dan", "cong dan", "gian cach", "o nha", "trieu chung", "suc khoe",
    "trung thuc", "tu nguyen", "vung co dich", "nhap canh", "co so y te", "duong day nong",
)
# Bodies whose names contain "nhân dân" but are not the people.
NOT_CITIZENS = (
    "uy ban nhan dan", "hoi dong nhan dan", "toa an nhan dan", "vien kiem sat nhan dan",
    "quan doi nhan dan", "cong an nhan dan",
)
DEMAND_TERMS = (
    "yeu cau", "phai", "nghiem", "tuyet doi", "khong duoc", "bat buoc", "xu ly", "ngay lap tuc",
    "kip thoi", "khan truong", "han che",
)
