"""Parse a file on disk: read it (`readers`), then run the text pipeline or the table path."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .document import Document, ParseError
from .readers import TableSource, read_file
from .tables import parse_table


def parse_file(
    path: str | os.PathLike,
    *,
    year: int | None = None,
    directory: Mapping[str, str] | None = None,
) -> Document:
    """The task tree of the document at `path`.

    Raises `ParseError` naming the file for anything it cannot read: unreadable, empty, binary,
    undecodable, corrupt, oversized, or a PDF without a text layer.
    """
    from . import parse_text

    name = Path(path).name
    source = read_file(path)
    try:
        if isinstance(source, TableSource):
            document = parse_table(source, year=year, name=name)
            _apply_directory(document, directory)
            return document
        return parse_text(source.text, year=year, directory=directory)
    except ParseError as exc:
        message = str(exc)
        if message.startswith(name):
            raise
        raise ParseError(f"{name}: {message}") from None


def _apply_directory(document: Document, directory: Mapping[str, str] | None) -> None:
    # The directory maps a department name as written to the unit's canonical name.
    if not directory:
        return
    for item in document.walk():
        for department in item.departments:
            if department.canonical is None:
                department.canonical = directory.get(department.name)
