"""Search by words: what each persona finds, grouped by kind, and never another unit's report."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse
from django.utils.html import strip_tags

from duban.execution.services.evidence import evidence_attach
from duban.execution.services.reports import ReportContent, progress_report_save
from duban.plans.models import Assignment, Task
from duban.search import words
from duban.search.indexes import trigram_indexes
from duban.search.selectors import search

SECRET = "盐碱地综合治理试点"


def _kinds(user, query) -> dict[str, list[str]]:
    return {
        group.name: [strip_tags(hit.title) for hit in group.hits] for group in search(user, query)
    }


@pytest.fixture
def finance_lead_task(caizheng, lanzhou) -> Task:
    """A task 省财政厅 leads and 兰州市 has no share in."""
    return (
        Task.objects.active()
        .filter(assignments__unit=caizheng.unit, assignments__role=Assignment.Role.LEAD)
        .exclude(assignments__unit=lanzhou.unit)
        .filter(plan__status="published")
        .order_by("path")
        .first()
    )


@pytest.fixture
def finance_report(finance_lead_task, caizheng):
    content = ReportContent(
        status="on_track", percent=None, work_done=f"本月推进{SECRET}，完成方案论证。"
    )
    return progress_report_save(
        task=finance_lead_task,
        unit=caizheng.unit,
        period_start=date(2012, 9, 1),
        content=content,
        submit=True,
        by=caizheng,
    )


def test_two_characters_find_tasks_and_units(coordinator):
    found = _kinds(coordinator, "财政")
    assert "甘肃省财政厅" in found["unit"]
    assert found["task"], "the 2012 plan has tasks about 财政"
    assert all("财政" in title for title in found["unit"])


def test_every_word_must_occur(coordinator):
    both = _kinds(coordinator, "财政 省")
    assert "甘肃省财政厅" in both["unit"]
    assert "unit" not in _kinds(coordinator, "财政 不存在的词")


def test_a_unit_never_finds_another_units_report(
    finance_report, caizheng, viewer, lanzhou, coordinator, leader
):
    for reader in (caizheng, viewer, coordinator, leader):
        assert len(_kinds(reader, SECRET).get("report", [])) == 1, reader.username
    assert "report" not in _kinds(lanzhou, SECRET)


def test_a_unit_never_finds_another_units_file(finance_report, caizheng, lanzhou):
    evidence_attach(report=finance_report, name=f"{SECRET}照片.png", content=PNG, by=caizheng)
    assert _kinds(caizheng, SECRET)["evidence"] == [f"{SECRET}照片.png"]
    assert "evidence" not in _kinds(lanzhou, SECRET)


def test_results_page_groups_and_marks(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("search:results"), {"q": "财政"}).content.decode()
    assert 'data-kind="task"' in page and 'data-kind="unit"' in page
    assert "<mark>财政</mark>" in page


def test_one_character_is_too_short(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("search:results"), {"q": "改"}).content.decode()
    assert 'data-search="too-short"' in page and "data-kind" not in page


def test_header_has_the_box_but_not_for_confined_administrators(client, viewer, security_admin):
    client.force_login(viewer)
    assert 'class="search-box"' in client.get(reverse("web:home")).content.decode()
    client.force_login(security_admin)
    assert 'class="search-box"' not in client.get(reverse("directory:accounts")).content.decode()
    assert client.get(reverse("search:results"), {"q": "财政"}).status_code == 403


def test_marks_are_escaped():
    assert words.marked("<b>财政</b>", ["财政"]) == "&lt;b&gt;<mark>财政</mark>&lt;/b&gt;"
    assert words.marked("Fiscal reform", ["fiscal"]) == "<mark>Fiscal</mark> reform"


def test_excerpt_centres_on_the_first_match():
    text = "甲" * 300 + "财政" + "乙" * 300
    short = words.excerpt(text, ["财政"], width=40)
    assert "财政" in short and short.startswith("…") and short.endswith("…")


def test_wildcards_are_literal(coordinator):
    assert search(coordinator, "%%") == [] and search(coordinator, "__") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_postgresql_has_a_trigram_index_per_field(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_trgm_%'")
        present = {name for (name,) in cursor.fetchall()}
    assert {name for name, _table, _column in trigram_indexes()} <= present


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_postgresql_reads_the_index_for_a_chinese_word(db):
    """Django's own `icontains` SQL is the indexed expression, for a CJK word of 3+ characters."""
    rows = Task.objects.filter(title__icontains="小微企业")
    with connection.cursor() as cursor:
        # Only a bitmap scan is left, and only an index on the very expression can drive one:
        # the planner's choice among other paths (a small table, no statistics) is not the point.
        for path in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{path} = off")
        plan = rows.explain()
    task_title = next(
        name
        for name, table, column in trigram_indexes()
        if column == "title" and table == "plans_task"
    )
    assert task_title in plan, plan


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00"
    b"IEND\xaeB`\x82"
)
