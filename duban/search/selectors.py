"""Search: each registered kind's rows that contain every word, that the user may read.

Matching is `icontains` on the kind's fields — a substring match, so that Chinese, which has no
spaces between words, is found by any two characters of it (see README.md for why, and for the
trigram indexes that keep it fast on PostgreSQL). Whether a row is shown is the owning app's
`access_*` function's answer, row by row: search never shows what the row's page would refuse.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q
from django.utils.safestring import SafeString

from duban.directory.models import User
from duban.lib import searchable
from duban.search import words as w

# Rows shown per kind, and rows looked at per kind to find them (each is checked one by one).
PER_KIND = 20
LOOKED_AT = 200


@dataclass(frozen=True)
class Hit:
    title: SafeString
    detail: SafeString
    link: str | None


@dataclass
class Group:
    name: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    more: bool = False


def matching(kind: searchable.Kind, words: list[str]) -> Q:
    """Every word in at least one of the kind's fields."""
    return reduce(
        and_, (reduce(or_, (Q(**{f"{f}__icontains": word}) for f in kind.fields)) for word in words)
    )


def search(user: User, query: str) -> list[Group]:
    """The groups (one per kind, in registry order) that found something for `query`."""
    words = w.terms(query)
    if len("".join(words)) < w.MIN_QUERY_LENGTH:
        return []
    groups = []
    for kind in searchable.kinds():
        group = _search_kind(user, kind, words)
        if group.hits:
            groups.append(group)
    return groups


def _search_kind(user: User, kind: searchable.Kind, words: list[str]) -> Group:
    group = Group(name=kind.name, label=str(kind.label))
    rows = kind.narrow(user, kind.rows().filter(matching(kind, words)))
    for row in rows[:LOOKED_AT]:
        if not kind.readable(user, row):
            continue
        if len(group.hits) == PER_KIND:
            group.more = True
            break
        detail = w.excerpt(kind.detail(row), words)
        group.hits.append(
            Hit(
                title=w.marked(kind.title(row), words),
                detail=w.marked(detail, words),
                link=kind.link(row),
            )
        )
    return group
