"""IT staff read the supervision and delivery records in the admin, and change none of them."""

import pytest
from django.urls import reverse

PAGES = [
    "admin:supervision_reminder_changelist",
    "admin:supervision_urge_changelist",
    "admin:supervision_escalationstep_changelist",
    "admin:supervision_judgement_changelist",
    "admin:notifications_notification_changelist",
    "admin:notifications_deliveryattempt_changelist",
    "admin:notifications_unitwebhook_changelist",
]


@pytest.mark.parametrize("url_name", PAGES)
def test_the_admin_reads_the_records(client, admin_user, url_name):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save(update_fields=["is_staff", "is_superuser"])
    client.force_login(admin_user)
    assert client.get(reverse(url_name)).status_code == 200
    add = url_name.replace("_changelist", "_add")
    assert client.get(reverse(add)).status_code == 403
