"""The command registry: every chat command once, with who may use it and what answers it.

The engine routes typed commands and `/start` links from it, the server binds a handler to each
``server`` entry (``bot/commands/registry.py``, checked when it loads), `/huongdan` lists the
entries per role and Telegram's command menu shows the ``menu`` entries.

Adding a command: one ``Command`` line below, its "guide.<name>" line in both catalogues, and then
either ``flow=`` (the flow it starts), ``action=`` (one of the engine's ``ACTIONS``) or
``server=True`` plus its handler in ``bot/commands/registry.py``; ``menu=True`` also puts it in
Telegram's menu (with "telegram.command.<name>").
"""

from __future__ import annotations

from dataclasses import dataclass

import messages

CITIZEN = "citizen"
GATEKEEPER = "gatekeeper"
COMMUNE_OFFICIAL = "commune_official"
PROVINCE_OFFICIAL = "province_official"
ADMIN = "admin"
ROLES = (CITIZEN, GATEKEEPER, COMMUNE_OFFICIAL, PROVINCE_OFFICIAL, ADMIN)
EVERYONE = frozenset(ROLES)
OFFICIALS = frozenset({COMMUNE_OFFICIAL, PROVINCE_OFFICIAL})
CHECKERS = frozenset({GATEKEEPER, COMMUNE_OFFICIAL, PROVINCE_OFFICIAL, ADMIN})
ADMINS = frozenset({ADMIN})


@dataclass(frozen=True)
class Command:
    """A command (without its slash): the roles that may use it and what answers it when typed.

    ``flow`` starts that flow, ``action`` runs one of the engine's own actions, ``server`` has the
    server answer it (a handler that checks the role again); a flow or action entry may be ``server``
    too when it ends in a `ServerCommand` of its name. ``typed=False`` is server work that flows ask
    for and nobody types (not listed in /huongdan). ``start_prefix`` routes `/start <prefix>ARG`
    links to the command with ARG (with the prefix when ``keep_prefix``).
    """

    name: str
    roles: frozenset[str]
    flow: str | None = None
    action: str | None = None
    server: bool = False
    aliases: tuple[str, ...] = ()
    english: str | None = None  # its English name: typed like an alias, shown in the English menu and help
    start_prefix: str | None = None
    keep_prefix: bool = False
    menu: bool = False
    typed: bool = True

    def __post_init__(self) -> None:
        routes = [route for route in (self.flow, self.action) if route]
        if len(routes) > 1 or (self.typed and not routes and not self.server):
            raise ValueError(f"/{self.name}: give exactly one of flow=, action= or server=True")
        if not self.roles or not self.roles <= EVERYONE:
            raise ValueError(f"/{self.name}: unknown roles")

    def line(self, locale: str = messages.VI) -> str:
        """Its line in /huongdan."""
        return messages.t(locale, f"guide.{self.name}")


