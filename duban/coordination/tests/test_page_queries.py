"""The coordination list pages cost the same queries for one issue as for several (no N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from duban.coordination import services


def count(client, user, url) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def more_issues(issue, caizheng, reform_unit, lanzhou_unit):
    for n in range(3):
        services.issue_raise(
            task=issue.task,
            title=f"事项{n}",
            blocker="阻碍",
            needed_units=[reform_unit, lanzhou_unit],
            by=caizheng,
        )


def test_the_coordination_page_does_not_query_per_issue(
    client, issue, coordinator, caizheng, reform_unit, lanzhou_unit
):
    urls = [reverse("coordination:index"), reverse("coordination:collaboration")]
    before = [count(client, coordinator, url) for url in urls]
    more_issues(issue, caizheng, reform_unit, lanzhou_unit)
    assert [count(client, coordinator, url) for url in urls] == before
