"""Benchmark the parser: the founding document, and cost per MB at 1 MB and 10 MB.

    .venv/bin/python bench/parse_bench.py [--runs 21] [--write BENCHMARKS.md]

Not a test: it prints a Markdown section with the figures; `--write` replaces the "Parser"
section of the given file with it. The per-MB cost at 10 MB divided by the cost at 1 MB should
stay near 1 (linear time); a quadratic stage would make it about 10.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from duban.parsing import parse_text  # noqa: E402
from duban.parsing.files import parse_file  # noqa: E402

FOUNDING = ROOT / "samples" / "gansu-2012-reform-opinions.txt"
CORPUS = ROOT / "tests" / "parsing" / "corpus"
OTHER_FORMATS = [  # reading cost beyond the text pipeline
    CORPUS / "jiangchuan-2024-ecology-opinions.pdf",
    CORPUS / "jiangchuan-2024-digital-government-notice.docx",
    CORPUS / "yunyang-2024-rural-reform-table.xlsx",
]
COMMAND = ".venv/bin/python bench/parse_bench.py --write BENCHMARKS.md"
MB = 1_000_000


def timings(action, runs: int, clock=time.perf_counter) -> list[float]:
    samples = []
    for _ in range(runs):
        started = clock()
        action()
        samples.append(clock() - started)
    return samples


def median_seconds(action, runs: int) -> float:
    return statistics.median(timings(action, runs))


def concatenated(text: str, size: int) -> str:
    copies = -(-size // len(text.encode("utf-8")))
    return "\n\n".join([text] * copies)


def seconds_per_mb(text: str, runs: int, clock=time.perf_counter) -> tuple[float, float]:
    # Best of the runs: on a shared machine the fastest run is the least disturbed one, and
    # the ratio between sizes is what matters.
    megabytes = len(text.encode("utf-8")) / MB
    seconds = min(timings(lambda: parse_text(text), runs, clock))
    return megabytes, seconds / megabytes


# The floor any pass over the text has: one regex scanning every character once (the
# parenthesised notes the parser looks for), over the same text, on the same clock.
REGEX_PASS = re.compile(r"[（(][^（）()\n]*[）)]")


def regex_seconds_per_mb(text: str, runs: int, clock) -> float:
    megabytes = len(text.encode("utf-8")) / MB
    seconds = min(timings(lambda: sum(1 for _ in REGEX_PASS.finditer(text)), runs, clock))
    return seconds / megabytes


def measure(runs: int) -> str:
    text = FOUNDING.read_text(encoding="utf-8")
    founding_file = median_seconds(lambda: parse_file(FOUNDING), runs)
    founding_text = median_seconds(lambda: parse_text(text), runs)
    one_mb, ten_mb = concatenated(text, MB), concatenated(text, 10 * MB)
    size_1, per_mb_1 = seconds_per_mb(one_mb, 5)
    size_10, per_mb_10 = seconds_per_mb(ten_mb, 3)
    # CPU time of this process: what the parser costs, whatever else the machine runs.
    _, cpu_1 = seconds_per_mb(one_mb, 5, time.process_time)
    _, cpu_10 = seconds_per_mb(ten_mb, 3, time.process_time)
    regex_cpu = regex_seconds_per_mb(one_mb, 5, time.process_time)
    formats = [
        f"| `{path.name}`, `parse_file`, median of {max(3, runs // 3)} | "
        f"{median_seconds(lambda path=path: parse_file(path), max(3, runs // 3)) * 1000:.1f} ms |"
        for path in OTHER_FORMATS
    ]
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    return "\n".join(
        [
            "## Parser",
            "",
            f"Command: `{COMMAND}` (machine: {machine}; shared with other work, so expect noise).",
            "",
            "| measurement | result |",
            "|---|---|",
            f"| founding document (`{FOUNDING.name}`, {len(text.encode()) / 1000:.0f} KB), "
            f"`parse_file`, median of {runs} | {founding_file * 1000:.1f} ms |",
            f"| the same, `parse_text` only, median of {runs} | {founding_text * 1000:.1f} ms |",
            f"| {size_1:.2f} MB of concatenated copies, `parse_text`, best of 5 | {per_mb_1:.2f} s/MB |",
            f"| {size_10:.2f} MB of concatenated copies, `parse_text`, best of 3 | {per_mb_10:.2f} s/MB |",
            f"| cost per MB at 10 MB ÷ at 1 MB (linear ≈ 1) | {per_mb_10 / per_mb_1:.2f} |",
            f"| the 1 MB, CPU time of the process, best of 5 | {cpu_1:.3f} s/MB "
            f"({1 / cpu_1:.1f} MB/s) |",
            f"| the 10 MB, CPU time of the process, best of 3 | {cpu_10:.3f} s/MB "
            f"({1 / cpu_10:.1f} MB/s); 10 MB ÷ 1 MB {cpu_10 / cpu_1:.2f} |",
            f"| one regex pass over the 1 MB (`{REGEX_PASS.pattern}`), CPU, best of 5 | "
            f"{regex_cpu * 1000:.1f} ms/MB; the parser costs {cpu_1 / regex_cpu:.0f}× that |",
            *formats,
            "",
        ]
    )


def write_section(path: Path, section: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    pattern = re.compile(r"^## Parser\n.*?(?=^## |\Z)", re.S | re.M)
    new = (
        pattern.sub(lambda _: section + "\n", old)
        if pattern.search(old)
        else (old.rstrip("\n") + "\n\n" + section)
    )
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--write", type=Path, help="replace the Parser section of this file")
    args = parser.parse_args(argv)
    section = measure(args.runs)
    print(section)
    if args.write:
        write_section(args.write, section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
