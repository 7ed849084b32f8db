"""The text pipeline: a decoded ``str`` → ``Document``, as a list of small named stages.

1. ``normalize_text`` — fold line ends, radicals, traditional markers, written-out years;
2. ``split_paragraphs`` — rebuild logical paragraphs from lines (titles broken over lines,
   hard-wrapped copies);
3. ``find_attached_text`` — a signed notice whose 附件 holds the text: the body starts there;
4. ``mark_numbering`` — which paragraphs start an item, and at what level;
5. ``read_meta`` — title, document number, issuer, date and recipients from the header and the
   signature block; the plan year when the caller gave none;
6. ``build_tree`` — nest the numbered paragraphs;
7. ``split_closing`` — set the implementation requirements after the last item apart;
8. ``make_items`` — units of work and their departments, titles, citations, deadlines, targets;
9. ``collect_citations`` — the document's cited documents, unique, in first-seen order;
10. ``fill_canonical`` — canonical department names from the caller's directory;
11. ``rate_items`` — each item's confidence and the doubts behind it.

Each stage is ``stage(state) -> None`` over one ``ParseState``; the order below is the whole
wiring. Every stage is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from duban.parsing.attachments import find_attached_text
from duban.parsing.blocks import split_paragraphs
from duban.parsing.citations import find_citations, unique_citations
from duban.parsing.confidence import rate_items
from duban.parsing.document import Document, ParseError
from duban.parsing.items import build_tree, make_items, split_closing
from duban.parsing.meta import read_meta
from duban.parsing.normalize import normalize
from duban.parsing.numbering import mark_numbering
from duban.parsing.state import ParseState


def normalize_text(state: ParseState) -> None:
    state.text = normalize(state.text)


def collect_citations(state: ParseState) -> None:
    found = [c for paragraph in state.paragraphs for c in find_citations(paragraph.text)]
    state.cited_documents = unique_citations(found, own_number=state.meta.doc_number)


def fill_canonical(state: ParseState) -> None:
    if not state.directory:
        return
    for item in state.items:
        for node in item.walk():
            for department in node.departments:
                department.canonical = state.directory.get(department.name)


STAGES: list[Callable[[ParseState], None]] = [
    normalize_text,
    split_paragraphs,
    find_attached_text,
    mark_numbering,
    read_meta,
    build_tree,
    split_closing,
    make_items,
    collect_citations,
    fill_canonical,
    rate_items,
]


def parse_text(
    text: str, *, year: int | None = None, directory: Mapping[str, str] | None = None
) -> Document:
    """Parse a policy document's text into a ``Document``.

    ``year`` is the plan year deadlines resolve against; by default the year in the title, the
    date or the document number. ``directory`` maps names as written to canonical names and
    fills ``Department.canonical``. Odd input never raises anything but ``ParseError``: text
    with no numbering gives a ``Document`` with no items (its meta still read), and empty text
    an empty ``Document``. Output is deterministic.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected decoded text (str), got {type(text).__name__}")
    state = ParseState(text=text, year=year, directory=directory)
    try:
        for stage in STAGES:
            stage(state)
    except ParseError:
        raise
    except Exception as exc:  # a bug must still reach the caller as the one documented error
        raise ParseError(f"cannot parse the text: {type(exc).__name__}: {exc}") from exc
    return Document(
        meta=state.meta,
        items=state.items,
        cited_documents=state.cited_documents,
        closing=state.closing,
    )
