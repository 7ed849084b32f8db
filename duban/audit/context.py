"""What the audit record needs but the model being saved does not know: where from, and why.

Services set the cause for the writes they make; the middleware sets the request's address.
Context variables keep concurrent requests (and worker tasks) from seeing each other's values.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime

from duban.audit.models import Cause


@dataclass(frozen=True)
class AuditContext:
    cause: str = Cause.PERSON
    detail: str = ""
    ip: str | None = None
    # Set only by the demo, which writes a year's history as of the dates it happened.
    at: datetime | None = None


# AuditContext is frozen, so sharing the default instance is safe.
_current: ContextVar[AuditContext] = ContextVar(
    "duban_audit",
    default=AuditContext(),  # noqa: B039
)


def current() -> AuditContext:
    return _current.get()


@contextmanager
def cause(kind: str, detail: str = "") -> Iterator[None]:
    """Mark every write in this block as made for `kind` (an import, a cascade, a rule…)."""
    token = _current.set(replace(current(), cause=kind, detail=detail[:255]))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def request_address(ip: str | None) -> Iterator[None]:
    token = _current.set(AuditContext(ip=ip))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def dated(at: datetime) -> Iterator[None]:
    """Stamp the history rows written in this block with `at` instead of now (demo data only)."""
    token = _current.set(replace(current(), at=at))
    try:
        yield
    finally:
        _current.reset(token)
