"""The hash chain over the audit trail: append an entry, verify the whole chain, prune old ones.

Every history row django-simple-history writes gets an `AuditEntry` in the same transaction,
holding a digest of the row; sign-in events get one too. Each entry's hash covers its own
fields and the previous entry's hash. Editing a history row changes its digest; editing an
entry changes its hash; deleting either leaves a gap the next entry's `prev_hash` (or the chain
head) no longer matches. Writers take the one `ChainHead` row FOR UPDATE, so concurrent
transactions append one after the other instead of forking the chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from duban.audit.models import AuditEntry, ChainHead

GENESIS = "0" * 64
HEAD_ID = 1
# The fields an entry's hash covers, in this order.
# The id is left out: order is the chain's own (each entry names its predecessor's hash).
SEALED = (
    "at",
    "kind",
    "actor_id",
    "actor_name",
    "object_label",
    "object_id",
    "history_id",
    "action",
    "detail",
    "ip",
    "row_digest",
    "prev_hash",
)


def _plain(value):
    """A JSON value that reads the same from SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def _sha(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def row_digest(values: dict) -> str:
    return _sha({k: _plain(v) for k, v in values.items()})


def entry_hash(entry: AuditEntry) -> str:
    return _sha([_plain(getattr(entry, name)) for name in SEALED])


def _row_values(model, history_ids) -> dict[int, dict]:
    """History rows as the database holds them (not as the saving code last set them)."""
    rows = model._default_manager.filter(history_id__in=history_ids).values()
    return {row["history_id"]: row for row in rows}


def _lock_head() -> ChainHead:
    head = ChainHead.objects.select_for_update().filter(pk=HEAD_ID).first()
    if head is None:
        ChainHead.objects.get_or_create(pk=HEAD_ID, defaults={"hash": GENESIS})
        head = ChainHead.objects.select_for_update().get(pk=HEAD_ID)
    return head


def append(**fields) -> AuditEntry:
    """Seal one entry onto the chain, in the caller's transaction."""
    return append_many([fields])[-1]


# Without a savepoint of its own (two statements per audited write): an entry that fails to
# go on the chain must undo the caller's whole transaction anyway, never just itself.
@transaction.atomic(savepoint=False)
def append_many(batch: list[dict]) -> list[AuditEntry]:
    head = _lock_head()
    entries = []
    for fields in batch:
        entry = AuditEntry(at=fields.pop("at", None) or timezone.now(), **fields)
        entry.prev_hash = head.hash
        entry.hash = entry_hash(entry)
        entry.save(force_insert=True)
        head.hash, head.last_id = entry.hash, entry.pk
        entries.append(entry)
    head.save(update_fields=["hash", "last_id"])
    return entries


def history_fields(history_instance, values: dict | None = None) -> dict:
    model = type(history_instance)
    if values is None:
        values = _row_values(model, [history_instance.history_id])[history_instance.history_id]
    user_id = values.get("history_user_id")
    return {
        "at": values["history_date"],
        "kind": AuditEntry.Kind.CHANGE,
        "actor_id": user_id,
        "actor_name": _username(user_id, history_instance),
        "object_label": model._meta.label,
        "object_id": str(values.get(model.instance_type._meta.pk.attname, "")),
        "history_id": history_instance.history_id,
        "action": values.get("history_type", ""),
        "detail": (values.get("history_cause_detail") or "")[:255],
        "ip": values.get("history_ip"),
        "row_digest": row_digest(values),
    }


def _username(user_id, history_instance) -> str:
    if user_id is None:
        return ""
    # The saving code hands its user to the history row: its name then needs no query, which
    # every audited write used to pay.
    field = type(history_instance)._meta.get_field("history_user")
    if field.is_cached(history_instance):
        user = field.get_cached_value(history_instance)
        if user is not None and user.pk == user_id:
            return user.username
    from django.contrib.auth import get_user_model

    name = get_user_model().objects.filter(pk=user_id).values_list("username", flat=True).first()
    return name or ""


def append_history_rows(model, history_ids) -> None:
    """Chain history rows written in bulk (bulk_create_with_history sends no signal)."""
    rows = _row_values(model, list(history_ids))
    batch = []
    for history_id in sorted(rows):
        instance = model(history_id=history_id)
        batch.append(history_fields(instance, rows[history_id]))
    if batch:
        append_many(batch)


def unchained(model):
    """History rows of `model` that have no audit entry."""
    chained = AuditEntry.objects.filter(object_label=model._meta.label).values("history_id")
    return model._default_manager.exclude(history_id__in=chained)


def adopt(model) -> int:
    """Chain the history rows of `model` written in bulk (or before the chain existed)."""
    ids = list(unchained(model).values_list("history_id", flat=True))
    append_history_rows(model, ids)
    return len(ids)


@dataclass
class Broken:
    entry_id: int | None
    reason: str


def verify(*, chunk: int = 2000) -> tuple[int, Broken | None]:
    """Walk the chain; return how many entries hold, and the first broken one if any."""
    prev, start = _anchor()
    checked = 0
    last_id = start
    while True:
        entries = list(AuditEntry.objects.filter(id__gt=last_id).order_by("id")[:chunk])
        if not entries:
            break
        broken = _check_chunk(entries, prev)
        if broken:
            return checked + broken[0], broken[1]
        checked += len(entries)
        prev, last_id = entries[-1].hash, entries[-1].id
    head = ChainHead.objects.filter(pk=HEAD_ID).first()
    if head and head.hash != prev:
        return checked, Broken(head.last_id, "entries after this one were deleted")
    return checked, _unchained_rows()


def _anchor() -> tuple[str, int]:
    """Where the chain starts: the genesis, or the hash a prune left after removing entries."""
    first = AuditEntry.objects.order_by("id").first()
    if first is None or first.prev_hash == GENESIS:
        return GENESIS, 0
    pruned = AuditEntry.objects.filter(kind=AuditEntry.Kind.PRUNED, id__gte=first.id)
    if pruned.filter(detail__endswith=f"last hash {first.prev_hash}").exists():
        return first.prev_hash, first.id - 1
    return GENESIS, 0


def _check_chunk(entries: list[AuditEntry], prev: str) -> tuple[int, Broken] | None:
    rows = _history_rows(entries)
    for i, entry in enumerate(entries):
        reason = _entry_fault(entry, prev, rows)
        if reason:
            return i, Broken(entry.id, reason)
        prev = entry.hash
    return None


def _entry_fault(entry: AuditEntry, prev: str, rows: dict) -> str:
    if entry.prev_hash != prev:
        return "previous entry missing or changed"
    if entry_hash(entry) != entry.hash:
        return "entry changed"
    if entry.kind == AuditEntry.Kind.CHANGE:
        row = rows.get((entry.object_label, entry.history_id))
        if row is None:
            return f"history row {entry.object_label} #{entry.history_id} deleted"
        if row_digest(row) != entry.row_digest:
            return f"history row {entry.object_label} #{entry.history_id} changed"
    return ""


def _history_rows(entries: list[AuditEntry]) -> dict:
    wanted: dict[str, list[int]] = {}
    for entry in entries:
        if entry.kind == AuditEntry.Kind.CHANGE:
            wanted.setdefault(entry.object_label, []).append(entry.history_id)
    rows = {}
    for label, ids in wanted.items():
        for history_id, row in _row_values(apps.get_model(label), ids).items():
            rows[(label, history_id)] = row
    return rows


def historical_models() -> list:
    return [m for m in apps.get_models() if getattr(m, "instance_type", None) is not None]


def _unchained_rows() -> Broken | None:
    """A history row with no entry was written around Duban (or forged): name it."""
    floor = _prune_floor()
    for model in historical_models():
        stray = unchained(model).filter(history_date__gte=floor)
        first = stray.order_by("history_id").values_list("history_id", flat=True).first()
        if first is not None:
            return Broken(None, f"history row {model._meta.label} #{first} has no audit entry")
    return None


def _prune_floor() -> datetime:
    first = AuditEntry.objects.order_by("id").values_list("at", flat=True).first()
    return first or datetime(1970, 1, 1, tzinfo=UTC)


@transaction.atomic
def prune(*, keep_days: int, by=None) -> int:
    """Remove entries older than `keep_days`, and leave an entry saying up to where, with which
    hash, so the shortened chain still verifies from its new first entry."""
    cutoff = timezone.now() - timedelta(days=keep_days)
    _lock_head()
    # Only a prefix of the chain can go: up to the first entry still inside the period.
    kept = AuditEntry.objects.filter(at__gte=cutoff).order_by("id").values_list("id", flat=True)
    old = AuditEntry.objects.filter(id__lt=kept.first()) if kept.exists() else AuditEntry.objects
    last = old.order_by("-id").first()
    if last is None:
        return 0
    count = old.count()
    AuditEntry.objects.filter(id__lte=last.id)._prune()
    append(
        kind=AuditEntry.Kind.PRUNED,
        actor_id=getattr(by, "pk", None),
        actor_name=getattr(by, "username", ""),
        object_id=str(last.id),
        detail=f"{count} entries before {cutoff.date().isoformat()} removed; last hash {last.hash}",
    )
    return count
