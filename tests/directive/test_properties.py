"""Properties over generated and arbitrary text: only DirectiveError, verbatim summaries, no clutter left."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.directive import LIMIT, DirectiveError, parse_directive, summarize
from handlers.directive.text import squash
from tests.directive.support import assert_verbatim
from tests.directive.test_clean import CLUTTER_LINES

HEADERS = [
    "TỈNH ỦY NINH BÌNH\nSố 2644 - CV/TU\nV/v tăng cường công tác phòng, chống\ndịch Covid-19 trong tình hình mới\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\nNinh Bình, ngày 29 tháng 7 năm 2020\nKính gửi:\n- Các sở, ban, ngành,\n- Các huyện ủy.",
    "CHỈ THỊ**CỦA BAN THƯỜNG VỤ TỈNH ỦY****Về việc tăng cường phòng, chống dịch bệnh Covid-19**",
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 05/CT-UBND\nQuảng Nam, ngày 15 tháng 3 năm 2021\nKẾ HOẠCH\n"
    "Tiêm vắc xin phòng COVID-19 năm 2021",
    "UBND TỈNH HÀ NAM\nSỞ Y TẾ\nSố: 1234/SYT-NVY\nV/v khai báo y tế\nHà Nam, ngày 02/4/2021\n"
    "Kính gửi: UBND các huyện; các bệnh viện.",
]
SENTENCES = [
    "Người dân thực hiện nghiêm thông điệp 5K; đeo khẩu trang khi ra khỏi nhà.",
    "Mọi người trở về từ vùng có dịch phải khai báo y tế trung thực và tự cách ly tại nhà.",
    "Sở Y tế tổng hợp tình hình, báo cáo UBND tỉnh trước thứ 4 hàng tuần.",
    "Các địa phương báo cáo kết quả về Sở Y tế trước ngày 25 hằng tháng.",
    "Hằng ngày, tổng hợp tình hình, báo cáo Thường trực Tỉnh ủy biết, chỉ đạo.",
    "Tiếp tục thực hiện nghiêm các văn bản chỉ đạo của Ban Bí thư, Thủ tướng Chính phủ và Bộ Y tế.",
    "Xử lý nghiêm các trường hợp không khai báo hoặc khai báo y tế không trung thực.",
    "Tăng cường tuyên truyền để người dân không hoang mang, lo lắng, chủ động phòng bệnh.",
    "Các cơ quan, doanh nghiệp không cho người lao động vào làm việc nếu chưa khai báo y tế.",
    "- Tiếp tục rà soát, hoàn thiện các phương án, kịch bản chống dịch ở các quy mô khác nhau.",
]
CLOSINGS = [
    "",
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nTrần Hồng Quảng",
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Văn Hòa",
]
TAILS = [
    "",
    "Trung Hiếu\nBài viết trước:\nIcon Tăng cường kiểm soát tải trọng xe\nQuản lý và nhập tin: Sở Tư pháp",
    "Tin liên quan\n► Người dân được tiêm vắc xin\nBản quyền thuộc Cổng thông tin điện tử tỉnh",
]
VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
        + list("AĂÂĐÊÔƠƯIVX0123456789 .,;:-/()*#<>&_^{}[]!\n\t\"“”'")
    ),
    max_size=400,
)
FRAGMENTS = st.sampled_from(
    [*CLUTTER_LINES, *SENTENCES, "CHỈ THỊ", "Số 12 - CV/TU", "Kính gửi:", "Nơi nhận:", "1.", "2-", "a)", "I.",
     "Điều 1.", "T/M BAN THƯỜNG VỤ", "Nguyễn Văn A", "V/v ", "./.", "**", "<p>", "&amp;", "ban hành văn bản số 1-CV/TU"]
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A directive with numbered items and clutter lines between its lines; also its clutter and content."""
    items = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3), min_size=1, max_size=8))
    content: list[str] = []
    for number, sentences in enumerate(items, start=1):
        content += [f"{number}. {sentences[0]}", *sentences[1:], ""]
    lines = [draw(st.sampled_from(HEADERS)), "", *content]
    lines += [draw(st.sampled_from(CLOSINGS)), draw(st.sampled_from(TAILS))]
    clutter = draw(st.lists(st.sampled_from(CLUTTER_LINES), max_size=10))
    for line in clutter:
        lines.insert(draw(st.integers(min_value=1, max_value=len(lines) - 1)), line)
    return "\n".join(lines), clutter, content


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_directive_summary_is_verbatim_and_short(document: tuple[str, list[str], list[str]]) -> None:
    raw, _, _ = document
    directive = parse_directive(raw)
    summary = summarize(directive)
    assert len(summary) <= LIMIT
    assert_verbatim(summary, directive, raw)
    assert summarize(parse_directive(raw)) == summary


@settings(max_examples=200, deadline=None)
@given(documents())
def test_cleaning_drops_every_clutter_line_and_keeps_every_content_line(
    document: tuple[str, list[str], list[str]],
) -> None:
    raw, clutter, content = document
    body_lines = set(parse_directive(raw).body.split("\n"))
    assert not body_lines & {squash(line) for line in clutter}
    assert {squash(line) for line in content if line} <= body_lines
    for leftover in ("Trung Hiếu", "Bài viết trước", "Tin liên quan", "Bản quyền", "Quản lý và nhập tin"):
        assert leftover not in "\n".join(body_lines)


@settings(max_examples=300, deadline=None)
@given(st.one_of(VIETNAMESE, st.text(max_size=300), st.lists(FRAGMENTS).map("\n".join)))
def test_any_text_parses_or_raises_directive_error(text: str) -> None:
    try:
        directive = parse_directive(text)
    except DirectiveError as error:
        assert error.message_key in {"directive.error.empty", "directive.error.not_directive"}
        return
    summary = summarize(directive)
    assert len(summary) <= LIMIT
    assert_verbatim(summary, directive, text)
