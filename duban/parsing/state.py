"""The working state that the pipeline's stages read and fill in, one field per stage output.

Stages are plain functions ``stage(state) -> None`` (listed in ``pipeline.py``); the state is
the only thing they share, so each stage can be tested by building a state by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from duban.parsing.document import CitedDocument, Closing, Item, Meta


@dataclass
class Paragraph:
    """One logical paragraph: the lines it was written on, joined."""

    text: str
    indented: bool = False
    # Numbering, when the paragraph starts with a label the numbering stage accepted.
    label: str = ""
    style: str | None = None
    value: int | None = None
    level: int = 0
    numbering_doubt: str | None = None  # a doubt the numbering stage had (see confidence.py)

    @property
    def body(self) -> str:
        """The text after the label."""
        return self.text[len(self.label) :].lstrip() if self.label else self.text


@dataclass
class Node:
    """An item under construction: its numbered paragraph and the paragraphs it owns."""

    paragraphs: list[Paragraph]
    level: int
    label: str
    children: list[Node] = field(default_factory=list)
    item: Item | None = None


@dataclass
class ParseState:
    text: str
    year: int | None = None
    directory: Mapping[str, str] | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    body_start: int | None = None  # index of the first numbered paragraph
    attached_text_start: int = 0  # index of the 附件 heading over the text to parse, if any
    trailer_start: int | None = None  # index of the signature/footer block at the end
    meta: Meta = field(default_factory=Meta)
    nodes: list[Node] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    closing: Closing | None = None
    closing_paragraphs: list[Paragraph] = field(default_factory=list)
    cited_documents: list[CitedDocument] = field(default_factory=list)
