"""Cleaning: web-page clutter, bylines, markup remnants and blank runs go; content stays."""

from __future__ import annotations

from datetime import date

import pytest

from handlers.directive.clean import clean, is_clutter

CONTENT = "Người dân thực hiện nghiêm việc khai báo y tế và đeo khẩu trang nơi công cộng."

CLUTTER_LINES = [
    "Đăng nhập",
    "Đăng nhập | Đăng ký",
    "Trang chủ > Tin tức > Hoạt động",
    "Trang chủ | Giới thiệu | Tin tức | Văn bản | Liên hệ",
    "TIN TỨC HOẠT ĐỘNG",
    "THỐNG KÊ TRUY CẬP",
    "Tổng số người truy cập:",
    "Số người online: 2",
    "Lượt xem: 1.234",
    "4757357",
    "1.234.567",
    "Chia sẻ: Facebook | Zalo",
    "In bài",
    "Icon Hải Dương nới lỏng giãn cách xã hội từ ngày 3/3",
    "► Người dân Hải Dương được tiêm vắc xin đợt đầu",
    "3/24/2020 2:16:02 PM",
    "Thứ Ba, 16/03/2021 09:15 (GMT+7)",
    "16/03/2021 | 09:15",
    "2021-03-16 09:15:00",
    "Ngày đăng: 16/03/2021",
    "Cập nhật lúc: 09:15 16/03/2021",
    "Chủ nhật, ngày 27 tháng 11 năm 2022",
    "Tác giả: Minh Anh",
    "Tin, ảnh: Hoàng Nam",
    "Nguồn: Báo Kon Tum",
    "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH HẢI DƯƠNG",
    "*",
    "* * *",
    "---------------",
    "|---|---|",
]

KEPT_LINES = [
    CONTENT,
    "1. Người dân thực hiện nghiêm thông điệp 5K.",
    "- Tăng cường công tác tuyên truyền.",
    "Cập nhật tình hình dịch bệnh hằng ngày trên Cổng thông tin điện tử tỉnh.",
    "Thông tin liên hệ đường dây nóng: 1900 9095.",
    "Ninh Bình, ngày 29 tháng 7 năm 2020",
    "Tại Hưng Yên, ngày 08/02 đã xuất hiện ca nhiễm trong cộng đồng.",
    "THÔNG BÁO",
    "Kinh tế, xã hội phục hồi sau dịch.",
    "Nguồn kinh phí: ngân sách tỉnh.",
]


@pytest.mark.parametrize("line", CLUTTER_LINES)
def test_clutter_line_is_recognised(line: str) -> None:
    assert is_clutter(line)
    assert clean(f"{CONTENT}\n{line}\n{CONTENT}").lines == (CONTENT, CONTENT)


@pytest.mark.parametrize("line", KEPT_LINES)
def test_content_line_is_kept(line: str) -> None:
    assert not is_clutter(line)
    assert line in clean(f"{CONTENT}\n{line}\n{CONTENT}").lines


def test_widget_ids_are_dropped_from_lines() -> None:
    lines = clean(f"Chủ nhật, ngày 27 tháng 11 năm 2022 TimKiem\n NguoiTruyCap  Tổng số người truy cập:\n{CONTENT}")
    assert lines.lines == (CONTENT,)


def test_related_links_and_footer_are_cut_to_the_end() -> None:
    raw = (
        f"{CONTENT}\nBài viết trước:\nTăng cường kiểm soát tải trọng xe trên địa bàn tỉnh\n"
        "Quản lý và nhập tin: Sở Tư pháp\nPhát triển: TNC"
    )
    assert clean(raw).lines == (CONTENT,)


def test_footer_line_alone_cuts_the_rest() -> None:
    raw = f"{CONTENT}\nBản quyền thuộc Sở Y tế\nĐịa chỉ: 12 Trần Phú\nĐiện thoại: 0220.3851234"
    assert clean(raw).lines == (CONTENT,)


def test_a_tail_marker_on_the_first_line_is_content() -> None:
    assert clean(f"Tin liên quan\n{CONTENT}").lines == ("Tin liên quan", CONTENT)


def test_byline_after_the_last_paragraph_goes() -> None:
    assert clean(f"{CONTENT}\nTrung Hiếu  \nBài viết trước:\nIcon Tin cũ").lines == (CONTENT,)
    assert clean(f"{CONTENT}\nMinh Anh").lines == (CONTENT,)


