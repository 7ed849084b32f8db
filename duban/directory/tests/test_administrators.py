"""三员分立: roles are the security administrator's, with a reason; the audit trail is the
audit administrator's alone, who reaches nothing else."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from duban.audit import services as audit
from duban.audit.models import AuditEntry
from duban.directory.models import User
from duban.directory.services import user_role_set


def test_the_security_administrator_changes_a_role_with_a_reason(viewer, security_admin):
    user_role_set(
        target=viewer,
        role="editor",
        reason="岗位调整",
        by=security_admin,
        seen_version=viewer.version,
    )
    assert User.objects.get(pk=viewer.pk).role == "editor"
    assert viewer.history.first().history_change_reason == "岗位调整"
    entry = AuditEntry.objects.get(kind=AuditEntry.Kind.ROLE_CHANGED)
    assert entry.detail == "viewer → editor: 岗位调整" and entry.actor_name == "security"


@pytest.mark.parametrize("by", ["admin", "coordinator", "auditor"])
def test_nobody_else_changes_roles(demo_accounts, by):
    viewer = demo_accounts["viewer"]
    with pytest.raises(PermissionDenied):
        user_role_set(
            target=viewer,
            role="editor",
            reason="x",
            by=demo_accounts[by],
            seen_version=viewer.version,
        )


def test_a_role_change_needs_a_reason_and_never_ones_own(viewer, security_admin):
    with pytest.raises(audit.DomainError):
        user_role_set(
            target=viewer, role="editor", reason=" ", by=security_admin, seen_version=viewer.version
        )
    with pytest.raises(PermissionDenied):
        user_role_set(
            target=security_admin,
            role="admin",
            reason="x",
            by=security_admin,
            seen_version=security_admin.version,
        )


def test_the_role_page_changes_a_role(client, viewer, security_admin):
    client.force_login(security_admin)
    assert client.get(reverse("directory:accounts")).status_code == 200
    url = reverse("directory:role-set", args=[viewer.pk])
    data = {"role": "editor", "reason": "岗位调整", "version": viewer.version}
    assert client.post(url, data).status_code == 302
    assert User.objects.get(pk=viewer.pk).role == "editor"


@pytest.mark.parametrize("who", ["admin", "coordinator", "auditor", "viewer"])
def test_the_role_pages_are_refused_to_others(client, demo_accounts, who):
    viewer = demo_accounts["viewer"]
    client.force_login(demo_accounts[who])
    assert client.get(reverse("directory:accounts")).status_code == 403
    data = {"role": "leader", "reason": "x", "version": viewer.version}
    response = client.post(reverse("directory:role-set", args=[viewer.pk]), data)
    assert response.status_code in (403, 404)
    assert User.objects.get(pk=viewer.pk).role == "viewer"


def test_the_auditor_searches_by_person_object_and_date(client, auditor, caizheng):
    client.force_login(caizheng)
    client.force_login(auditor)
    response = client.get(reverse("audit:search"), {"person": "caizheng", "kind": "login"})
    assert response.status_code == 200 and "caizheng" in response.content.decode()
    response = client.get(reverse("audit:search"), {"object": "plans.HistoricalTask#1"})
    assert "plans.HistoricalTask#1" in response.content.decode()
    response = client.get(reverse("audit:search"), {"since": "2000-01-01", "until": "2000-01-02"})
    assert "没有符合条件的记录" in response.content.decode()
    response = client.get(reverse("audit:search"), {"since": "2012-02-01", "until": "2012-01-01"})
    assert response.status_code == 422


def test_the_auditor_exports_what_was_found(client, auditor, caizheng):
    client.force_login(caizheng)
    client.force_login(auditor)
    response = client.get(reverse("audit:export"), {"person": "caizheng"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "编号" and len(rows) >= 2
    assert {row[3] for row in rows[1:]} == {"caizheng"}


@pytest.mark.parametrize("who", ["admin", "security", "coordinator", "leader", "fagai"])
def test_the_audit_trail_is_refused_to_everyone_else(client, demo_accounts, who):
    client.force_login(demo_accounts[who])
    assert client.get(reverse("audit:search")).status_code == 403
    assert client.get(reverse("audit:export")).status_code == 403


@pytest.mark.parametrize("who", ["auditor", "security"])
def test_the_administrators_reach_nothing_else(client, demo_accounts, who):
    client.force_login(demo_accounts[who])
    for url in ("/plans/", "/work/reports/", "/admin/", "/notifications/", "/api/v1/docs"):
        assert client.get(url).status_code == 403, url
    home = client.get(reverse("web:home"))
    assert home.status_code == 302
    assert client.get(home["Location"]).status_code == 200


def test_the_superuser_cannot_change_a_role_in_the_admin(client, admin_user, viewer):
    client.force_login(admin_user)
    url = reverse("admin:directory_user_change", args=[viewer.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "role" not in form.fields and "is_superuser" not in form.fields


def test_the_admin_offers_no_audit_tables(client, admin_user):
    client.force_login(admin_user)
    for path in ("/admin/audit/auditentry/", "/admin/plans/historicaltask/"):
        assert client.get(path).status_code == 404
