"""The plan pages in English: plan list, task tree, task, per-unit view, cited documents,
targets and the city matrix.

Plan and task titles, unit names and document numbers are data; the checks cover the page's
own words: navigation, tabs and table headers, and an English heading on each page.
"""

import pytest
from django.urls import reverse

from duban.directory.models import Region, Unit
from duban.plans.models import Plan
from duban.web.tests.english import CJK, read_in_english, texts


@pytest.fixture
def plan(db) -> Plan:
    return Plan.objects.filter(status=Plan.Status.PUBLISHED).latest("year")


@pytest.mark.django_db
def test_the_plan_list_and_import_pages_read_in_english(client, coordinator):
    read_in_english(client, coordinator)

    plans = client.get(reverse("plans:plan-list")).content.decode()
    upload = client.get(reverse("plans:plan-import")).content.decode()

    assert "Import the annual reform document" in texts(upload, "h1")
    assert "Upload and parse" in upload
    for page in (plans, upload):
        assert not CJK.search(" ".join(texts(page, "nav") + texts(page, "th")))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "english"),
    [
        ("plans:plan-detail", "Task breakdown"),
        ("plans:unit-tasks", "By unit"),
        ("plans:cited-documents", "Cited document"),
        ("plans:targets", "Quantitative target"),
        ("plans:city-matrix", "Broken down by city"),
    ],
)
def test_each_plan_page_reads_in_english(client, coordinator, plan, url_name, english):
    read_in_english(client, coordinator)
    unit_names = {
        *Unit.objects.values_list("short_name", flat=True),
        *Region.objects.values_list("name", flat=True),
    }

    page = client.get(reverse(url_name, args=[plan.pk])).content.decode()

    assert english in page
    # The city matrix heads its columns with the cities' names: data, not words of the page.
    headers = [text for text in texts(page, "th") if text not in unit_names]
    assert not CJK.search(" ".join(texts(page, "nav") + headers))


@pytest.mark.django_db
def test_a_task_page_reads_in_english(client, caizheng, plan):
    task = plan.tasks.filter(assignments__unit=caizheng.unit).order_by("pk").first()
    read_in_english(client, caizheng)

    page = client.get(reverse("plans:task-detail", args=[task.pk])).content.decode()

    assert "Lead unit" in page and "Change history" in page
    assert not CJK.search(" ".join(texts(page, "nav") + texts(page, "th") + texts(page, "dt")))
