"""The progress printer: silent unless a command shows it; redrawn on a terminal, a line per
tenth into a file; the loop's items pass through unchanged either way."""

from duban.lib import progress


def test_without_a_printer_the_items_pass_through_untouched():
    written = []

    assert list(progress.track(iter(range(3)), "x")) == [0, 1, 2]
    with progress.shown(written.append, wanted=False, terminal=False):
        assert list(progress.track(range(3), "x")) == [0, 1, 2]

    assert written == []


def test_on_a_terminal_one_line_is_redrawn_and_ended():
    written = []

    with progress.shown(written.append, wanted=False, terminal=True):
        items = list(progress.track(["a", "b"], "扫描"))

    assert items == ["a", "b"]
    assert written[0].startswith("\r扫描 [") and written[0].endswith("] 0/2")
    assert written[-1] == "\r扫描 [" + "#" * progress.WIDTH + "] 2/2\n"
    assert len(written) == 3


def test_into_a_file_a_line_per_tenth_keeps_a_log_short():
    written = []

    with progress.shown(written.append, wanted=True, terminal=False):
        for _item in progress.track(range(95), "计分"):
            pass

    assert len(written) == 10
    assert all(line.endswith("\n") and "\r" not in line for line in written)
    assert written[-1].endswith("] 95/95\n")


def test_in_chunks_the_bar_counts_items_and_no_tenth_is_skipped():
    written = []

    with progress.shown(written.append, wanted=True, terminal=False):
        batches = list(progress.chunks(range(95), 20, "督办扫描"))

    assert [len(batch) for batch in batches] == [20, 20, 20, 20, 15]
    assert [line.rsplit(" ", 1)[1] for line in written] == [
        "20/95\n",
        "40/95\n",
        "60/95\n",
        "80/95\n",
        "95/95\n",
    ]


def test_chunks_without_a_printer_are_just_lists():
    assert list(progress.chunks(iter(range(5)), 2, "x")) == [[0, 1], [2, 3], [4]]
    assert list(progress.chunks([], 2, "x")) == []
