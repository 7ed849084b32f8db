"""The audit chain holds over the demo, and any row changed or removed behind Duban's back is
named by `duban audit verify`."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection

from duban.audit import chain
from duban.audit.models import AuditEntry
from duban.plans.models import Task


def _verify():
    return chain.verify()


def _sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_the_demo_chain_verifies(db, coordinator, capsys):
    checked, broken = _verify()
    assert broken is None
    assert checked == AuditEntry.objects.count() > 400
    call_command("audit", "verify")
    assert "audit chain ok" in capsys.readouterr().out


def test_every_history_row_has_its_entry(db, coordinator):
    for model in chain.historical_models():
        assert not chain.unchained(model).exists(), model._meta.label


def test_a_history_row_edited_in_the_database_is_named(db, coordinator):
    row = Task.history.order_by("history_id")[3]
    table = Task.history.model._meta.db_table
    _sql(f"UPDATE {table} SET title = %s WHERE history_id = %s", "改过的标题", row.history_id)
    entry = AuditEntry.objects.get(object_label="plans.HistoricalTask", history_id=row.history_id)
    _checked, broken = _verify()
    assert broken.entry_id == entry.pk
    assert "changed" in broken.reason
    with pytest.raises(CommandError, match=f"entry #{entry.pk}"):
        call_command("audit", "verify")


def test_a_history_row_deleted_in_the_database_is_named(db, coordinator):
    row = Task.history.order_by("history_id")[5]
    _sql(f"DELETE FROM {Task.history.model._meta.db_table} WHERE history_id = %s", row.history_id)
    _checked, broken = _verify()
    assert (
        broken.entry_id
        == AuditEntry.objects.get(history_id=row.history_id, object_label="plans.HistoricalTask").pk
    )
    assert "deleted" in broken.reason


def test_an_entry_deleted_or_edited_breaks_the_chain_at_the_next(db, coordinator):
    ids = list(AuditEntry.objects.order_by("id").values_list("id", flat=True)[:12])
    _sql("DELETE FROM audit_auditentry WHERE id = %s", ids[5])
    assert _verify()[1].entry_id == ids[6]
    _sql("UPDATE audit_auditentry SET detail = %s WHERE id = %s", "x", ids[2])
    assert _verify()[1].entry_id == ids[2]


def test_the_last_entry_deleted_is_noticed(db, coordinator):
    last = AuditEntry.objects.order_by("-id").first()
    _sql("DELETE FROM audit_auditentry WHERE id = %s", last.pk)
    _checked, broken = _verify()
    assert broken is not None and "deleted" in broken.reason


def test_a_history_row_inserted_around_duban_is_named(db, coordinator):
    row = Task.history.order_by("history_id").values().first()
    row = {k: v for k, v in row.items() if k != "history_id"}
    Task.history.model.objects.bulk_create([Task.history.model(**row)])
    _checked, broken = _verify()
    assert broken is not None and "has no audit entry" in broken.reason


def test_duban_offers_no_way_to_change_or_delete_an_entry(db, coordinator):
    entry = AuditEntry.objects.first()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_pruning_past_retention_leaves_a_chain_that_still_verifies(db, coordinator):
    before = AuditEntry.objects.count()
    with time_machine.travel(timedelta(days=400)):
        removed = chain.prune(keep_days=365)
    assert 0 < removed <= before
    assert AuditEntry.objects.filter(kind=AuditEntry.Kind.PRUNED).count() == 1
    assert _verify()[1] is None


def test_pruning_below_180_days_is_refused(db):
    with pytest.raises(CommandError, match="180"):
        call_command("audit", "prune", "--days", "30")
