"""The server's handler for each ``server`` entry of the command registry (``handlers.commands``).

Each handler checks the sender's role itself. A handler for a name the registry lacks, or a server
entry without a handler, fails when this module loads.
"""

from __future__ import annotations

from bot.commands import (
    data_rights,
    exports,
    notices,
    officials,
    receipts,
    reports,
    statistics,
    venues,
    web_console,
)
from bot.commands.caller import Handler
from handlers.commands import SERVER_NAMES

HANDLERS: dict[str, Handler] = {
    "huongdan": officials.show_help,
    "moi_canbo": officials.create_invite,
    "canbo": officials.redeem_invite,
    "dscanbo": officials.list_staff,
    "xoacanbo": officials.remove_staff,
    "dabaocao": reports.confirm_report,
    "tiepnhan": reports.acknowledge_alert,
    "canhbao": reports.open_alerts,
    "diaban": officials.search_areas,
    "theodoi": reports.start_monitoring,
    "baocao": reports.community_report,
    "kiemtra": receipts.check_receipt,
    "thongke": statistics.area_statistics,
    "xuat": exports.export_area,
    "dulieucuatoi": data_rights.my_data,
    "erase": data_rights.erase,
    "publish_reach": notices.publish_reach,
    "web": web_console.web_link,
    "dangxuat": web_console.sign_out,
    "venue_save": venues.save_venue,
    "luotvao": venues.today_count,
    "inposter": venues.send_poster,
    "dsdiadiem": venues.area_venues,
    "tamdung": venues.suspend,
    "cabenh": venues.mark_case,
}


def check(handlers: dict[str, Handler]) -> None:
    """Raise unless ``handlers`` covers exactly the registry's server commands."""
    if set(handlers) != SERVER_NAMES:
        missing, unknown = sorted(SERVER_NAMES - set(handlers)), sorted(set(handlers) - SERVER_NAMES)
        raise ValueError(f"server commands without a handler: {missing}; handlers of no server command: {unknown}")


check(HANDLERS)
