"""The assessment plugs into the registries: another app's measure joins the scheme and scores;
objections are owed work; the report gains 年度考核情况 once a version is locked."""

from datetime import date
from decimal import Decimal as D

import pytest

from duban.assessment.owed import OBJECTION, due_objections
from duban.assessment.sections import assessment_section
from duban.assessment.services import (
    assessment_compute,
    assessment_lock,
    objection_answer,
    objection_file,
    scheme_ensure,
)
from duban.lib import measures, owed
from duban.lib.measures import Line
from duban.reports import sections

DEC_31 = date(2012, 12, 31)


@pytest.fixture
def decisions_measure(small_plan, reform_unit):
    """A stand-in for coordination's "decisions_on_time": one decision carried out late."""

    def lines(*, plan, as_of):
        yield Line(reform_unit.pk, "lead", 0.0, "联席会议议定事项1 逾期办结", link="/x/")

    # Stands in for the real one while the test runs, and gives it back afterwards.
    real = measures.get("decisions_on_time")
    measures.register("decisions_on_time", "会议议定事项按期办结", lines)
    yield
    measures._measures.pop("decisions_on_time")
    if real is not None:
        measures._measures[real.key] = real


def test_a_measure_another_app_registers_joins_the_default_scheme_and_scores(
    decisions_measure, small_plan, coordinator, reform_unit
):
    scheme = scheme_ensure(plan=small_plan, by=coordinator)
    component = scheme.components.get(measure="decisions_on_time")
    assert component.weight == D("10") and component.label == "会议议定事项按期办结"
    assessment = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    line = assessment.scores.get(unit=reform_unit).lines.get(component="decisions_on_time")
    assert (line.points, line.lost, line.link) == (D("0.00"), D("10.00"), "/x/")


def test_an_open_objection_is_owed_by_the_reform_office_until_answered(
    small_plan, coordinator, caizheng, finance_unit
):
    assessment = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    objection = objection_file(
        score=assessment.scores.get(unit=finance_unit), reason="报告已报送", by=caizheng
    )
    items = [i for i in owed.due_items(as_of=objection.filed_on) if i.target == OBJECTION]
    assert [(i.unit_id, i.key) for i in items] == [
        (coordinator.unit_id, f"objection:{objection.pk}")
    ]
    assert owed.label(OBJECTION) == "考核异议"
    objection_answer(
        objection=objection, answer="已核实更正", seen_version=objection.version, by=coordinator
    )
    assert due_objections(as_of=objection.filed_on) == []


def test_the_report_section_waits_for_a_locked_version(small_plan, coordinator):
    draft = assessment_compute(plan=small_plan, as_of=DEC_31, by=coordinator)
    assert assessment_section(plan=small_plan, as_of=DEC_31) is None
    assessment_lock(assessment=draft, by=coordinator)
    section = assessment_section(plan=small_plan, as_of=DEC_31)
    assert section.heading == "年度考核情况"
    text = "".join(section.paragraphs)
    assert "省直单位共2个参加考核" in text and "市州共1个" in text and "平均" in text
    # Registered on start-up: the report to the provincial government carries it.
    headings = [s.heading for s in sections.build_all(plan=small_plan, as_of=DEC_31)]
    assert "年度考核情况" in headings
