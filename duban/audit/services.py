"""The one way an audited record is written: who, why, and only over the version the user saw."""

from collections.abc import Iterable

from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from duban.audit import context
from duban.audit.models import Cause

# Services mark system-made writes with `with audit.cause(Cause.IMPORT, "…"):`.
cause = context.cause


class StaleEdit(Exception):
    """The record changed since the user loaded it; nothing was saved."""


class DomainError(Exception):
    """A business rule refused the change; the message says which, in words for the user."""


def save(
    obj: models.Model,
    *,
    by,
    fields: Iterable[str] | None = None,
    seen_version: int | None = None,
    cause: str = Cause.PERSON,
    reason: str = "",
) -> models.Model:
    """Save `obj` (new or changed) with its audit record, in the caller's transaction.

    With `seen_version`, the row is first claimed by a conditional UPDATE on that version, so two
    people saving the same version cannot both win (a conditional UPDATE, no lock); the loser gets `StaleEdit`.
    """
    # A person's write made through the JSON API is recorded as such (the API sets the cause).
    if cause == Cause.PERSON and context.current().cause == Cause.API:
        cause = Cause.API
    obj._history_user = by if getattr(by, "pk", None) else None
    obj._change_reason = reason[:100] if reason else None
    with transaction.atomic(), context.cause(cause, reason):
        if obj.pk is None:
            obj.save()
            return obj
        update_fields = list(fields) if fields is not None else None
        if hasattr(obj, "version"):
            _claim_version(obj, seen_version)
            if update_fields is not None:
                update_fields.append("version")
        obj.save(update_fields=update_fields)
    return obj


def _claim_version(obj: models.Model, seen_version: int | None) -> None:
    expected = obj.version if seen_version is None else seen_version
    claimed = type(obj).objects.filter(pk=obj.pk, version=expected).update(version=F("version") + 1)
    if claimed != 1:
        raise StaleEdit(_("此记录已被他人修改，请刷新页面后重试。"))
    obj.version = expected + 1
