"""The report's charts as PNG images, drawn with matplotlib from the glance.

matplotlib rather than ECharts rendered server-side: it draws in-process from the same plain
data, with no browser or Node.js to start for each report, and its Agg backend writes a PNG
that Word and LibreOffice place like any picture. The pages keep ECharts (interactive, SVG).
Chinese needs a CJK font: the Noto CJK file that fonts-noto-cjk installs, found with fc-match
or under the usual font directories; without it the report refuses clearly instead of drawing
empty boxes where the characters should be.
"""

import io
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: the server draws into files

from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from duban.reports.charts import LIGHT_COLOURS, TREND_ORDER, area_label, trend_label  # noqa: E402
from duban.reports.selectors import Glance  # noqa: E402
from duban.supervision.lights import LABELS  # noqa: E402

FAMILY = "Noto Sans CJK SC"
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
DPI = 200
INK = "#1f2329"
INK_SOFT = "#5c6470"
BAR = "#1d4f91"


class ChartFontMissing(Exception):
    """No Noto CJK font on this machine (`apt-get install fonts-noto-cjk`)."""


def cjk_font_file() -> Path:
    """The Noto Sans CJK file: fc-match's answer if it is a Noto CJK file, else a path search."""
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", f"{FAMILY}:lang=zh-cn"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if "NotoSansCJK" in found and Path(found).exists():
            return Path(found)
    for folder in FONT_DIRS:
        for path in sorted(folder.rglob("NotoSansCJK*-Regular.tt[cf]")):
            return path
    raise ChartFontMissing(
        "找不到 Noto CJK 中文字体（fonts-noto-cjk），无法绘制报告中的图表：请安装 fonts-noto-cjk。"
    )


@lru_cache(maxsize=1)
def _use_cjk_font() -> None:
    # A .ttc holds the JP, SC, TC… faces; naming the SC family picks the simplified forms.
    font_manager.fontManager.addfont(str(cjk_font_file()))
    matplotlib.rcParams["font.family"] = FAMILY
    matplotlib.rcParams["axes.unicode_minus"] = False


def _png(figure: Figure) -> bytes:
    stream = io.BytesIO()
    figure.savefig(stream, format="png", dpi=DPI, bbox_inches="tight", facecolor="white")
    plt.close(figure)
    return stream.getvalue()


def _plain_axes(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(colors=INK_SOFT, labelsize=9)


def area_progress_png(glance: Glance) -> bytes:
    """Each area's progress as a horizontal bar, with the plan's and the year's lines."""
    _use_cjk_font()
    areas = list(reversed(glance.areas))  # the first area on top
    figure, axes = plt.subplots(figsize=(6.3, 0.42 * len(areas) + 1.0))
    labels = [area_label(a.path, a.title) for a in areas]
    bars = axes.barh(labels, [a.percent for a in areas], color=BAR, height=0.55)
    axes.bar_label(bars, fmt="%.0f%%", padding=3, fontsize=9, color=INK)
    axes.axvline(glance.percent, color="#a61b1b", linestyle="--", linewidth=1)
    legend = [f"全省总体进度 {glance.percent:.0f}%"]
    if glance.time_elapsed is not None:
        axes.axvline(glance.time_elapsed, color=INK_SOFT, linestyle=":", linewidth=1.5)
        legend.append(f"年度时间进度 {glance.time_elapsed}%")
    axes.set_xlim(0, 100)
    axes.xaxis.set_major_formatter("{x:.0f}%")
    axes.legend(
        axes.lines,
        legend,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=2,
        frameon=False,
        fontsize=9,
    )
    _plain_axes(axes)
    return _png(figure)


def light_trend_png(glance: Glance) -> bytes:
    """Units of work by light at each month's end, stacked, the count on top of each month."""
    _use_cjk_font()
    points = glance.trend
    figure, axes = plt.subplots(figsize=(6.3, 3.0))
    labels = [trend_label(p.day) for p in points]
    bottoms = [0] * len(points)
    for colour in TREND_ORDER:
        values = [p.lights.get(colour, 0) for p in points]
        if not any(values):
            continue
        axes.bar(
            labels,
            values,
            bottom=bottoms,
            color=LIGHT_COLOURS[colour],
            width=0.6,
            label=LABELS[colour],
        )
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    reds = [p.lights.get("red", 0) for p in points]
    for x, (top, red) in enumerate(zip(bottoms, reds, strict=True)):
        if red:
            axes.annotate(
                f"红{red}",
                (x, top),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                color=LIGHT_COLOURS["red"],
            )
    axes.set_ylim(0, max(bottoms, default=0) * 1.12 + 1)  # room for the red counts on top
    axes.set_ylabel("工作任务（项）", fontsize=9, color=INK_SOFT)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=6, frameon=False, fontsize=9)
    _plain_axes(axes)
    return _png(figure)
