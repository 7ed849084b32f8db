"""The report to the provincial government's section on the assessment (年度考核情况).

Registered with `duban.reports.sections`; it says something only once the plan's assessment is
locked: the leading and trailing units and the average.
"""

from decimal import Decimal

from duban.assessment.selectors import latest_locked, ranking
from duban.lib.dates import chinese_date
from duban.reports import sections
from duban.reports.docx_writer import Section

TOP = 3


def assessment_section(*, plan, as_of) -> Section | None:
    assessment = latest_locked(plan)
    if assessment is None:
        return None
    table = ranking(assessment)
    paragraphs = []
    for name, rows in (("省直单位", table.units), ("市州", table.cities)):
        if not rows:
            continue
        totals = [r.score.total for r in rows]
        average = (sum(totals, Decimal(0)) / len(totals)).quantize(Decimal("0.01"))
        top = "、".join(f"{r.score.unit.short_name}（{r.score.total}分）" for r in rows[:TOP])
        bottom = "、".join(f"{r.score.unit.short_name}（{r.score.total}分）" for r in rows[-TOP:])
        paragraphs.append(
            f"{name}共{len(rows)}个参加考核，平均{average}分（满分{table.full_marks}分）。"
            f"前{TOP}名：{top}；后{TOP}名：{bottom}。"
        )
    paragraphs.append(
        f"考核以{chinese_date(assessment.as_of)}的记录为准"
        f"（第{assessment.number}版，已锁定），每项得分均可追溯到相应记录。"
    )
    return Section(heading="年度考核情况", paragraphs=paragraphs)


def register() -> None:
    sections.register("assessment", 40, assessment_section)
