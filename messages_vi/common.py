"""Texts shared by every conversation: input hints, commands, options, session."""

MESSAGES = {
    "option.yes": "Có",
    "option.no": "Không",
    "option.male": "Nam",
    "option.female": "Nữ",
    "option.gender_other": "Khác",
    "input.not_understood": (
        "Tôi chưa hiểu tin nhắn này (chỉ có biểu tượng hoặc ký hiệu). Vui lòng trả lời bằng chữ hoặc số."
    ),
    "input.empty": "Bạn chưa nhập nội dung. Vui lòng trả lời câu hỏi bên dưới.",
    "input.too_long": "Câu trả lời quá dài (tối đa {limit} ký tự). Vui lòng nhập ngắn gọn hơn.",
    "input.number_out_of_range": "Vui lòng chọn một số từ 1 đến {count}.",
    "input.pick_one": "Mình chưa hiểu câu trả lời. Hãy gõ số thứ tự (1 đến {count}) hoặc nội dung lựa chọn.",
    "input.pick_one.one": "Mình chưa hiểu câu trả lời. Hãy gõ 1 hoặc nội dung lựa chọn.",
    "input.number_out_of_range.one": "Chỉ có một lựa chọn: gõ 1.",
    "input.pick_many": (
        "Mình chưa hiểu câu trả lời. Hãy gõ các số thứ tự (1 đến {count}), ví dụ «1 3» hoặc «1,3», "
        "hoặc gõ tên, ví dụ «sot ho»."
    ),
    "input.exclusive_option": "Lựa chọn «Không» không đi cùng các lựa chọn khác. Vui lòng chọn lại.",
    "input.bad_name": "Họ tên chỉ gồm chữ cái và khoảng trắng, từ 2 đến {limit} ký tự. Ví dụ: Nguyen Van An.",
    "input.bad_year": "Năm sinh chưa hợp lệ. Vui lòng nhập năm có 4 chữ số, không quá {max}.",
    "input.bad_date": "Ngày chưa đúng định dạng. Ví dụ: 12/03/1990, 12/3/90, «12 3 1990» hoặc chỉ năm sinh 1990.",
    "input.bad_date_only": "Ngày chưa đúng định dạng. Ví dụ: 12/03/1990, 12/3/90 hoặc «12 3 1990».",
    "input.no_such_date": "Ngày này không có trong lịch. Vui lòng kiểm tra lại ngày và tháng.",
    "input.date_out_of_range": "Ngày sinh không thể ở tương lai hoặc quá 120 năm trước. Vui lòng nhập lại.",
    "input.bad_phone": (
        "Số điện thoại chưa hợp lệ. Vui lòng nhập số điện thoại Việt Nam, ví dụ 0912 345 678 hoặc +84912345678."
    ),
    "input.bad_address": (
        "Địa chỉ chỉ gồm chữ, số và các dấu , . / - (tối đa {limit} ký tự). Ví dụ: Số 12, thôn Đông, đường Lê Lợi."
    ),
    "input.bad_free_text": "Nội dung chỉ gồm chữ, số và các dấu , . / - (tối đa {limit} ký tự). Vui lòng nhập lại.",
    "input.unsupported": "Mình chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu trả lời nhé.",
    "input.file_not_expected": "Ở bước này mình chưa cần tệp hay ảnh. Bạn vui lòng gõ câu trả lời nhé.",
    "input.stale_button": "Nút này thuộc câu hỏi trước. Vui lòng trả lời câu hỏi hiện tại:",
    "prompt.previous": "(Câu trả lời trước: {value})",
    "multi.chosen": "Bạn chọn: {labels}",
    "session.expired": "Phiên khai báo trước đã hết hạn vì quá 24 giờ không có trả lời. Mình bắt đầu lại nhé.",
    "command.cancelled": "Đã hủy. Thông tin đang nhập dở không được lưu. Gõ /khaibao khi bạn muốn bắt đầu lại.",
    "command.nothing_to_cancel": "Không có gì đang làm dở. Gõ /khaibao để khai báo y tế.",
    "command.nothing_to_undo": "Không có câu hỏi nào để quay lại. Gõ /khaibao để khai báo y tế.",
    "command.at_first_step": "Đây là câu hỏi đầu tiên.",
    "command.unknown": "Mình chưa biết lệnh này. Gõ /huongdan để xem các lệnh.",
    "error.apology": "Xin lỗi, hệ thống đang gặp sự cố. Bạn vui lòng thử lại sau ít phút.",
    "review.edit": "Sửa: {label}",
    "review.none": "không có",
}
