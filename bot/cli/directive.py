"""`khaibao directive`: parse or summarise a directive file (.txt, .docx, .pdf, photo, saved page)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer

import messages
from handlers.directive import Directive, DirectiveError, parse_directive, summarize
from handlers.directive.document import read_upload


def t(key: str, **params: object) -> str:
    """A message of the directive pipeline, in Vietnamese (the language of the directives)."""
    return messages.t(messages.VI, key, **params)

app = typer.Typer(help=t("directive.cli.help"), no_args_is_help=True, add_completion=False)

FileArgument = Annotated[Path, typer.Argument(help=t("directive.cli.file"), show_default=False)]


@app.command("parse", help=t("directive.cli.parse"))
def parse_command(file: FileArgument) -> None:
    """Print the parsed fields as JSON."""
    typer.echo(json.dumps(_load(file).to_json_dict(), ensure_ascii=False, indent=2))


@app.command("summarize", help=t("directive.cli.summarize"))
def summarize_command(file: FileArgument) -> None:
    """Print the summary."""
    typer.echo(summarize(_load(file)))


def _load(file: Path) -> Directive:
    """Read and parse the file; on failure print the reason in Vietnamese and exit with code 2.
    A poor scan is said on stderr, so the printed result stays clean."""
    try:
        data = file.read_bytes()
    except OSError:
        _fail(t("directive.error.unreadable", path=file))
    try:
        upload = read_upload(data, file.name)
        directive = parse_directive(upload.text)
    except DirectiveError as error:
        _fail(t(error.message_key))
    if upload.poor_scan:
        typer.echo(t("directive.scan.poor"), err=True)
    return directive


def _fail(message: str) -> NoReturn:
    """Print ``message`` on stderr and exit with code 2."""
    typer.echo(message, err=True)
    raise typer.Exit(code=2)
