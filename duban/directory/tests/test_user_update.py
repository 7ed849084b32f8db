import pytest

from duban.audit import services as audit
from duban.directory.models import Unit, User
from duban.directory.services import user_update


def test_moving_a_user_to_another_unit_is_audited(viewer, admin_user):
    target = Unit.objects.get(name="兰州市人民政府")
    user_update(target=viewer, by=admin_user, seen_version=viewer.version, unit=target)
    record = viewer.history.first()
    assert record.history_user == admin_user
    assert record.unit_id == target.pk
    assert User.objects.get(pk=viewer.pk).unit == target


def test_two_admins_editing_the_same_account_the_second_is_refused(viewer, admin_user):
    copy = User.objects.get(pk=viewer.pk)
    user_update(target=viewer, by=admin_user, seen_version=viewer.version, first_name="甲")
    with pytest.raises(audit.StaleEdit):
        user_update(target=copy, by=admin_user, seen_version=copy.version, first_name="乙")
    assert User.objects.get(pk=viewer.pk).first_name == "甲"


def test_a_name_reads_family_name_first(coordinator):
    assert coordinator.display_name == "王体改处"
