"""The parse result: plain dataclasses that serialise to the `duban.document/1` JSON schema.

The schema is defined in the corpus README; other parts of Duban and outside checks read it,
so field names and shapes here follow it exactly.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "duban.document/1"

Role = Literal["lead", "co"]


@dataclass
class Department:
    name: str
    role: Role
    canonical: str | None = None


@dataclass
class Deadline:
    text: str
    start: str | None = None  # ISO date, YYYY-MM-DD
    end: str | None = None


@dataclass
class Target:
    text: str
    value: float | int | None = None
    unit: str | None = None
    comparator: str | None = None


@dataclass
class CitedDocument:
    number: str
    title: str | None = None


@dataclass
class Item:
    path: str
    level: int
    label: str
    title: str
    text: str
    departments: list[Department] = field(default_factory=list)
    cited_documents: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    # How sure the parse is of this item, and why not more (see ``confidence.py``).
    confidence: float = 1.0
    doubts: list[str] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Meta:
    title: str = ""
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)


@dataclass
class Closing:
    text: str
    deadlines: list[Deadline] = field(default_factory=list)


@dataclass
class Document:
    meta: Meta
    items: list[Item] = field(default_factory=list)
    cited_documents: list[CitedDocument] = field(default_factory=list)
    closing: Closing | None = None

    def walk(self):
        for item in self.items:
            yield from item.walk()

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **asdict(self)}


def gettext_noop(message: str) -> str:
    """Marks a message for translation where Django is not imported (makemessages finds it)."""
    return message


class ParseError(Exception):
    """Input the parser cannot read; the message names the file and the problem.

    `msgid` and `params`, where given, say the same in Chinese for the UI to translate: the
    parser stays free of Django, and the web pages show `gettext(msgid) % params`.
    """

    def __init__(self, message: str, *, msgid: str = "", params: dict | None = None):
        super().__init__(message)
        self.msgid = msgid
        self.params = params or {}
