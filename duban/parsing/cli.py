"""`duban parse FILE [--format json|md|xlsx] [--year YYYY] [-o OUT]`.

Prints the parse result: `duban.document/1` JSON (the default), a Markdown outline, or the task
table as .xlsx (needs `-o`). A file the parser cannot read ends with one line on stderr,
`duban parse: <file>: <problem>`, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from duban.lib import progress

from .document import Document, ParseError

EXIT_OK = 0
EXIT_FAILED = 2


class _UsageError(Exception):
    pass


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # argparse would print usage and exit; report like any error
        raise _UsageError(message)


def _arguments() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="duban parse", description=__doc__.splitlines()[0])
    parser.add_argument("file", help="a .txt (UTF-8, UTF-16, GB18030), .docx, .pdf or .xlsx file")
    parser.add_argument("--format", choices=("json", "md", "xlsx"), default="json")
    parser.add_argument("--year", type=_year, help="the plan year deadlines resolve against")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument(
        "--progress", action="store_true", help="show progress on stderr (always on a terminal)"
    )
    return parser


def _year(value: str) -> int:
    if not value.isdigit() or not 1949 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"not a plan year: {value!r}")
    return int(value)


def main(argv: list[str], *, directory: Mapping[str, str] | None = None) -> int:
    """Run `duban parse` with the arguments after `parse`; returns the exit status."""
    from .files import parse_file

    if argv[:1] == ["parse"]:
        argv = argv[1:]
    try:
        args = _arguments().parse_args(argv)
        if args.format == "xlsx" and not args.output:
            raise _UsageError("--format xlsx writes a workbook; give the file with -o OUT.xlsx")
        terminal = sys.stderr.isatty()
        with progress.shown(sys.stderr.write, wanted=args.progress, terminal=terminal):
            document = parse_file(args.file, year=args.year, directory=directory)
        _write(document, args.format, args.output, args.file)
    except (ParseError, _UsageError) as exc:
        print(f"duban parse: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"duban parse: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _write(document: Document, output_format: str, output: str | None, source: str) -> None:
    if output_format == "xlsx":
        from duban.lib.tasktable import write_task_table

        from .outline import task_rows

        meta = document.meta
        subtitle = "　".join(filter(None, [meta.doc_number, meta.date])) or None
        title = meta.title or Path(source).stem
        write_task_table(task_rows(document), output, title=title, subtitle=subtitle)
        return
    if output_format == "md":
        from .outline import to_markdown

        text = to_markdown(document)
    else:
        text = json.dumps(document.to_json(), ensure_ascii=False, indent=2) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
