"""Every server command by name: the engine forwards these, and each handler checks the sender's role."""

from __future__ import annotations

from bot import data_rights, notices, official_tools, staff
from bot.staff import Handler

HANDLERS: dict[str, Handler] = {
    "huongdan": staff.show_help,
    "moi_canbo": staff.create_invite,
    "canbo": staff.redeem_invite,
    "dscanbo": staff.list_staff,
    "xoacanbo": staff.remove_staff,
    "dabaocao": staff.confirm_report,
    "tiepnhan": staff.acknowledge_alert,
    "canhbao": staff.open_alerts,
    "diaban": staff.search_areas,
    "theodoi": staff.start_monitoring,
    "baocao": staff.community_report,
    "kiemtra": official_tools.check_receipt,
    "thongke": official_tools.area_statistics,
    "xuat": official_tools.export_area,
    "dulieucuatoi": data_rights.my_data,
    "erase": data_rights.erase,
    "publish_reach": notices.publish_reach,
}
