"""PostgreSQL restarted under a running Duban: requests meanwhile fail cleanly (503, a plain
page, no trace, within seconds) and the server recovers by itself once the database is back.

Runs on a private, throwaway PostgreSQL cluster (initdb in a temporary folder, its own port),
so the shared server the other tests use is never touched.
"""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*args) -> list[str]:
    # initdb refuses to run as root; the cluster runs as the postgres system user.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


class Cluster:
    def __init__(self, folder: Path):
        self.data, self.port = folder / "pgdata", _free_port()
        self.bin = Path(BIN[-1])

    def ctl(self, *args):
        log = str(self.data.parent / "pg.log")
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", *args]
        subprocess.run(_as_postgres(*command), check=True, capture_output=True, timeout=120)

    def create(self):
        self.data.parent.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.data.parent, "postgres") if os.geteuid() == 0 else None
        subprocess.run(
            _as_postgres(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1"
        self.ctl("-o", options, "start")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


def _get(url: str) -> tuple[int, str, float]:
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode(), time.monotonic() - start
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.monotonic() - start


def _wait_for(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} never answered")


@pytest.mark.skipif(not BIN, reason="PostgreSQL server binaries not installed")
def test_a_database_restart_fails_requests_cleanly_and_the_server_recovers(tmp_path):
    # Outside pytest's own folder, which only root may enter.
    folder = Path(tempfile.mkdtemp(prefix="duban-pg-"))
    folder.chmod(0o755)
    cluster = Cluster(folder / "pg")
    cluster.create()
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "DATABASE_CONN_MAX_AGE": "600",
        "DUBAN_VAR_DIR": str(tmp_path / "var"),
        "DEBUG": "false",
        "DUBAN_DEMO": "false",
    }
    server = None
    try:
        duban = [sys.executable, "-m", "duban"]
        subprocess.run([*duban, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=600)
        port = _free_port()
        server = subprocess.Popen(
            [*duban, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        health = f"http://127.0.0.1:{port}/health/"
        _wait_for(health)
        assert _get(health)[0] == 200

        cluster.ctl("-m", "fast", "stop")
        status, body, took = _get(health)
        assert status == 503 and "数据库暂时不可用" in body and "Traceback" not in body
        assert took < 10
        login = _get(f"http://127.0.0.1:{port}/accounts/login/")
        assert login[0] in (200, 503)

        cluster.ctl("-o", f"-p {cluster.port} -k {cluster.data.parent}", "start")
        # The kept connection is dead; the health check at the next request replaces it.
        assert _get(health)[0] == 200
        assert _get(health)[0] == 200
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        try:
            cluster.ctl("-m", "immediate", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(folder, ignore_errors=True)
