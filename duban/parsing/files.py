"""Parse a file on disk: read it (`readers`), then run the text pipeline or the table path."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from .document import Document, ParseError
from .readers import TableSource, read_file
from .tables import parse_table
from .text_tables import find_text_table


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
        document = parse_text(source.text, year=year, directory=directory)
        table = source.table or find_text_table(source.text)
        if table is not None and not _has_units(document):
            document = _attached_table(document, table, year, directory, name)
        return document
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


def _has_units(document: Document) -> bool:
    return any(item.departments for item in document.walk())


def _attached_table(
    text_document: Document,
    table: TableSource,
    year: int | None,
    directory: Mapping[str, str] | None,
    name: str,
) -> Document:
    """A 通知 whose tasks are in its attached 任务分解表: the tasks come from the table; the
    document number, issuer, date and recipients from the notice."""
    text_meta = text_document.meta
    document = parse_table(table, year=year or _year_of(text_meta), name=name)
    _apply_directory(document, directory)
    meta = document.meta
    meta.title = meta.title or text_meta.title
    meta.doc_number = text_meta.doc_number or meta.doc_number
    meta.issuer = text_meta.issuer or meta.issuer
    meta.date = text_meta.date or meta.date
    meta.recipients = text_meta.recipients or meta.recipients
    own = {meta.doc_number}
    seen = {cited.number for cited in document.cited_documents}
    for cited in text_document.cited_documents:
        if cited.number not in seen and cited.number not in own:
            document.cited_documents.append(cited)
            seen.add(cited.number)
    document.closing = text_document.closing or document.closing
    return document


def _year_of(meta) -> int | None:
    for text in (meta.title, meta.date or "", meta.doc_number or ""):
        match = re.search(r"(?:19|20)\d\d", text)
        if match:
            return int(match.group(0))
    return None