REGISTRY: tuple[Command, ...] = (
    Command("khaibao", EVERYONE, action="restart", english="declare", menu=True),
    Command("nhapcanh", EVERYONE, action="arrival", english="arrival", menu=True),
    Command("quaylai", EVERYONE, action="back", english="back", menu=True),
    Command("huy", EVERYONE, action="cancel", english="cancel", menu=True),
    Command("batdau", EVERYONE, action="restart", english="start", menu=True),
    Command("vungdich", EVERYONE, action="outbreak", menu=True, english="outbreak"),
    Command("thongbao", EVERYONE, flow="notices", english="notices"),
    Command("baocao", EVERYONE, flow="community_report", server=True, english="report"),
    Command("dulieucuatoi", EVERYONE, server=True, english="mydata"),
    Command("xoadulieu", EVERYONE, flow="erase", english="deletedata"),
    Command("canbo", EVERYONE, action="redeem", server=True, start_prefix="inv_", english="join"),
    Command("ngonngu", EVERYONE, action="language", english="language", menu=True),
    Command("huongdan", EVERYONE, server=True, english="help", menu=True),
    Command("diadiem", EVERYONE, english="venue", flow="venue"),
    Command("checkin", EVERYONE, action="checkin", start_prefix="l_", keep_prefix=True),
    Command("luotvao", EVERYONE, english="visits", server=True),
    Command("inposter", EVERYONE, english="poster", server=True),
    Command("tiepxuc", EVERYONE, english="exposed", action="declare_exposed", start_prefix="e_"),
    Command("kiemtra", CHECKERS, server=True, start_prefix="v_", keep_prefix=True, english="check"),
    Command("canhbao", OFFICIALS, server=True, english="alerts"),
    Command("tiepnhan", OFFICIALS, server=True, english="ack"),
    Command("dabaocao", OFFICIALS, server=True, english="reported"),
    Command("theodoi", OFFICIALS, server=True, english="monitor"),
    Command("thongke", OFFICIALS, server=True, english="stats"),
    Command("xuat", OFFICIALS, server=True, english="export"),
    Command("dsdiadiem", OFFICIALS, server=True),
    Command("cabenh", OFFICIALS, server=True),
    Command("tamdung", OFFICIALS | ADMINS, server=True),
    Command("thongbao_moi", ADMINS, flow="publish", english="newnotice"),
    Command("moi_canbo", ADMINS, flow="invite", server=True, english="invite"),
    Command("dscanbo", ADMINS, server=True, english="staff"),
    Command("xoacanbo", ADMINS, server=True, english="removestaff"),
    Command("diaban", ADMINS, server=True, english="areas"),
    Command("web", CHECKERS, server=True),
    Command("dangxuat", CHECKERS, server=True),
    Command("erase", EVERYONE, server=True, typed=False),
    Command("publish_reach", ADMINS, server=True, typed=False),
    Command("venue_save", EVERYONE, server=True, typed=False),
)


def _by_name(registry: tuple[Command, ...]) -> dict[str, Command]:
    """Every typed name and alias to its entry; a name given twice fails when the module loads."""
    named: dict[str, Command] = {}
    for command in registry:
        for name in (command.name, *command.aliases, *filter(None, [command.english])):
            if name in named:
                raise ValueError(f"/{name} is in the command registry twice")
            named[name] = command
    return named


BY_NAME = _by_name(REGISTRY)
SERVER_NAMES = frozenset(command.name for command in REGISTRY if command.server)


def typed(name: str) -> Command | None:
    """The command a user typed (folded, without slash or @bot), or None when there is none."""
    command = BY_NAME.get(name)
    return command if command is not None and command.typed else None


def start_link(argument: str) -> tuple[Command, str] | None:
    """The command a `/start` argument routes to, with its argument; None for other arguments."""
    for command in REGISTRY:
        prefix = command.start_prefix
        if prefix and argument.startswith(prefix):
            return command, argument if command.keep_prefix else argument[len(prefix):]
    return None


def shown_name(command: Command, locale: str) -> str:
    """The name a person of ``locale`` is shown: the English name in English where there is one."""
    return command.english if locale == messages.EN and command.english else command.name


def english_names() -> frozenset[str]:
    """The English command names, but /start, which every Telegram app sends first whatever its language."""
    return frozenset(command.english for command in REGISTRY if command.english and command.english != "start")


def menu() -> list[Command]:
    """The commands of Telegram's menu, in the registry's order."""
    return [command for command in REGISTRY if command.menu]


def help_role(role: str, area_code: str | None) -> str:
    """The help role of a stored role: officials split into commune and province."""
    if role == "official":
        return PROVINCE_OFFICIAL if area_code and len(area_code) == 2 else COMMUNE_OFFICIAL
    return role if role in ROLES else CITIZEN


def commands_for(role: str) -> list[Command]:
    """The typed commands ``role`` may use, in the registry's order."""
    return [command for command in REGISTRY if command.typed and role in command.roles]


def command_lines(role: str, locale: str = messages.VI) -> str:
    """The lines "/lệnh — việc" for every command of ``role``."""
    return "\n".join(command.line(locale) for command in commands_for(role))


def help_text(role: str, locale: str = messages.VI) -> str:
    """/huongdan for ``role`` in ``locale``: a heading, exactly its commands, how to answer."""
    return "\n".join([messages.t(locale, f"guide.heading.{role}"), command_lines(role, locale),
                      messages.t(locale, "guide.footer")])
