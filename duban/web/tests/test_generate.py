"""`duban demo generate`: the same seed gives the same rows, and the pages open on them."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from duban.directory.models import User
from duban.execution.selectors.queue import current_plan
from duban.plans.models import Plan
from duban.web.generate import generate, summary


class Rollback(Exception):
    pass


def _generated(seed: int) -> tuple[dict, dict]:
    """The rows written and the summary of a tiny generation, undone afterwards."""
    try:
        with transaction.atomic():
            written = generate(scale="tiny", seed=seed)
            result = summary()
            raise Rollback
    except Rollback:
        pass
    return written, result


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    written, first = _generated(7)
    _, again = _generated(7)
    _, other = _generated(8)
    assert first == again
    assert written["plans.Plan"] == 5  # Gansu, 2 of its cities, 2 counties
    assert written["execution.ProgressReport"] > written["plans.Assignment"] > 0
    assert other["plans.Task"]["sha256"] != first["plans.Task"]["sha256"]


# Every page a persona works on, on generated data: (persona, page name, args, query).
PAGES = [
    ("coordinator", "web:home", [], ""),
    ("leader", "web:home", [], ""),
    ("fagai", "web:home", [], ""),
    ("caizheng", "web:home", [], ""),
    ("lanzhou", "web:home", [], ""),
    ("viewer", "web:home", [], ""),
    ("coordinator", "plans:plan-detail", ["plan"], ""),
    ("coordinator", "plans:plan-list", [], ""),
    ("fagai", "plans:unit-tasks", ["plan"], ""),
    ("fagai", "execution:workspace", [], ""),
    ("coordinator", "execution:queue", [], "?plan={plan}"),
    ("coordinator", "execution:progress-plan", ["plan"], ""),
    ("coordinator", "supervision:dashboard", [], "?plan={plan}"),
    ("coordinator", "assessment:plan", ["plan"], ""),
]


@pytest.mark.django_db
def test_the_pages_open_on_generated_data():
    call_command("demo", "generate", "--scale", "tiny", "--seed", "3", verbosity=0)
    plan = current_plan()
    assert plan.title.endswith("（生成数据）") and plan.status == Plan.Status.PUBLISHED
    for persona, name, args, query in PAGES:
        client = Client()
        client.force_login(User.objects.get(username=persona))
        url = reverse(name, args=[plan.pk for _ in args]) + query.format(plan=plan.pk)
        response = client.get(url)
        assert response.status_code == 200, (persona, url)
    api = Client()
    api.force_login(User.objects.get(username="coordinator"))
    for url in [
        "/api/v1/plans",
        f"/api/v1/tasks?plan={plan.pk}",
        f"/api/v1/reports?plan={plan.pk}",
    ]:
        response = api.get(url)
        assert response.status_code == 200, url
        assert response.json()["results"], url
