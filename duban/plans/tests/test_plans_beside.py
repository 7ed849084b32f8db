"""A plan switcher offers the plans around the one shown, not every plan of a national roll-out."""

import pytest

from duban.directory.models import Region
from duban.execution.tests.conftest import make_plan, no_demo_plan  # noqa: F401  (a fixture)
from duban.plans.models import Plan
from duban.plans.selectors import plans_beside

pytestmark = pytest.mark.django_db


def test_the_region_above_its_own_and_one_level_below(no_demo_plan):  # noqa: F811
    province = Region.objects.create(code="990000", name="试验省", level=Region.Level.PROVINCE)
    city = Region.objects.create(code="990100", name="试验市", level="city", parent=province)
    county = Region.objects.create(code="990101", name="试验县", level="county", parent=city)
    other = Region.objects.create(code="980000", name="别的省", level=Region.Level.PROVINCE)
    plans = {}
    for region in (province, city, county, other):
        plans[region.name] = make_plan(title=f"{region.name}2012年改革要点")
        Plan.objects.filter(pk=plans[region.name].pk).update(region=region)
    draft = make_plan(title="试验市草稿", status=Plan.Status.DRAFT)
    Plan.objects.filter(pk=draft.pk).update(region=city)

    def names(plan):
        return {p.title[:3] for p in plans_beside(Plan.objects.get(pk=plan.pk))}

    assert names(plans["试验省"]) == {"试验省", "试验市"}
    assert names(plans["试验市"]) == {"试验省", "试验市", "试验县"}
    assert names(plans["试验县"]) == {"试验市", "试验县"}
    assert names(plans["别的省"]) == {"别的省"}
