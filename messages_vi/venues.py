"""Venues, check-ins, exposure notices and their posters (Vietnamese, the reference)."""

MESSAGES = {
    # /diadiem: registering a venue
    "venue.register_first": (
        "Vui lòng đăng ký thông tin cá nhân trước (gõ "
        "/khaibao), rồi gõ /diadiem để đăng ký địa điểm."
    ),
    "venue.ask.name": "Tên địa điểm của bạn là gì? (Ví dụ: Chợ Yên Mỹ, Tạp hóa Minh Anh, Trường THCS Yên Mỹ)",
    "venue.label.name": "Tên địa điểm",
    "venue.name_too_short": "Tên địa điểm cần ít nhất 2 ký tự. Vui lòng gõ lại.",
    "venue.ask.kind": "Đây là loại địa điểm nào?",
    "venue.label.kind": "Loại địa điểm",
    "venue.kind.market": "Chợ",
    "venue.kind.office": "Cơ quan",
    "venue.kind.school": "Trường học",
    "venue.kind.shop": "Cửa hàng",
    "venue.kind.clinic": "Cơ sở y tế",
    "venue.kind.transport": "Phương tiện công cộng",
    "venue.kind.other": "Khác",
    "venue.ask.province": "Địa điểm ở tỉnh/thành phố nào? Gõ tên tỉnh mới hoặc cũ, hoặc cả địa chỉ.",
    "venue.label.province": "Tỉnh/thành phố",
    "venue.ask.commune": "Địa điểm ở xã/phường nào của {province}? (Gõ tên xã/phường cũ hoặc mới)",
    "venue.label.commune": "Xã/phường",
    "venue.ask.street": "Số nhà, đường/phố, thôn/xóm của địa điểm? (Ví dụ: So 5, duong Le Loi)",
    "venue.label.street": "Địa chỉ",
    "venue.ask.schedule": "Giờ mở cửa (ví dụ: 6h-18h hằng ngày)? Gõ «bỏ qua» nếu không có.",
    "venue.label.schedule": "Giờ mở cửa",
    "venue.review": (
        "Vui lòng kiểm tra thông tin địa điểm:\n{summary}\n\nChọn «Lưu địa điểm» nếu đúng, hoặc chọn mục cần sửa."
    ),
    "venue.save": "Lưu địa điểm",
    "venue.saved": (
        "Đã đăng ký địa điểm «{name}». Mã check-in: {code}.\n"
        "Hãy in tấm áp phích đính kèm (khổ A4) và dán ở lối vào. Gõ /luotvao để xem số lượt check-in hôm nay."
    ),
    "venue.poster": "Áp phích check-in của «{name}» (mã {code}).",
    "venue.poster_zalo": (
        "Zalo không gửi được tệp PDF: đây là mã QR của địa điểm để in, kèm mã gõ tay {code}. "
        "Áp phích A4 đầy đủ: gõ /inposter {code} trên Telegram hoặc nhờ cán bộ xã in giúp."
    ),
    "venue.poster_usage": "Gõ /inposter MÃ để nhận lại áp phích của địa điểm bạn đã đăng ký (ví dụ: /inposter K7F3QX).",
    "venue.count_usage": "Gõ /luotvao MÃ để xem số lượt check-in hôm nay tại một địa điểm (ví dụ: /luotvao K7F3QX).",
    "venue.count_heading": "Lượt check-in hôm nay tại các địa điểm của bạn:",
    "venue.count_line": "• {name} (mã {code}): {count} lượt",
    "venue.count_one": "Hôm nay «{name}» (mã {code}) có {count} lượt check-in.",
    "venue.not_yours": "Không tìm thấy địa điểm mã {code} trong các địa điểm bạn được xem.",
    "venue.area_none": "Chưa có địa điểm nào đăng ký tại {area}.",
    "venue.area_heading": "Các địa điểm tại {area} (lượt check-in hôm nay):",
    "venue.area_line": "• {name} — {commune} — mã {code}: {count} lượt",
    "venue.area_line_suspended": "• {name} — {commune} — mã {code}: {count} lượt (đang tạm dừng)",
    "venue.area_more": "(Chỉ hiện {count} địa điểm đầu tiên.)",
    "venue.suspend_usage": (
        "Gõ /tamdung MÃ để tạm dừng check-in tại một địa điểm thuộc địa bàn của bạn, /tamdung MÃ mo để mở lại."
    ),
    "venue.suspended": "Đã tạm dừng check-in tại «{name}» (mã {code}).",
    "venue.already_suspended": "«{name}» (mã {code}) đang tạm dừng check-in rồi.",
    "venue.reopened": "Đã mở lại check-in tại «{name}» (mã {code}).",
    "venue.already_open": "«{name}» (mã {code}) vẫn đang mở check-in.",
    # check-in
    "checkin.usage": "Gõ /checkin MÃ (mã in trên áp phích ở lối vào, ví dụ: /checkin K7F3QX), hoặc quét mã QR.",
    "checkin.unknown": "Không tìm thấy địa điểm có mã này. Vui lòng kiểm tra mã trên áp phích và gõ lại.",
    "checkin.unknown_register_first": (
        "Không tìm thấy địa điểm có mã này. Hãy đăng ký thông tin trước, sau đó gõ /checkin và mã in trên áp phích."
    ),
    "checkin.suspended": (
        "Rất tiếc, địa điểm «{name}» đang tạm dừng check-in theo yêu cầu của cơ quan y tế. "
        "Cảm ơn bạn đã chấp hành, vui lòng làm theo hướng dẫn tại chỗ."
    ),
    "checkin.register_first": (
        "Để check-in tại «{name}», bạn cần đăng ký thông tin một lần. Đăng ký xong, khaibao sẽ đưa bạn quay lại "
        "check-in tại đây."
    ),
    "checkin.registered": "Đã lưu thông tin của bạn. Tiếp theo là check-in tại «{name}».",
    "rights.venue_data": (
        "Check-in: {checkins} lượt; "
        "địa điểm bạn đã đăng ký: {venues}; thông báo tiếp xúc đã nhận: {notices}."
    ),
    "rights.venue_owned": "• Địa điểm của bạn: {name} (mã {code})",
    "checkin.register_again": "Bạn cần đăng ký thông tin trước khi check-in. Gõ /khaibao để đăng ký.",
    "checkin.confirm": "Check-in tại: {name}\nĐịa chỉ: {address}\nThời gian: {time}\n\nBấm xác nhận để check-in.",
    "checkin.ask_code": (
        "Gõ mã check-in in trên áp phích ở lối vào (6 ký tự, ví dụ: K7F3QX), hoặc /huy nếu không check-in."
    ),
    "checkin.label.venue": "Địa điểm",
    "checkin.label.confirm": "Xác nhận",
    "checkin.option.self": "Xác nhận check-in",
    "checkin.option.family": "Check-in cho tôi và {names}",
    "checkin.option.cancel": "Không check-in",
    "checkin.cancelled": "Đã bỏ qua, bạn chưa check-in.",
    "checkin.done": "✅ Đã check-in tại «{name}» lúc {time}.",
    "checkin.done_family": "✅ Đã check-in {count} người (bạn và {names}) tại «{name}» lúc {time}.",
    # exposure notices and the declaration from them
    "exposure.notice": (
        "⚠️ THÔNG BÁO TIẾP XÚC: {who} có mặt cùng thời điểm với một ca bệnh đã được xác nhận:\n{visits}\n\n"
        "Việc cần làm ngay: đeo khẩu trang, hạn chế tiếp xúc với người khác, tự theo dõi sức khỏe trong 14 ngày; "
        "nếu có sốt, ho, khó thở hãy gọi ngay trạm y tế xã/phường.\n"
        "Khai báo y tế ngay: bấm nút «Khai báo ngay» (nếu có) hoặc gõ {command}."
    ),
    "exposure.notice.visit": "• {place} — khoảng {time}",
    "exposure.notice.you": "Bạn đã",
    "exposure.notice.you_and": "Bạn và {names} đã",
    "exposure.notice.family": "{names} (người bạn đã check-in cùng) đã",
    "exposure.notice.button": "Khai báo ngay",
    "exposure.notice.generic": "⚠️ Thông báo tiếp xúc với ca bệnh tại địa điểm bạn đã check-in.",
    "exposure.declare_intro": (
        "Khai báo y tế sau thông báo tiếp xúc: tờ khai của bạn sẽ ghi thêm việc bạn có mặt cùng nơi, cùng lúc với "
        "ca bệnh. Vẫn hãy trả lời câu hỏi về tiếp xúc nếu bạn còn tiếp xúc nào khác."
    ),
    "exposure.no_notice": "Bạn chưa nhận thông báo tiếp xúc nào gần đây, đây là tờ khai y tế thông thường.",
    "exposure.same_place": "Có mặt cùng nơi, cùng lúc với ca bệnh xác định (theo thông báo tiếp xúc)",
    "triage.reason.same_place": "Có mặt cùng nơi, cùng lúc với ca bệnh xác định (theo thông báo tiếp xúc)",
    "exposure.summary.line": "• {place}: ca bệnh có mặt {start} – {end}; {people} người được thông báo",
    "exposure.summary.line_once": "• {place}: ca bệnh có mặt lúc {start}; {people} người được thông báo",
    "exposure.summary.commune": "Ca bệnh đã đến các địa điểm tại {area}:\n{lines}",
    "exposure.summary.province": "Ca bệnh mới: {venues} địa điểm tại {area} liên quan, {people} người được thông báo.",
    # /cabenh
    "case.usage": "Gõ /cabenh MÃ_KHAI_BÁO [SỐ_NGÀY] (ví dụ: /cabenh K7F3QX2A 14): số ngày nhìn lại từ 1 đến 60.",
    "case.not_found": "Không tìm thấy tờ khai mã {code} trong địa bàn của bạn.",
    "case.already": "Tờ khai {code} đã được đánh dấu là ca bệnh lúc {at}; {notified} người đã được thông báo.",
    "case.marked": (
        "Đã đánh dấu ca bệnh (tờ khai {code}), nhìn lại {days} ngày: {visits} lượt check-in tại {venues} địa điểm; "
        "{notified} người đã có mặt cùng lúc sẽ được thông báo (không nêu danh tính ca bệnh)."
    ),
    # the poster (Vietnamese and English are both printed)
    "poster.heading": "QUÉT MÃ QR ĐỂ CHECK-IN Y TẾ",
    "poster.code_label": "Không quét được? Gõ /checkin và mã:",
    "poster.instructions": (
        "1. Mở camera hoặc Telegram, quét mã QR, bấm «Xác nhận check-in».\n"
        "2. Dùng Zalo hoặc không quét được: nhắn «/checkin {code}» cho khaibao.\n"
        "Nếu có người mắc bệnh đã đến đây cùng lúc với bạn, khaibao sẽ báo cho bạn."
    ),
    # /huongdan lines
    "guide.diadiem": "/diadiem — đăng ký địa điểm (chợ, cửa hàng, cơ quan...) và nhận áp phích mã QR",
    "guide.checkin": "/checkin MÃ — check-in tại một địa điểm",
    "guide.luotvao": "/luotvao [MÃ] — số lượt check-in hôm nay tại địa điểm",
    "guide.inposter": "/inposter MÃ — nhận lại áp phích mã QR của địa điểm",
    "guide.tiepxuc": "/tiepxuc — khai báo sau khi nhận thông báo tiếp xúc ca bệnh",
    "guide.dsdiadiem": "/dsdiadiem — các địa điểm check-in trong địa bàn",
    "guide.cabenh": "/cabenh MÃ [SỐ_NGÀY] — đánh dấu ca bệnh, thông báo người đã có mặt cùng lúc",
    "guide.tamdung": "/tamdung MÃ [mo] — tạm dừng (hoặc mở lại) check-in tại địa điểm",
    # settings
    "settings.expect.CHECKIN_RETENTION_DAYS": "cần số ngày nguyên từ 1 đến 365.",
    "settings.expect.EXPOSURE_WINDOW_HOURS": "cần số giờ lớn hơn 0 và tối đa 48, ví dụ 2 hoặc 1.5.",
    "settings.expect.EXPOSURE_WINDOW_BY_KIND": (
        "cần danh sách LOẠI=GIỜ cách nhau bằng dấu phẩy, loại là market, office, school, shop, clinic, transport "
        "hoặc other (ví dụ: market=3,transport=1)."
    ),
    "settings.expect.EXPOSURE_LOOK_BACK_DAYS": "cần số ngày nguyên từ 1 đến 60.",
    # /thongke
    "stats.venues_heading": "Lượt check-in 7 ngày qua (hôm nay ở cuối):",
    "stats.venue_line": "• {name} (mã {code}): {days} — tổng {total}",
    "stats.venues_none": "Chưa có lượt check-in nào trong 7 ngày qua.",
    "stats.cases_heading": "Ca bệnh 30 ngày qua:",
    "stats.case_line": (
        "• {at}: {visits} lượt check-in, {told} người "
        "được thông báo, {declared} đã khai báo trong 24 giờ"
    ),
}
