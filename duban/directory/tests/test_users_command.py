"""`duban users`: accounts from the command line, through the directory's services."""

import pytest
from django.core.management import CommandError, call_command

from duban.directory.models import User


def test_an_account_is_created_for_a_unit_named_as_written(db, demo_accounts, capsys):
    call_command(
        "users",
        "create",
        "wangcai",
        "--role",
        "editor",
        "--unit",
        "省财政厅",
        "--password",
        "Gansu-2012x",
    )

    user = User.objects.get(username="wangcai")
    assert user.unit.name == "甘肃省财政厅" and user.check_password("Gansu-2012x")
    assert user.history.latest().history_user is None
    call_command("users", "list")
    assert "wangcai editor" in capsys.readouterr().out


def test_an_account_is_deactivated_not_deleted(db, demo_accounts):
    call_command("users", "deactivate", "viewer")

    assert User.objects.get(username="viewer").is_active is False


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["create", "viewer", "--role", "viewer", "--unit", "省财政厅", "--password", "x"],
            "已存在",
        ),
        (["create", "zhao", "--role", "editor", "--unit", "火星办", "--password", "x"], "火星办"),
        (["create", "zhao", "--role", "editor", "--password", "x"], "单位"),
        (["deactivate", "nobody"], "nobody"),
    ],
)
def test_bad_input_is_named_and_exits_2(db, demo_accounts, arguments, message):
    with pytest.raises(CommandError, match=message) as error:
        call_command("users", *arguments)
    assert error.value.returncode == 2
