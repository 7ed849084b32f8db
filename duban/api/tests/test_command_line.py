"""The command line's side of issue 14: each command named there answers `--help`, refuses
bad input with exit status 2 and a message naming the problem, and shows progress on stderr
when asked (`--progress`; always on a terminal) while stdout keeps the result."""

from io import StringIO

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError

from duban.parsing.cli import main as parse_main

# Command → (app, the arguments before `--help`).
COMMANDS = {
    "import": ("plans", "plan", ["import"]),
    "export": ("plans", "plan", ["export"]),
    "carry-over": ("plans", "plan", ["carry-over"]),
    "supervise": ("supervision", "supervise", []),
    "assess": ("assessment", "assess", []),
    "report": ("reports", "report", ["progress"]),
    "users": ("directory", "users", ["create"]),
    "tokens": ("api", "token", ["create"]),
}


def command_line_parser(app: str, name: str):
    """The parser as `duban NAME` builds it, so that its errors exit as on the command line."""
    command = load_command_class(f"duban.{app}", name)
    command._called_from_command_line = True
    return command.create_parser("duban", name)


def exit_status(app: str, name: str, argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as ended:
        command_line_parser(app, name).parse_args(argv)
    captured = capsys.readouterr()
    return ended.value.code, captured.out + captured.err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_answers_help(command, capsys):
    app, name, before = COMMANDS[command]

    status, text = exit_status(app, name, [*before, "--help"], capsys)

    assert status == 0
    assert text.startswith("usage: duban ") and "--help" in text


def test_parse_answers_help(capsys):
    with pytest.raises(SystemExit) as ended:
        parse_main(["--help"])
    assert ended.value.code == 0 and "usage: duban parse" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("command", "argv", "says"),
    [
        ("import", ["import"], "file"),
        ("export", ["export", "x", "-o", "out.xlsx"], "invalid int value"),
        ("carry-over", ["carry-over", "1"], "--to-year"),
        ("assess", ["1"], "--as-of"),
        ("report", ["progress", "1", "--as-of", "2012-12-31", "-o", "x", "--format", "odt"], "odt"),
        ("users", ["create", "someone", "--role", "boss"], "boss"),
        ("tokens", ["create", "someone", "--scope", "all"], "all"),
    ],
)
def test_malformed_arguments_exit_2_naming_the_problem(command, argv, says, capsys):
    app, name, _before = COMMANDS[command]

    status, text = exit_status(app, name, argv, capsys)

    assert status == 2
    assert says in text


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["plan", "carry-over", "999999", "--to-year", "2013"], "999999"),
        (["plan", "export", "999999", "-o", "/tmp/x.xlsx"], "999999"),
        (["plan", "import", "/nonexistent/方案.pdf"], "方案.pdf"),
        (["assess", "999999", "--as-of", "2012-12-31"], "999999"),
        (["report", "progress", "999999", "--as-of", "2012-12-31", "-o", "/tmp/r.docx"], "999999"),
        (["supervise", "--as-of", "2012-13-01"], "2012-13-01"),
        (["users", "deactivate", "nobody"], "nobody"),
        (["token", "create", "nobody", "--scope", "read"], "nobody"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(args, says, demo_accounts):
    with pytest.raises(CommandError) as refused:
        call_command(*args)

    # `duban …` exits with the error's returncode after printing its message.
    assert refused.value.returncode == 2
    assert says in str(refused.value)


def test_an_unwritable_output_exits_2(demo_accounts):
    with pytest.raises(CommandError) as refused:
        call_command("plan", "export", str(_published_plan_id()), "-o", "/nonexistent/dir/表.xlsx")

    assert refused.value.returncode == 2 and "表.xlsx" in str(refused.value)


def test_parse_exits_2_on_a_missing_file(capsys):
    assert parse_main(["/nonexistent/方案.pdf"]) == 2
    assert "方案.pdf" in capsys.readouterr().err


def _published_plan_id() -> int:
    from duban.plans.models import Plan

    return Plan.objects.published().get().pk


def test_a_long_run_shows_progress_on_stderr_and_its_result_on_stdout(demo_accounts, tmp_path):
    out, err = StringIO(), StringIO()
    output = tmp_path / "表.xlsx"

    call_command(
        "plan",
        "export",
        str(_published_plan_id()),
        "-o",
        str(output),
        "--progress",
        stdout=out,
        stderr=err,
    )

    assert output.exists() and "task table written" in out.getvalue()
    lines = err.getvalue().splitlines()
    assert lines[-1].startswith("任务分解表 [" + "#" * 24 + "]")
    done, total = lines[-1].rsplit(" ", 1)[1].split("/")
    assert done == total and int(total) > 0


def test_without_a_terminal_or_the_flag_there_is_no_progress(demo_accounts):
    err = StringIO()

    call_command("supervise", "--as-of", "2012-06-15", stdout=StringIO(), stderr=err)

    assert err.getvalue() == ""