def test_signer_name_is_not_a_byline() -> None:
    signature = f"{CONTENT}\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n(Đã ký)\n\nTrần Hồng Quảng"
    assert clean(signature).lines[-1] == "Trần Hồng Quảng"
    distribution = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nNguyễn Văn An"
    assert clean(distribution).lines[-1] == "Nguyễn Văn An"


def test_glued_bold_markers_become_line_breaks() -> None:
    raw = "CHỈ THỊ**CỦA BAN THƯỜNG VỤ TỈNH ỦY****Về việc phòng, chống dịch**"
    assert clean(raw).lines == ("CHỈ THỊ", "CỦA BAN THƯỜNG VỤ TỈNH ỦY", "Về việc phòng, chống dịch")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Người dân **phải** khai báo y tế.", "Người dân phải khai báo y tế."),
        ("Số **15**/CT-UBND", "Số 15/CT-UBND"),
        ("Người dân *bắt buộc* khai báo.", "Người dân bắt buộc khai báo."),
        ("__Lưu ý__ khi ra đường", "Lưu ý khi ra đường"),
        ("## Điều 1. Phạm vi", "Điều 1. Phạm vi"),
        ("1\\. Người dân khai báo y tế\\.", "1. Người dân khai báo y tế."),
        ("Khai báo tại [trang khai báo](https://tokhaiyte.vn) ngay.", "Khai báo tại trang khai báo ngay."),
        ("Ảnh ![minh họa](https://a.vn/x.png)dưới đây", "Ảnh dưới đây"),
        ("Lưu VPTU, P.KT-XH^{Th.H}.", "Lưu VPTU, P.KT-XH."),
        ("<p><strong>Sở Y tế</strong>&nbsp;thông báo &amp; hướng dẫn</p>", "Sở Y tế thông báo & hướng dẫn"),
        ("<script>var x = 1;</script>Khai báo y tế<!-- quảng cáo -->", "Khai báo y tế"),
    ],
)
def test_markup_remnants(raw: str, expected: str) -> None:
    assert clean(raw).lines == (expected,)


def test_html_breaks_split_lines_and_paragraphs() -> None:
    assert clean("Dòng một<br>Dòng hai<br/>Dòng ba</p><p>Dòng bốn").lines == (
        "Dòng một", "Dòng hai", "Dòng ba", "", "Dòng bốn",
    )


def test_blank_runs_spaces_and_invisible_characters() -> None:
    raw = "\n\n\ufeffDòng\u00a0một\u200b  \r\n\r\n\r\n\t\nDòng   hai\x00\n\n\n"
    assert clean(raw).lines == ("Dòng một", "", "Dòng hai")


def test_decomposed_accents_are_composed() -> None:
    decomposed = "Khai ba\u0301o y te\u0302\u0301"
    assert clean(decomposed).lines == ("Khai báo y tế",)


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("3/24/2020 2:16:02 PM", date(2020, 3, 24)),
        ("3/4/2020 2:16:02 PM", date(2020, 3, 4)),
        ("Thứ Ba, 04/03/2021 09:15 (GMT+7)", date(2021, 3, 4)),
        ("2021-03-16 09:15", date(2021, 3, 16)),
        ("Ngày đăng: 16/03/2021", date(2021, 3, 16)),
    ],
)
def test_publication_date_is_kept_aside(stamp: str, day: date) -> None:
    cleaned = clean(f"Tiêu đề bài viết\n{stamp}\n{CONTENT}")
    assert cleaned.published == day
    assert cleaned.lines == ("Tiêu đề bài viết", CONTENT)


def test_page_date_is_not_a_publication_date() -> None:
    assert clean(f"Chủ nhật, ngày 27 tháng 11 năm 2022\n{CONTENT}").published is None


def test_cms_metadata_lines_go_and_give_the_page_date() -> None:
    cleaned = clean("Tỉnh yêu cầu khai báo y tế\ncms-publish-date: 12/03/2021 08:15\ncms-view-count 1234\n"
                    "covid-19 vẫn diễn biến phức tạp, người dân cần khai báo.\nsars-cov-2 lây qua giọt bắn.")
    assert cleaned.lines == ("Tỉnh yêu cầu khai báo y tế", "covid-19 vẫn diễn biến phức tạp, người dân cần khai báo.",
                             "sars-cov-2 lây qua giọt bắn.")
    assert cleaned.published == date(2021, 3, 12)
