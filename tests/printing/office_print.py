"""Print an office file the way a reader's machine would: LibreOffice to PDF, then PNG pages.

`print_pages(path, outdir)` returns the PDF and one PNG per page (60 dpi, for people to look
at); `overflowing_text(pdf)` lists the text a row could not hold: characters reaching below the
rule that closes their row, or rows holding more lines than their height allows.
"""

import subprocess
from collections import defaultdict
from pathlib import Path

import pdfplumber

SOFFICE = "soffice"


def print_pages(path: Path, outdir: Path) -> tuple[Path, list[Path]]:
    outdir.mkdir(parents=True, exist_ok=True)
    # A profile of its own: another LibreOffice running on the machine must not take the job.
    profile = f"-env:UserInstallation=file://{outdir / 'lo-profile'}"
    subprocess.run(
        [SOFFICE, profile, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = outdir / f"{path.stem}.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(outdir / path.stem)], check=True, timeout=120
    )
    return pdf, sorted(outdir.glob(f"{path.stem}*.png"))


def _rules(page) -> list[float]:
    """The y of every horizontal rule on the page (cell borders), top to bottom."""
    ys = sorted(round(e["top"], 1) for e in page.horizontal_edges if e["width"] > 20)
    merged: list[float] = []
    for y in ys:
        if not merged or y - merged[-1] > 1:  # a border drawn twice (two cells) is one rule
            merged.append(y)
    return merged


def overflowing_text(pdf: Path) -> list[str]:
    problems = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, 1):
            rules = _rules(page)
            bands = list(zip(rules, rules[1:], strict=False))
            lines: dict[tuple[int, int], list[dict]] = defaultdict(list)
            for char in page.chars:
                if not char["text"].strip():
                    continue
                band = next((i for i, (t, b) in enumerate(bands) if t - 1 <= char["top"] < b), None)
                if band is None:
                    continue  # the title above the table
                top, bottom = bands[band]
                if char["bottom"] > bottom + 1:
                    problems.append(f"page {number}: “{char['text']}” runs below its row")
                lines[(band, round(char["x0"] // 40))].append(char)
            for (band, _column), chars in lines.items():
                top, bottom = bands[band]
                count, size = _line_count(chars)
                if count * size > bottom - top + 1:
                    problems.append(f"page {number}: row at y={top:.0f} holds {count} lines")
    return problems


def _line_count(chars: list[dict]) -> tuple[int, float]:
    """Lines of text among `chars` (tops closer than half a glyph are one line), and the size."""
    size = min(c["size"] for c in chars)
    tops = sorted(c["top"] for c in chars)
    count = 1 + sum(1 for a, b in zip(tops, tops[1:], strict=False) if b - a > size / 2)
    return count, size
