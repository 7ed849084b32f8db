import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from duban.directory.models import Unit
from duban.directory.permissions import access_unit, access_user


def test_everyone_reads_every_unit(caizheng, lanzhou):
    finance = Unit.objects.get(name="甘肃省财政厅")
    assert access_unit(lanzhou, finance.pk) == finance


def test_only_admin_and_coordinator_change_units(caizheng, coordinator, admin_user):
    finance = Unit.objects.get(name="甘肃省财政厅")
    assert access_unit(admin_user, finance.pk, write=True) == finance
    assert access_unit(coordinator, finance.pk, write=True) == finance
    with pytest.raises(PermissionDenied):
        access_unit(caizheng, finance.pk, write=True)


def test_a_user_reads_only_their_own_account(caizheng, viewer, admin_user):
    assert access_user(caizheng, caizheng.pk) == caizheng
    with pytest.raises(Http404):
        access_user(caizheng, viewer.pk)
    with pytest.raises(Http404):
        access_user(caizheng, caizheng.pk, write=True)
    assert access_user(admin_user, viewer.pk, write=True) == viewer
