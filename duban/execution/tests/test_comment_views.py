"""The 批示 page: leaders write; the task's units see it; nobody else writes."""

import pytest
from django.urls import reverse

from duban.execution.models import LeaderComment


@pytest.mark.django_db
def test_a_leader_comments_and_the_units_concerned_see_it(
    client, finance_task, leader, caizheng, fagai, lanzhou
):
    client.force_login(leader)
    url = reverse("execution:comment-add", args=[finance_task.pk])
    assert "发送批示" in client.get(url).content.decode()

    client.post(url, {"text": "预算改革要抓紧，年底前见成效。"})

    assert LeaderComment.objects.get(task=finance_task).author == leader
    for persona in (caizheng, fagai):  # the lead and the co unit
        client.force_login(persona)
        assert "年底前见成效" in client.get(reverse("execution:workspace")).content.decode()
    client.force_login(lanzhou)
    assert "年底前见成效" not in client.get(reverse("execution:workspace")).content.decode()


@pytest.mark.django_db
def test_an_empty_comment_stays_on_the_form(client, finance_task, leader):
    client.force_login(leader)

    response = client.post(reverse("execution:comment-add", args=[finance_task.pk]), {"text": ""})

    assert response.status_code == 200
    assert not LeaderComment.objects.filter(task=finance_task).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status"),
    [("coordinator", 403), ("caizheng", 403), ("viewer", 403), ("lanzhou", 403)],
)
def test_no_one_but_a_leader_reaches_the_comment_form(
    client, demo_accounts, finance_task, persona, status
):
    client.force_login(demo_accounts[persona])
    url = reverse("execution:comment-add", args=[finance_task.pk])

    assert client.get(url).status_code == status
    assert client.post(url, {"text": "批示"}).status_code == status
    assert not LeaderComment.objects.filter(task=finance_task).exists()
