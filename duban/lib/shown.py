"""The first rows of a long list and how many there are in all: what one section of a page shows.

A national plan has thousands of reports waiting for review; a page section lists the first
few and says how many more there are, and the page that pages through them all is one link away.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import QuerySet

T = TypeVar("T")

SHOWN = 50


@dataclass(frozen=True)
class Shown(Generic[T]):
    rows: list[T]
    total: int

    @classmethod
    def of(cls, rows: QuerySet | Iterable[T], limit: int = SHOWN) -> "Shown[T]":
        """The first `limit` of `rows`; a queryset is counted in SQL (always, so that a page
        makes as many queries for a short list as for a long one)."""
        if isinstance(rows, QuerySet):
            return cls(list(rows[:limit]) if limit else [], rows.count())
        rows = list(rows)
        return cls(rows[:limit], len(rows))

    @property
    def more(self) -> int:
        """How many are not listed."""
        return self.total - len(self.rows)

    def __iter__(self) -> Iterator[T]:
        return iter(self.rows)

    def __bool__(self) -> bool:
        return self.total > 0
