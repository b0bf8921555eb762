"""ARCHITECTURE.md's import rules, held against the imports (ast) of every module of the running system."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("bot", "handlers", "storage", "messages", "messages_vi", "messages_en")
BOT_PACKAGES = ("cli", "serve", "channels", "conversation", "jobs", "commands", "records", "delivery",
                "settings", "clock")
PLATFORM_LIBRARIES = frozenset({"telegram", "aiogram", "httpx", "aiohttp", "starlette", "uvicorn"})
BELOW_CHANNELS = ("bot.conversation", "bot.jobs", "bot.commands", "bot.records", "bot.delivery", "bot.settings",
                  "bot.clock", "storage", "handlers", "messages")


def unit(module: str) -> str | None:
    """The package of ARCHITECTURE.md's table that ``module`` belongs to; None for other code."""
    parts = module.split(".")
    if parts[0] in ("messages", "messages_vi", "messages_en"):
        return "messages"
    if parts[0] in ("handlers", "storage"):
        return parts[0]
    if parts[0] == "bot" and len(parts) > 1 and parts[1] in BOT_PACKAGES:
        return f"bot.{parts[1]}"
    return None


def rules() -> dict[str, set[str]]:
    """package -> the packages it may import, from the table in ARCHITECTURE.md."""
    table: dict[str, set[str]] = {}
    for line in (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"`[\w.]+`", cells[0]):
            table[cells[0].strip("`")] = set(re.findall(r"`([\w.]+)`", cells[2]))
    return table


def modules() -> dict[str, Path]:
    """Every module of the running system by dotted name."""
    found = {}
    for top in SOURCES:
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    """The modules ``path`` imports anywhere in it (functions too), relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_the_table_names_every_package() -> None:
    table = rules()
    assert set(table) == {f"bot.{name}" for name in BOT_PACKAGES} | {"storage", "handlers", "messages"}
    for allowed in table.values():
        assert allowed <= set(table), allowed - set(table)


def violations(name: str, path: Path, table: dict[str, set[str]]) -> list[str]:
    """The imports of module ``name`` that the table does not allow."""
    source = unit(name)
    if source is None:
        return []
    targets = {unit(module) for module in imports(name, path)} - {None, source}
    return sorted(f"{name} imports {target}" for target in targets if target not in table[source])


def test_every_import_is_allowed_by_architecture_md() -> None:
    table = rules()
    assert [wrong for name, path in modules().items() for wrong in violations(name, path, table)] == []


def test_an_import_against_the_rules_is_found_in_functions_and_relative_forms(tmp_path: Path) -> None:
    module = tmp_path / "worker.py"
    module.write_text("def send():\n    from ..channels.telegram import bulk\n    import handlers.text\n")
    assert violations("bot.delivery.worker", module, rules()) == ["bot.delivery.worker imports bot.channels"]


def test_no_package_below_the_channels_imports_a_platform_library() -> None:
    wrong = []
    for name, path in modules().items():
        if unit(name) in BELOW_CHANNELS:
            used = {module.split(".")[0] for module in imports(name, path)} & PLATFORM_LIBRARIES
            wrong.extend(f"{name} imports {library}" for library in sorted(used))
    assert wrong == []


def test_the_rules_are_acyclic() -> None:
    table = rules()

    def visit(package: str, path: tuple[str, ...]) -> None:
        assert package not in path, " -> ".join((*path, package))
        for below in table[package]:
            visit(below, (*path, package))

    for package in table:
        visit(package, ())
