"""The glance as the plain data the browser's charts draw (`static/reports/charts.js`).

Pages embed it with `json_script`; the script only draws. Labels are finished here, in the
office's words, so the charts show what the tables beside them show.
"""

import cn2an

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
# An area's axis label: its numeral and the title's first clause, cut to this many characters.
AREA_LABEL_CHARS = 12


def area_label(path: str, title: str) -> str:
    """`一、继续深化国有企业改革重组`: the area's numeral and its first clause, shortened."""
    clause = title.split("，")[0].split("。")[0]
    if len(clause) > AREA_LABEL_CHARS:
        clause = clause[:AREA_LABEL_CHARS] + "…"
    numeral = cn2an.an2cn(path) if path.isdigit() else path
    return f"{numeral}、{clause}"


def glance_charts(glance: Glance) -> dict:
    return {
        "percent": round(glance.percent, 1),
        "elapsed": glance.time_elapsed,
        "areas": [
            {
                "label": area_label(area.path, area.title),
                "title": area.title,
                "percent": round(area.percent, 1),
            }
            for area in glance.areas
        ],
        "lights": [
            {"key": colour, "label": LABELS[colour], "value": n, "color": LIGHT_COLOURS[colour]}
            for colour, n in glance.lights.items()
            if n
        ],
    }
