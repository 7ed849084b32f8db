"""Sections other apps add to the report to the provincial government.

The report knows the plan, execution and supervision records; coordination (major problems from
open issues) and assessment (the locked result) add their own sections when present, by
registering a builder in their `AppConfig.ready()`:

    sections.register("coordination", 30, coordination_section)

A builder is `build(*, plan, as_of: date) -> Section | None` (None: nothing to say this time).
Sections appear in `order`, after the report's own overview and areas.
"""

from collections.abc import Callable
from dataclasses import dataclass

from duban.reports.docx_writer import Section

Build = Callable[..., Section | None]


@dataclass(frozen=True)
class Registered:
    key: str
    order: int
    build: Build


_sections: dict[str, Registered] = {}


def register(key: str, order: int, build: Build) -> None:
    _sections[key] = Registered(key=key, order=order, build=build)


def build_all(*, plan, as_of) -> list[Section]:
    built = (
        entry.build(plan=plan, as_of=as_of)
        for entry in sorted(_sections.values(), key=lambda e: e.order)
    )
    return [section for section in built if section is not None]
