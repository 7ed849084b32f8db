"""Progress of a long run on the command line, without the code doing the work knowing who
watches.

The work wraps its main loop, and nothing changes unless a command is showing progress:

    for item in progress.track(items, "督办扫描"):
        ...

or, when it works a few thousand at a time, `for batch in progress.chunks(items, 2000, "督办扫描")`,
and the bar still counts items.

A command turns the printer on around the work, when its stderr is a terminal or `--progress`
was given (`progress.add_argument(parser)`, then `with progress.shown(write, wanted=…)`). On a
terminal one line is redrawn in place, `督办扫描 [######------] 12/40`; into a file or a pipe,
a line at each tenth, so that a log stays short. It writes to stderr only: stdout stays the
command's result, for scripts to read.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

WIDTH = 24


class _Printer:
    def __init__(self, write: Callable[[str], object], *, redraw: bool):
        self.write, self.redraw = write, redraw

    def draw(self, label: str, done: int, total: int, *, since: int = -1) -> None:
        """Draw `done` of `total`; `since` is where the last drawing was, so that a step over
        several items still prints the tenth it passed."""
        filled = WIDTH * done // total if total else WIDTH
        bar = f"{label} [{'#' * filled}{'-' * (WIDTH - filled)}] {done}/{total}"
        if self.redraw:
            self.write("\r" + bar + ("\n" if done >= total else ""))
        elif any(since < tenth <= done for tenth in _tenths(total)):
            self.write(bar + "\n")


def _tenths(total: int) -> set[int]:
    return {total * step // 10 for step in range(1, 11)} - {0} | {total}


_printer: ContextVar[_Printer | None] = ContextVar("progress_printer", default=None)


def track(items: Iterable, label: str) -> Iterator:
    """`items`, one by one, drawing how far the loop has come when a command shows progress."""
    if _printer.get() is None:
        yield from items
        return
    for batch in chunks(items, 1, label):
        yield from batch


def chunks(items: Iterable, size: int, label: str) -> Iterator[list]:
    """`items` in lists of `size` (the last one shorter), drawing how many items are done."""
    printer = _printer.get()
    items = list(items)
    if printer is not None:
        printer.draw(label, 0, len(items))
    for start in range(0, len(items), size):
        batch = items[start : start + size]
        yield batch
        if printer is not None:
            printer.draw(label, start + len(batch), len(items), since=start)


@contextmanager
def shown(write: Callable[[str], object], *, wanted: bool, terminal: bool):
    """Show progress through `write` for the work inside, when `wanted` (the `--progress` flag)
    or when the output is a `terminal`."""
    if not (wanted or terminal):
        yield
        return
    token = _printer.set(_Printer(write, redraw=terminal))
    try:
        yield
    finally:
        _printer.reset(token)


def add_argument(parser) -> None:
    parser.add_argument(
        "--progress",
        action="store_true",
        help="show progress on stderr even when it is not a terminal",
    )


@contextmanager
def for_command(command, options: dict):
    """Progress for a Django management command: on its stderr, as `shown` decides."""
    stderr = command.stderr
    with shown(
        lambda text: stderr.write(text, ending=""),
        wanted=bool(options.get("progress")),
        terminal=stderr.isatty(),
    ):
        yield
