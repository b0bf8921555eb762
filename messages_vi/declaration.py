"""Texts of the health declaration, triage results and the receipt."""

MESSAGES = {
    "profile.summary": "Họ tên: {name}\nNgày sinh: {birth}\nĐiện thoại: {phone}\nĐịa chỉ: {address}",
    "declare.confirm_profile": "Chào bạn! Thông tin của bạn:\n{profile}\n\nThông tin này còn đúng không?",
    "profile.confirm": "Đúng, khai báo y tế",
    "profile.edit": "Sửa thông tin",
    "label.confirm_profile": "Xác nhận thông tin",
    "declare.for_whom": "Bạn khai báo cho ai?",
    "whom.self": "Cho bản thân",
    "whom.other": "Khai hộ người khác (con, cha mẹ...)",
    "declare.subject_name": "Họ tên người được khai hộ?",
    "declare.subject_birth": "Ngày sinh (hoặc năm sinh) của người đó?",
    "declare.subject_gender": "Giới tính của người đó?",
    "declare.subject_relation": "Người đó là gì của bạn?",
    "relation.child": "Con",
    "relation.parent": "Cha/mẹ",
    "relation.spouse": "Vợ/chồng",
    "relation.relative": "Người thân khác",
    "relation.other": "Khác",
    "declare.subject_phone": "Số điện thoại của người đó? (gõ «bỏ qua» nếu không có)",
    "declare.subject_same_address": "Người đó có ở cùng địa chỉ với bạn không?",
    "declare.subject_province": "Người đó ở tỉnh/thành phố nào?",
    "declare.subject_commune": "Người đó ở xã/phường nào của {province}?",
    "declare.subject_street": "Số nhà, đường/phố, thôn/xóm của người đó?",
    "label.for_whom": "Khai cho",
    "label.subject_name": "Họ tên người được khai hộ",
    "label.subject_birth": "Ngày sinh người được khai hộ",
    "label.subject_gender": "Giới tính người được khai hộ",
    "label.subject_relation": "Quan hệ",
    "label.subject_phone": "Điện thoại người được khai hộ",
    "label.subject_same_address": "Cùng địa chỉ",
    "label.subject_province": "Tỉnh/thành người được khai hộ",
    "label.subject_commune": "Xã/phường người được khai hộ",
    "label.subject_street": "Địa chỉ người được khai hộ",
    "declare.symptoms.other": (
        "Trong 14 ngày qua {name} có triệu chứng nào sau đây không? Chọn tất cả các mục đúng "
        "(ví dụ «1 2» hoặc «sot ho»)."
    ),
    "declare.exposure.other": (
        "Trong 14 ngày qua, {name} có tiếp xúc hoặc đi lại nào sau đây không? Chọn tất cả các mục đúng."
    ),
    "declare.travel.other": (
        "Trong 14 ngày qua {name} đã đi qua những tỉnh/thành, xã/phường hoặc quốc gia nào? "
        "Gõ tên, cách nhau bởi dấu phẩy (ví dụ: ha noi, bac ninh). Gõ «không» nếu không đi đâu."
    ),
    "declare.conditions.other": "{name} có bệnh nền hoặc tình trạng nào sau đây không? Chọn tất cả các mục đúng.",
    "declare.vaccine.other": "{name} đã tiêm bao nhiêu mũi vắc-xin phòng COVID-19?",
    "declare.symptoms": (
        "Trong 14 ngày qua có triệu chứng nào sau đây không? Chọn tất cả các mục đúng "
        "(ví dụ «1 2» hoặc «sot ho»)."
    ),
    "symptom.fever": "Sốt",
    "symptom.cough": "Ho",
    "symptom.breathless": "Khó thở",
    "symptom.sore_throat": "Đau họng",
    "symptom.pneumonia": "Viêm phổi",
    "symptom.fatigue": "Mệt mỏi",
    "symptom.smell_taste": "Mất hoặc thay đổi vị giác/khứu giác",
    "symptom.body_ache": "Đau nhức người",
    "symptom.diarrhoea": "Tiêu chảy",
    "symptom.nausea": "Nôn/buồn nôn",
    "symptom.bleeding": "Xuất huyết ngoài da",
    "symptom.rash": "Nổi ban ngoài da",
    "symptom.none": "Không có triệu chứng nào",
    "declare.exposure": "Trong 14 ngày qua, có tiếp xúc hoặc đi lại nào sau đây không? Chọn tất cả các mục đúng.",
    "exposure.contact_confirmed": "Tiếp xúc gần với ca bệnh xác định (F0)",
    "exposure.contact_suspected": "Tiếp xúc với ca nghi ngờ hoặc người có sốt, ho, khó thở",
    "exposure.outbreak_area": "Ở hoặc đi qua vùng dịch, hoặc từ nước ngoài về",
    "exposure.none": "Không có",
    "declare.travel": (
        "Trong 14 ngày qua đã đi qua những tỉnh/thành, xã/phường hoặc quốc gia nào? "
        "Gõ tên, cách nhau bởi dấu phẩy (ví dụ: ha noi, bac ninh). Gõ «không» nếu không đi đâu."
    ),
    "declare.conditions": "Có bệnh nền hoặc tình trạng nào sau đây không? Chọn tất cả các mục đúng.",
    "condition.liver": "Bệnh gan mạn tính",
    "condition.blood": "Bệnh máu mạn tính",
    "condition.lung": "Bệnh phổi mạn tính",
    "condition.kidney": "Bệnh thận mạn tính",
    "condition.heart": "Bệnh tim mạch",
    "condition.hypertension": "Tăng huyết áp",
    "condition.immunodeficiency": "Suy giảm miễn dịch",
    "condition.transplant": "Người nhận ghép tạng, tủy xương",
    "condition.diabetes": "Tiểu đường",
    "condition.cancer": "Ung thư",
    "condition.pregnancy": "Đang mang thai",
    "condition.none": "Không có",
    "declare.vaccine": "Đã tiêm bao nhiêu mũi vắc-xin phòng COVID-19?",
    "vaccine.doses_0": "Chưa tiêm",
    "vaccine.doses_1": "1 mũi",
    "vaccine.doses_2": "2 mũi",
    "vaccine.doses_3": "3 mũi",
    "vaccine.doses_4": "4 mũi trở lên",
    "label.symptoms": "Triệu chứng",
    "label.exposure": "Tiếp xúc, đi lại",
    "label.travel": "Nơi đã đến",
    "label.conditions": "Bệnh nền",
    "label.vaccine": "Vắc-xin",
    "declare.review": (
        "Vui lòng kiểm tra tờ khai:\n{summary}\n\n"
        "Khai báo thông tin sai sự thật là vi phạm pháp luật và có thể bị xử lý theo quy định."
    ),
    "declare.commit": "Tôi cam kết thông tin trên là đúng sự thật — Gửi tờ khai",
    "triage.reason.contact_confirmed": "Tiếp xúc gần với ca bệnh xác định (F0)",
    "triage.reason.contact_suspected": "Tiếp xúc với ca nghi ngờ hoặc người có triệu chứng",
    "triage.reason.outbreak_area": "Ở hoặc đi qua vùng dịch, hoặc từ nước ngoài về",
    "triage.reason.listed_area": "Đã đến nơi đang trong danh sách vùng dịch",
    "triage.reason.symptoms": "Có triệu chứng trong 14 ngày qua",
    "triage.no_reason": "• Không có yếu tố nguy cơ",
    "level.green": "XANH (nguy cơ thấp)",
    "level.yellow": "VÀNG (nguy cơ trung bình)",
    "level.red": "ĐỎ (nguy cơ cao)",
    "triage.result.green": "Cảm ơn bạn đã khai báo. Mức nguy cơ: XANH (thấp).\n{reasons}",
    "triage.result.yellow": "Cảm ơn bạn đã khai báo. Mức nguy cơ: VÀNG (trung bình).\nLý do:\n{reasons}",
    "triage.result.red": "Cảm ơn bạn đã khai báo. Mức nguy cơ: ĐỎ (cao).\nLý do:\n{reasons}",
    "triage.guidance.green": (
        "Hãy tiếp tục thực hiện 5K: Khẩu trang, Khử khuẩn, Khoảng cách, Không tụ tập, Khai báo y tế. "
        "Nếu có triệu chứng, hãy khai báo lại ngay."
    ),
    "triage.guidance.yellow": (
        "Hãy tự theo dõi sức khỏe, hạn chế tiếp xúc, đeo khẩu trang và liên hệ trạm y tế xã/phường để được "
        "hướng dẫn. Nếu sốt cao hoặc khó thở, gọi ngay 1900 9095 (Bộ Y tế, 24/7) hoặc 115."
    ),
    "triage.guidance.red": (
        "Hãy ở yên tại nhà, tự cách ly với người khác, đeo khẩu trang và gọi ngay trạm y tế xã/phường "
        "hoặc đường dây nóng 1900 9095 (Bộ Y tế, 24/7). Không tự đến nơi đông người. Nếu khó thở, gọi 115."
    ),
    "receipt.caption": (
        "Mã khai báo: {code}\nNgười khai báo: {name}\nMức nguy cơ: {level}\nThời gian khai báo: {time}\n"
        "Có giá trị đến: {until}\n"
        "Xuất trình mã QR này (hoặc mã {code}) khi được yêu cầu. Gõ /khaibao để khai báo lần sau."
    ),
    "receipt.caption_for": (
        "Mã khai báo: {code}\nKhai hộ cho: {name}\nMức nguy cơ của {name}: {level}\nThời gian khai báo: {time}\n"
        "Có giá trị đến: {until}\n"
        "Mã QR này là của {name}: gửi cho {name} để xuất trình (hoặc mã {code}) khi được yêu cầu."
    ),
    "triage.result_for": "Đã ghi nhận tờ khai hộ cho {name}. Mức nguy cơ của {name}: {level}.\nLý do:\n{reasons}",
    "triage.guidance_for": "Hướng dẫn cho {name}: {guidance}",
    "outbreak.none": "Hiện không có địa bàn nào trong danh sách vùng dịch.",
    "outbreak.list": "Danh sách vùng dịch hiện nay:\n{lines}",
    "outbreak.line": "• {area} (từ {since})",
}
