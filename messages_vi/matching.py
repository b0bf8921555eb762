"""Texts of the matching layer: old (pre-2025) places, near matches, choices asked back, places travelled."""

MESSAGES = {
    "former.label_province": "{old} (cũ), nay thuộc {where}",
    "former.label_unit": "{old}, {parent} (cũ), nay thuộc {where}",
    "place.province": "tỉnh {name}",
    "place.city": "thành phố {name}",
    "former.province": "{old} (cũ) nay thuộc {new}.",
    "former.district": "{old} ({province} cũ) nay thuộc {new}.",
    "former.commune": "{old}, {district} (cũ) nay là {new}.",
    "former.split": (
        "{old}, {district} (cũ) nay được chia cho nhiều xã/phường của {new}. Bạn ở phần nào? "
        "Gõ số để chọn (số 1 là nơi nhận phần lớn), hoặc gõ tên xã/phường mới:"
    ),
    "former.pick_from": "{old} (cũ) nay gồm các xã/phường dưới đây. Gõ số để chọn, hoặc gõ tên xã/phường của bạn:",
    "area.did_you_mean": "Ý bạn là {name}? Gõ «có» hoặc 1 để chọn, hoặc gõ lại tên.",
    "area.pick_near": "Không thấy tên nào đúng như vậy. Có phải một trong các nơi sau? Gõ số để chọn, hoặc gõ lại:",
    "area.need_commune": "«{query}» là tên tỉnh/thành. Vui lòng gõ tên xã/phường của bạn.",
    "area.retype": "Vâng, bạn gõ lại tên giúp mình nhé.",
    "choice.which": "Câu trả lời khớp với nhiều lựa chọn. Bạn chọn cái nào? Gõ số:",
    "choice.did_you_mean": "Ý bạn là «{name}»? Gõ «có» hoặc 1 để chọn, hoặc gõ lại.",
    "review.which_field": "Bạn muốn sửa thông tin nào? Gõ số hoặc tên mục:",
    "input.review_pick": (
        "Mình chưa hiểu. Gõ «gửi» (hoặc «ok») để xác nhận, hoặc «sửa» kèm tên mục, ví dụ «sua ho ten», «đổi sđt»."
    ),
    "input.pick_many_part": (
        "Mình chưa hiểu «{part}». Hãy gõ các số thứ tự (1 đến {count}), ví dụ «1 3», hoặc tên lựa chọn, "
        "ví dụ «sot, ho»."
    ),
    "input.pick_many_unsure": "«{part}» có thể là: {labels}. Bạn gõ lại rõ hơn giúp mình, hoặc gõ các số thứ tự nhé.",
    "input.date_needs_year": "Bạn cho mình xin thêm năm sinh nhé, ví dụ: 15/3/1985 hoặc «15 thang 3 nam 85».",
    "input.bad_doses": "Bạn đã tiêm mấy mũi? Gõ số mũi (0 đến 4), ví dụ «2», «hai mui», hoặc «chưa».",
    "travel.unknown": (
        "Mình chưa tìm thấy nơi «{place}». Có phải: {suggestions}? Vui lòng gõ lại các nơi đã đến "
        "(tỉnh, xã/phường hoặc nước), cách nhau bằng dấu phẩy, hoặc «không»."
    ),
    "travel.unknown_none": (
        "Mình chưa tìm thấy nơi «{place}». Vui lòng gõ tên tỉnh, xã/phường (cũ hoặc mới) hoặc tên nước, "
        "ví dụ «thai binh, han quoc», hoặc «không» nếu không đi đâu."
    ),
    "travel.understood": "Nơi đã đến: {places}",
    "triage.reason.abroad": "Từ nước ngoài về trong 14 ngày qua",
    "cli.unknown_place": "Không có tỉnh, xã/phường hay mã nước «{code}». Ví dụ: 33 (Hưng Yên), 12688, KR.",
}
