"""What the audit record needs but the model being saved does not know: where from, and why.

Services set the cause for the writes they make; the middleware sets the request's address.
Context variables keep concurrent requests (and worker tasks) from seeing each other's values.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from duban.audit.models import Cause


@dataclass(frozen=True)
class AuditContext:
    cause: str = Cause.PERSON
    detail: str = ""
    ip: str | None = None


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
    token = _current.set(AuditContext(cause=kind, detail=detail[:255], ip=current().ip))
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
