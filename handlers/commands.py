"""The command registry: every chat command, who may use it, and the /huongdan text built from it per role."""

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
    """A chat command (without its slash), the roles that may use it, and other names it answers to."""

    name: str
    roles: frozenset[str]
    aliases: tuple[str, ...] = ()

    def line(self, locale: str = messages.VI) -> str:
        """Its line in /huongdan."""
        return messages.t(locale, f"guide.{self.name}")


REGISTRY: tuple[Command, ...] = (
    Command("khaibao", EVERYONE, aliases=("declare",)),
    Command("quaylai", EVERYONE, aliases=("back",)),
    Command("huy", EVERYONE, aliases=("cancel",)),
    Command("batdau", EVERYONE, aliases=("start",)),
    Command("vungdich", EVERYONE),
    Command("thongbao", EVERYONE),
    Command("baocao", EVERYONE),
    Command("dulieucuatoi", EVERYONE),
    Command("xoadulieu", EVERYONE),
    Command("canbo", EVERYONE),
    Command("ngonngu", EVERYONE, aliases=("language",)),
    Command("huongdan", EVERYONE, aliases=("help",)),
    Command("kiemtra", CHECKERS),
    Command("canhbao", OFFICIALS),
    Command("tiepnhan", OFFICIALS),
    Command("dabaocao", OFFICIALS),
    Command("theodoi", OFFICIALS),
    Command("thongke", OFFICIALS),
    Command("xuat", OFFICIALS),
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


def command_lines(role: str, locale: str = messages.VI) -> str:
    """The lines "/lệnh — việc" for every command of ``role``."""
    return "\n".join(command.line(locale) for command in commands_for(role))


def help_text(role: str, locale: str = messages.VI) -> str:
    """/huongdan for ``role`` in ``locale``: a heading, exactly its commands, how to answer."""
    return "\n".join([messages.t(locale, f"guide.heading.{role}"), command_lines(role, locale),
                      messages.t(locale, "guide.footer")])
