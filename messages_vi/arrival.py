"""Texts of the arrival declaration (khai báo nhập cảnh)."""

MESSAGES = {
    "guide.nhapcanh": "/nhapcanh — khai báo nhập cảnh (vừa từ nước ngoài vào Việt Nam)",
    "telegram.command.nhapcanh": "Khai báo nhập cảnh",
    "whom.arrival": "Tôi vừa nhập cảnh vào Việt Nam (khai báo nhập cảnh)",
    "arrival.register_first": (
        "Khai báo nhập cảnh: trước hết, xin bạn đăng ký thông tin cá nhân một lần (họ tên, ngày sinh, điện thoại, "
        "nơi ở tại Việt Nam). Sau đó bạn khai chuyến nhập cảnh."
    ),
    "arrival.nationality": (
        "Khai báo nhập cảnh. Quốc tịch của bạn là gì? (ví dụ «Việt Nam», «Hàn Quốc», «Mỹ», «USA»)"
    ),
    "arrival.nationality.unknown": "Chưa nhận ra quốc tịch «{place}». Có phải: {suggestions}? Vui lòng gõ lại.",
    "arrival.nationality.unknown_none": (
        "Chưa nhận ra quốc tịch «{place}». Vui lòng gõ tên nước, ví dụ «Việt Nam», «Nhật Bản», «Korea»."
    ),
    "arrival.paper": "{ask}",
    "arrival.paper.ask_vn": (
        "Số hộ chiếu của bạn? Công dân Việt Nam có thể gõ số CCCD (12 chữ số) thay cho hộ chiếu."
    ),
    "arrival.paper.ask": "Số hộ chiếu của bạn? (chữ và số như in trên hộ chiếu, ví dụ «M12345678»)",
    "arrival.paper.passport": "Hộ chiếu {number}",
    "arrival.paper.cccd": "CCCD {number}",
    "arrival.paper.empty": "Vui lòng gõ số hộ chiếu.",
    "arrival.paper.cccd_foreigner": (
        "Số 12 chữ số là CCCD của công dân Việt Nam. Người nước ngoài vui lòng gõ số hộ chiếu."
    ),
    "arrival.paper.cccd_mismatch": (
        "Số CCCD này không khớp với năm sinh, giới tính đã đăng ký hoặc có mã tỉnh sai. Vui lòng kiểm tra lại, "
        "hoặc gõ số hộ chiếu."
    ),
    "arrival.paper.bad": "Số hộ chiếu thường gồm 6–9 chữ cái và chữ số, ví dụ «M12345678». Vui lòng gõ lại.",
    "arrival.paper.bad_vn": (
        "Số hộ chiếu thường gồm 6–9 chữ cái và chữ số (ví dụ «C1234567»); số CCCD gồm 12 chữ số. Vui lòng gõ lại."
    ),
    "arrival.entry_date": "Bạn nhập cảnh ngày nào? (ví dụ «hôm nay», «hôm qua», «28/11»)",
    "arrival.entry_date.bad": (
        "Chưa hiểu ngày nhập cảnh. Ví dụ: «hôm nay», «hôm qua», «3 ngày trước», «thứ 6 tuần trước», «28/11» "
        "hoặc «28/11/2026»."
    ),
    "input.day_out_of_range": (
        "Ngày nhập cảnh cần trong vòng {days} ngày qua hoặc 7 ngày tới. Vui lòng kiểm tra lại ngày và tháng."
    ),
    "arrival.gate": (
        "Bạn nhập cảnh qua sân bay hoặc cửa khẩu nào? (ví dụ «Nội Bài», «Tân Sơn Nhất», «cửa khẩu Mộc Bài»; "
        "nơi khác: gõ «khác: tên cửa khẩu»)"
    ),
    "arrival.gate.kind.airport": "Sân bay quốc tế {name} ({province})",
    "arrival.gate.kind.land": "Cửa khẩu quốc tế {name} ({province})",
    "arrival.gate.kind.rail": "Ga đường sắt quốc tế {name} ({province})",
    "arrival.gate.kind.sea": "Cảng biển {name} ({province})",
    "arrival.gate.other": "Cửa khẩu khác: {name}",
    "arrival.gate.pick": "Có mấy nơi khớp với câu trả lời. Bạn nhập cảnh qua đâu? Chọn một số:",
    "arrival.gate.near": "Ý bạn là nơi nào dưới đây? Chọn một số, hoặc gõ lại tên (nơi khác: «khác: tên cửa khẩu»).",
    "arrival.gate.unknown": (
        "Chưa tìm thấy sân bay hay cửa khẩu này. Gõ tên sân bay/cửa khẩu (ví dụ «Nội Bài», «Lao Bảo») hoặc "
        "«khác: tên cửa khẩu»."
    ),
    "arrival.vehicle": (
        "Số hiệu chuyến bay hoặc biển số phương tiện? (ví dụ «VN301», «VJ 123», «29A-123.45»; đi bộ qua cửa "
        "khẩu: gõ «đi bộ»)"
    ),
    "arrival.vehicle.flight": "Chuyến bay {number}",
    "arrival.vehicle.plate": "Xe biển số {number}",
    "arrival.vehicle.other": "Phương tiện {number}",
    "arrival.vehicle.on_foot": "Đi bộ qua cửa khẩu",
    "arrival.vehicle.bad": (
        "Chưa hiểu số hiệu. Ví dụ: chuyến bay «VN301», «VJ 123»; biển số «29A-123.45»; hoặc «đi bộ»."
    ),
    "arrival.visited": (
        "Trong 14 ngày trước khi nhập cảnh, bạn đã ở hoặc đi qua những nước nào (kể cả nước khởi hành và nước "
        "quá cảnh)? Cách nhau bằng dấu phẩy, ví dụ «Hàn Quốc, Nhật Bản»."
    ),
    "arrival.visited.unknown": "Chưa nhận ra nước «{place}». Có phải: {suggestions}? Vui lòng gõ lại cả danh sách.",
    "arrival.visited.unknown_none": "Chưa nhận ra nước «{place}». Vui lòng gõ tên nước, ví dụ «Hàn Quốc, Nhật Bản».",
    "arrival.visited.none": (
        "Vui lòng gõ ít nhất nước bạn khởi hành (ví dụ «Hàn Quốc»); thêm các nước đã ở hoặc quá cảnh nếu có."
    ),
    "arrival.stay_same": "Tại Việt Nam, bạn sẽ ở tại địa chỉ đã đăng ký: {address}?",
    "arrival.stay_province": "Bạn sẽ ở tỉnh/thành phố nào tại Việt Nam?",
    "arrival.stay_commune": "Bạn sẽ ở xã/phường nào của {province}?",
    "arrival.stay_street": "Số nhà, đường/phố (hoặc khách sạn) nơi bạn sẽ ở?",
    "arrival.label.nationality": "Quốc tịch",
    "arrival.label.paper": "Giấy tờ",
    "arrival.label.entry_date": "Ngày nhập cảnh",
    "arrival.label.gate": "Cửa khẩu",
    "arrival.label.vehicle": "Phương tiện",
    "arrival.label.visited": "Các nước đã ở trong 14 ngày",
    "arrival.label.stay_same": "Ở tại địa chỉ đã đăng ký",
    "arrival.label.stay_province": "Tỉnh/thành nơi ở",
    "arrival.label.stay_commune": "Xã/phường nơi ở",
    "arrival.label.stay_street": "Địa chỉ nơi ở",
    "arrival.review": (
        "Vui lòng kiểm tra tờ khai nhập cảnh:\n{summary}\n\n"
        "Khai báo thông tin sai sự thật là vi phạm pháp luật và có thể bị xử lý theo quy định."
    ),
    "arrival.summary": (
        "Khai báo nhập cảnh đã ghi nhận:\nQuốc tịch: {nationality}\nGiấy tờ: {paper}\nNgày nhập cảnh: {entry_date}\n"
        "Cửa khẩu: {gate}\nPhương tiện: {vehicle}\nCác nước đã ở trong 14 ngày: {visited}"
    ),
    "arrival.monitoring": (
        "Vì bạn đã ở {countries} (trong danh sách vùng dịch), bạn được đưa vào diện theo dõi y tế {days} ngày, "
        "đến {until}. Mỗi ngày hãy gõ /khaibao để khai báo sức khỏe; cán bộ y tế xã/phường sẽ liên hệ với bạn."
    ),
    "arrival.alert": (
        "Nhập cảnh ngày {entry_date} qua {gate}, {vehicle}; quốc tịch: {nationality}; "
        "14 ngày trước đó ở: {visited}"
    ),
    "arrival.gate_screen": "Nhập cảnh ngày {entry_date} qua {gate}; quốc tịch {nationality}; giấy tờ {paper}",
    "settings.expect.ARRIVAL_AUTO_MONITORING_DAYS": "cần số ngày nguyên từ 0 (tắt) đến 60.",
    "arrival.column.nationality": "Quốc tịch",
    "arrival.column.paper": "Hộ chiếu/CCCD",
    "arrival.column.entry_date": "Ngày nhập cảnh",
    "arrival.column.gate": "Cửa khẩu",
    "arrival.column.vehicle": "Phương tiện",
    "arrival.column.visited": "Các nước đã ở (14 ngày)",
}
