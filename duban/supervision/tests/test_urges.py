"""催办 notices: sent by the reform office, delivered in-app and by e-mail, acknowledged once."""

import pytest
from django.core import mail

from duban.audit import services as audit
from duban.notifications.models import Notification
from duban.notifications.tests.conftest import run_queued_tasks
from duban.supervision.models import EscalationStep, Judgement, Step
from duban.supervision.services import judgement_record, urge_acknowledge, urge_send


@pytest.fixture
def addressed(caizheng):
    caizheng.email = "caizheng@example.gov.cn"
    caizheng.save(update_fields=["email"])
    return caizheng


def test_a_notice_reaches_the_unit_in_app_and_by_email(
    coordinator, addressed, finance_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        urge = urge_send(
            unit=addressed.unit, task=finance_task, message="请加快推进。", by=coordinator
        )
    inbox = Notification.objects.get(user=addressed, kind="urge.urge")
    assert inbox.title == "催办通知（1.1.1 深化预算管理制度改革）"
    assert inbox.link == f"/supervision/urges/{urge.pk}/"
    run_queued_tasks()
    # Everyone of the unit with an address gets it: the editor and the demo's viewer.
    by_address = {tuple(m.to): m for m in mail.outbox}
    assert set(by_address) == {("caizheng@example.gov.cn",), ("viewer@duban.example",)}
    message = by_address[("caizheng@example.gov.cn",)]
    assert "请加快推进。" in message.body
    assert f"http://127.0.0.1:8000/supervision/urges/{urge.pk}/" in message.body
    assert EscalationStep.objects.get(urge=urge).step == Step.URGE


def test_the_acknowledgement_is_recorded_and_the_sender_told(coordinator, caizheng):
    urge = urge_send(unit=caizheng.unit, message="请报送8月进展。", by=coordinator)
    urge_acknowledge(urge=urge, note="已报送。", by=caizheng, seen_version=urge.version)
    urge.refresh_from_db()
    assert urge.acknowledged_by == caizheng
    assert urge.ack_note == "已报送。"
    assert urge.history.count() == 2
    assert Notification.objects.filter(user=coordinator, kind="urge.acknowledged").exists()


def test_a_notice_is_acknowledged_only_once(coordinator, caizheng):
    urge = urge_send(unit=caizheng.unit, message="请报送。", by=coordinator)
    urge_acknowledge(urge=urge, note="", by=caizheng, seen_version=urge.version)
    with pytest.raises(audit.DomainError):
        urge_acknowledge(urge=urge, note="", by=caizheng, seen_version=urge.version)


def test_a_stale_acknowledgement_is_refused(coordinator, caizheng):
    urge = urge_send(unit=caizheng.unit, message="请报送。", by=coordinator)
    with pytest.raises(audit.StaleEdit):
        urge_acknowledge(urge=urge, note="", by=caizheng, seen_version=urge.version - 1)


def test_an_empty_notice_and_a_hand_made_reminder_are_refused(coordinator, caizheng):
    with pytest.raises(audit.DomainError):
        urge_send(unit=caizheng.unit, message="  ", by=coordinator)
    with pytest.raises(audit.DomainError):
        urge_send(unit=caizheng.unit, message="请报送。", by=coordinator, step=Step.REMINDER)


def test_a_formal_warning_is_a_rung_of_its_own(coordinator, caizheng):
    urge = urge_send(unit=caizheng.unit, message="逾期未报。", by=coordinator, step=Step.WARNING)
    assert EscalationStep.objects.get(urge=urge).step == Step.WARNING
    assert Notification.objects.filter(user=caizheng, title="书面预警").exists()


def test_a_judgement_needs_a_reason_and_the_latest_counts(coordinator, finance_task):
    with pytest.raises(audit.DomainError):
        judgement_record(task=finance_task, level=2, reason="", by=coordinator)
    judgement_record(task=finance_task, level=4, reason="进展顺利", by=coordinator)
    judgement_record(task=finance_task, level=2, reason="条例审议推迟", by=coordinator)
    assert Judgement.objects.filter(task=finance_task).first().level == 2


def test_a_task_is_urged_only_on_a_unit_assigned_to_it(coordinator, finance_task, lanzhou_unit):
    with pytest.raises(audit.DomainError, match="未承担"):
        urge_send(unit=lanzhou_unit, task=finance_task, message="请加快。", by=coordinator)


def test_only_the_urged_units_people_acknowledge(coordinator, caizheng, lanzhou):
    urge = urge_send(unit=caizheng.unit, message="请报送。", by=coordinator)
    with pytest.raises(audit.DomainError, match="被督办单位"):
        urge_acknowledge(urge=urge, note="", by=lanzhou, seen_version=urge.version)
