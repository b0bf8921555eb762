"""The command registry: every chat command, who may use it, and the /huongdan text built from it per role."""

from __future__ import annotations

from dataclasses import dataclass

import messages_vi

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
    """A chat command (without its slash), the roles that may use it, and other names it answers to."""

    name: str
    roles: frozenset[str]
    aliases: tuple[str, ...] = ()

    @property
    def line(self) -> str:
        """Its line in /huongdan."""
        return messages_vi.t(f"guide.{self.name}")


REGISTRY: tuple[Command, ...] = (
    Command("khaibao", EVERYONE),
    Command("quaylai", EVERYONE),
    Command("huy", EVERYONE),
    Command("batdau", EVERYONE, aliases=("start",)),
    Command("vungdich", EVERYONE),
    Command("thongbao", EVERYONE),
    Command("baocao", EVERYONE),
    Command("dulieucuatoi", EVERYONE),
    Command("xoadulieu", EVERYONE),
    Command("canbo", EVERYONE),
    Command("huongdan", EVERYONE),
    Command("diadiem", EVERYONE),
    Command("checkin", EVERYONE),
    Command("luotvao", EVERYONE),
    Command("inposter", EVERYONE),
    Command("tiepxuc", EVERYONE),
    Command("kiemtra", CHECKERS),
    Command("canhbao", OFFICIALS),
    Command("tiepnhan", OFFICIALS),
    Command("dabaocao", OFFICIALS),
    Command("theodoi", OFFICIALS),
    Command("thongke", OFFICIALS),
    Command("xuat", OFFICIALS),
    Command("dsdiadiem", OFFICIALS),
    Command("cabenh", OFFICIALS),
    Command("tamdung", OFFICIALS | ADMINS),
    Command("thongbao_moi", ADMINS),
    Command("moi_canbo", ADMINS),
    Command("dscanbo", ADMINS),
    Command("xoacanbo", ADMINS),
    Command("diaban", ADMINS),
)


def help_role(role: str, area_code: str | None) -> str:
    """The help role of a stored role: officials split into commune and province."""
    if role == "official":
        return PROVINCE_OFFICIAL if area_code and len(area_code) == 2 else COMMUNE_OFFICIAL
    return role if role in ROLES else CITIZEN


def commands_for(role: str) -> list[Command]:
    """The commands ``role`` may use, in the registry's order."""
    return [command for command in REGISTRY if role in command.roles]


def command_lines(role: str) -> str:
    """The lines "/lệnh — việc" for every command of ``role``."""
    return "\n".join(command.line for command in commands_for(role))


def help_text(role: str) -> str:
    """/huongdan for ``role``: a heading, exactly its commands, how to answer."""
    return "\n".join([messages_vi.t(f"guide.heading.{role}"), command_lines(role), messages_vi.t("guide.footer")])
