"""`duban backup` then `duban restore` onto an empty database gives back every row and file:
backing up the restored copy yields the same rows, and its audit chain verifies."""

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from duban.directory.models import User
from duban.lib.backup import DATA, RestoreRefused, backup, restore
from duban.plans.models import Task

ROOT = Path(__file__).resolve().parents[2]


def _duban(env: dict, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "duban", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the same engine as the suite's; its URL."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    params = settings.DATABASES["default"]
    name = f"duban_restore_{os.getpid()}"
    server = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _contents(archive: Path, folder: Path) -> tuple[list[str], dict[str, bytes]]:
    """The archive's rows (in a canonical order) and its files."""
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(folder, filter="data")
    rows = json.loads((folder / DATA).read_text(encoding="utf-8"))
    canonical = sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)
    media = folder / "media"
    files = {str(p.relative_to(media)): p.read_bytes() for p in media.rglob("*") if p.is_file()}
    return canonical, files


def _an_account_after_a_gap_writes_something() -> None:
    """Account keys with a gap, as a deleted account leaves them: a restore must not close it."""
    User.objects.create_user("gap-before-the-next", role="auditor").delete()
    later = User.objects.create_user("later", role="auditor")
    task = Task.objects.first()
    task.title += "（修订）"
    task._history_user = later
    task.save()


def test_a_restore_onto_an_empty_database_gives_everything_back(
    db, coordinator, tmp_path, empty_database
):
    _an_account_after_a_gap_writes_something()
    first = tmp_path / "first.tar.gz"
    manifest = backup(first)
    assert manifest["files"] >= 1 and manifest["missing_files"] == []
    env = {**os.environ, "DATABASE_URL": empty_database, "DUBAN_VAR_DIR": str(tmp_path / "var")}
    restored = _duban(env, "restore", str(first))
    assert restored.returncode == 0, restored.stderr
    assert "audit chain ok" in restored.stdout
    second = tmp_path / "second.tar.gz"
    assert _duban(env, "backup", str(second)).returncode == 0
    rows_a, files_a = _contents(first, tmp_path / "a")
    rows_b, files_b = _contents(second, tmp_path / "b")
    assert len(rows_a) == sum(manifest["rows"].values()) > 1000
    assert rows_a == rows_b
    assert files_a == files_b
    assert _duban(env, "audit", "verify").returncode == 0


def test_a_database_with_data_is_not_restored_over(db, coordinator, tmp_path):
    archive = tmp_path / "b.tar.gz"
    backup(archive)
    with pytest.raises(RestoreRefused, match="not empty"):
        restore(archive)


def test_a_damaged_archive_is_refused(coordinator, tmp_path, monkeypatch):
    archive = tmp_path / "b.tar.gz"
    backup(archive)
    folder = tmp_path / "x"
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(folder, filter="data")
    (folder / DATA).write_text("[]", encoding="utf-8")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for path in folder.iterdir():
            tar.add(path, arcname=path.name)
    monkeypatch.setattr("duban.lib.backup._has_data", lambda: False)
    with pytest.raises(RestoreRefused, match="damaged"):
        restore(damaged)
