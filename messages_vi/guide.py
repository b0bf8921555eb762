"""/huongdan: one line per command, headings per role (the lists come from handlers/commands.py)."""

MESSAGES = {
    "guide.heading.citizen": "Hướng dẫn — các lệnh bạn dùng được:",
    "guide.heading.gatekeeper": "Hướng dẫn (người kiểm tra mã QR) — các lệnh bạn dùng được:",
    "guide.heading.commune_official": "Hướng dẫn (cán bộ xã/phường) — các lệnh bạn dùng được:",
    "guide.heading.province_official": "Hướng dẫn (cán bộ tỉnh) — các lệnh bạn dùng được:",
    "guide.heading.admin": "Hướng dẫn (quản trị viên) — các lệnh bạn dùng được:",
    "guide.footer": (
        "Trả lời bằng số thứ tự (ví dụ «1» hoặc «1 3») hoặc gõ chữ, có dấu hay không dấu đều được.\n"
        "Đường dây nóng Bộ Y tế: 1900 9095."
    ),
    "guide.khaibao": "/khaibao — khai báo y tế",
    "guide.quaylai": "/quaylai — quay lại câu trước",
    "guide.huy": "/huy — hủy việc đang làm",
    "guide.batdau": "/batdau — bắt đầu lại từ đầu",
    "guide.vungdich": "/vungdich — xem danh sách vùng dịch",
    "guide.thongbao": "/thongbao — xem các thông báo của chính quyền",
    "guide.baocao": "/baocao — phản ánh ca nghi nhiễm, người về từ vùng dịch",
    "guide.dulieucuatoi": "/dulieucuatoi — xem và tải dữ liệu của bạn",
    "guide.xoadulieu": "/xoadulieu — rút đồng ý và xóa dữ liệu",
    "guide.canbo": "/canbo MÃ — nhận lời mời làm cán bộ hoặc người kiểm tra",
    "guide.huongdan": "/huongdan — xem hướng dẫn này",
    "guide.kiemtra": "/kiemtra MÃ — kiểm tra mã khai báo, mã QR",
    "guide.canhbao": "/canhbao — các cảnh báo và phản ánh chưa tiếp nhận của địa bàn",
    "guide.tiepnhan": "/tiepnhan SỐ — tiếp nhận một cảnh báo (không kèm số: xem danh sách)",
    "guide.dabaocao": "/dabaocao — xác nhận đã gửi báo cáo định kỳ",
    "guide.theodoi": "/theodoi MÃ [SỐ_NGÀY] — đưa người khai báo vào diện theo dõi sức khỏe",
    "guide.thongke": "/thongke — thống kê và biểu đồ của địa bàn",
    "guide.xuat": "/xuat — xuất danh sách tờ khai của địa bàn ra Excel",
    "guide.thongbao_moi": "/thongbao_moi — soạn và gửi thông báo, chỉ thị",
    "guide.moi_canbo": "/moi_canbo — mời cán bộ, người kiểm tra",
    "guide.dscanbo": "/dscanbo — danh sách cán bộ và người kiểm tra",
    "guide.xoacanbo": "/xoacanbo SỐ — thu hồi quyền của một cán bộ",
    "guide.diaban": "/diaban TÊN — tìm mã tỉnh, xã/phường theo tên",
}
