"""The auditor's search over the audit chain: by person, by object, by date, by kind."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from duban.audit.models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    person: str = ""
    object: str = ""
    kind: str = ""
    since: date | None = None
    until: date | None = None


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_search(f: AuditFilter) -> QuerySet[AuditEntry]:
    """Newest first. `object` is a model label (`plans.HistoricalTask`), a record id, or both
    as `label#id`; `person` an account name, as it was when the entry was written."""
    entries = AuditEntry.objects.order_by("-id")
    if f.person:
        entries = entries.filter(actor_name__iexact=f.person.strip())
    if f.object:
        entries = entries.filter(_object_q(f.object.strip()))
    if f.kind:
        entries = entries.filter(kind=f.kind)
    if f.since:
        entries = entries.filter(at__gte=_start_of(f.since))
    if f.until:
        entries = entries.filter(at__lt=_start_of(f.until + timedelta(days=1)))
    return entries


def _object_q(text: str) -> Q:
    label, _sep, object_id = text.partition("#")
    if not _sep:
        return Q(object_label__icontains=text) | Q(object_id=text)
    return Q(object_label__icontains=label, object_id=object_id)
