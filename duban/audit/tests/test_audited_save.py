import pytest

from duban.audit import services as audit
from duban.audit.models import Cause
from duban.directory.models import Unit
from duban.directory.services import unit_add_alias, unit_update


@pytest.fixture
def finance(db, demo_accounts) -> Unit:
    return Unit.objects.get(name="甘肃省财政厅")


def test_an_edit_records_who_why_and_before_after(finance, admin_user):
    seen = finance.version
    unit_update(unit=finance, by=admin_user, seen_version=seen, short_name="省财政厅（改）")
    latest, previous = finance.history.all()[:2]
    assert latest.history_user == admin_user
    assert latest.history_cause == Cause.PERSON
    delta = latest.diff_against(previous)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "short_name"] == [
        ("short_name", "省财政厅", "省财政厅（改）")
    ]
    assert finance.version == seen + 1


def test_a_stale_version_is_refused_and_nothing_is_saved(finance, admin_user, coordinator):
    seen = finance.version
    unit_update(unit=finance, by=admin_user, seen_version=seen, short_name="甲")
    stale_copy = Unit.objects.get(pk=finance.pk)
    with pytest.raises(audit.StaleEdit):
        unit_update(unit=stale_copy, by=coordinator, seen_version=seen, short_name="乙")
    assert Unit.objects.get(pk=finance.pk).short_name == "甲"
    assert finance.history.filter(short_name="乙").count() == 0


def test_a_system_made_change_is_marked_with_its_cause(finance, coordinator):
    alias = unit_add_alias(unit=finance, name="财政厅（甘肃）", by=coordinator, cause=Cause.IMPORT)
    record = alias.history.get()
    assert record.history_cause == Cause.IMPORT
    assert record.history_user == coordinator


def test_an_alias_belongs_to_one_unit_only(finance, coordinator):
    other = Unit.objects.get(name="甘肃省发展和改革委员会")
    with pytest.raises(audit.DomainError, match="省发改委"):
        unit_add_alias(unit=finance, name="省发改委", by=coordinator)
    assert other.aliases.filter(name="省发改委").exists()
    with pytest.raises(audit.DomainError, match="甘肃省发展和改革委员会"):
        unit_add_alias(unit=finance, name="甘肃省发展改革委员会", by=coordinator)


def test_the_chain_names_the_actor_it_was_handed_without_looking_the_name_up(finance, admin_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from duban.audit.models import AuditEntry

    with CaptureQueriesContext(connection) as captured:
        unit_update(unit=finance, by=admin_user, seen_version=finance.version, short_name="甲")
    entry = AuditEntry.objects.order_by("-id").first()
    assert (entry.actor_id, entry.actor_name) == (admin_user.pk, admin_user.username)
    assert not [q for q in captured if 'FROM "directory_user"' in q["sql"]]
