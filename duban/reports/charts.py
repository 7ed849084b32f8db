"""The glance as the plain data the browser's charts draw (`static/reports/charts.js`).

Pages embed it with `json_script`; the script only draws. Labels are finished here, in the
office's words and the page's language, so the charts show what the tables beside them show.
The PDF's figures (figures.py) take `area_label` and `trend_label`: documents are Chinese.
"""

from datetime import date

import cn2an
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from duban.reports.selectors import Glance
from duban.supervision.lights import LABELS

# Chart colours of the lights: the badges' colours in duban.css.
LIGHT_COLOURS = {
    "red": "#c0271d",
    "orange": "#e07000",
    "yellow": "#c98a00",
    "green": "#2e8b46",
    "done": "#1d4f91",
    "grey": "#8a919c",
}
# Stacked from the bottom: done and on track first, red on top where the eye lands.
TREND_ORDER = ("done", "green", "grey", "yellow", "orange", "red")
# An area's axis label: its numeral and the title's first clause, cut to this many characters.
AREA_LABEL_CHARS = 12


def _clause(title: str) -> str:
    clause = title.split("，")[0].split("。")[0]
    if len(clause) > AREA_LABEL_CHARS:
        clause = clause[:AREA_LABEL_CHARS] + "…"
    return clause


def area_label(path: str, title: str) -> str:
    """`一、继续深化国有企业改革重组`: the area's numeral and its first clause, shortened."""
    numeral = cn2an.an2cn(path) if path.isdigit() else path
    return f"{numeral}、{_clause(title)}"


def _in_chinese() -> bool:
    return (get_language() or "zh-hans").startswith("zh")


def page_area_label(path: str, title: str) -> str:
    """`area_label` on a page: `1. 继续深化国有企业改革重组` in other languages (the title is data)."""
    return area_label(path, title) if _in_chinese() else f"{path}. {_clause(title)}"


def page_trend_label(day) -> str:
    """`trend_label` on a page: `Sept.`, or `Sept. 20` within the month, in English."""
    if _in_chinese():
        return trend_label(day)
    month_end = date.fromordinal(day.toordinal() + 1).day == 1
    return date_format(day, "N" if month_end else "N j")


def trend_label(day) -> str:
    """`7月` for a month's end; the day itself (`9月20日`) for `as_of` within its month."""
    following = day.toordinal() + 1
    if date.fromordinal(following).day == 1:
        return f"{day.month}月"
    return f"{day.month}月{day.day}日"


def trend_chart(glance: Glance) -> dict:
    """The lights at each month's end: one series per colour present, most alarming on top."""
    colours = [c for c in TREND_ORDER if any(p.lights.get(c) for p in glance.trend)]
    return {
        "labels": [page_trend_label(p.day) for p in glance.trend],
        "days": [p.day.isoformat() for p in glance.trend],
        "series": [
            {
                "key": colour,
                "label": _(LABELS[colour]),
                "color": LIGHT_COLOURS[colour],
                "values": [p.lights.get(colour, 0) for p in glance.trend],
            }
            for colour in colours
        ],
    }


def glance_charts(glance: Glance) -> dict:
    return {
        "as_of": glance.as_of.isoformat(),
        "percent": round(glance.percent, 1),
        "elapsed": glance.time_elapsed,
        "areas": [
            {
                "path": area.path,
                "label": page_area_label(area.path, area.title),
                "title": area.title,
                "percent": round(area.percent, 1),
            }
            for area in glance.areas
        ],
        "lights": [
            {"key": colour, "label": _(LABELS[colour]), "value": n, "color": LIGHT_COLOURS[colour]}
            for colour, n in glance.lights.items()
            if n
        ],
        "trend": trend_chart(glance),
    }
