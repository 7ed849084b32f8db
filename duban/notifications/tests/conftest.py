"""Helpers for the notification tests: a worker that runs due queued tasks in the test's
transaction, and a real HTTP server on 127.0.0.1 that answers as each test needs."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django_tasks_db.models import DBTaskResult

from duban.notifications import webhook_url


def run_queued_tasks() -> int:
    """Run every queued task that is due now, as `duban worker` would; returns how many ran.

    The real worker closes stale connections between tasks, which would end the test's
    transaction; this runs the same tasks the same way without that.
    """
    ran = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim("test-worker")
        task, queued = result.task, result.task_result
        result.set_successful(task.call(*queued.args, **queued.kwargs))
        ran += 1
    return ran


class Receiver:
    """What the test server received, and how it should answer the next request."""

    def __init__(self):
        self.bodies: list[dict] = []
        self.headers: list[dict] = []
        self.status = 200
        self.delay = 0.0
        self.location = ""  # set with a 3xx status: where the reply redirects to


def _handler(receiver: Receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802  (the name http.server calls)
            length = int(self.headers.get("Content-Length", 0))
            receiver.bodies.append(json.loads(self.rfile.read(length)))
            receiver.headers.append(dict(self.headers))
            if receiver.delay:
                time.sleep(receiver.delay)
            try:
                self.send_response(receiver.status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.end_headers()
                self.wfile.write(b"{}")
            except OSError:
                pass  # the client gave up waiting, as the timeout test wants

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def chat_robot(monkeypatch):
    """A webhook receiver on 127.0.0.1 (a free port); yields (url, receiver).

    Its plain-http loopback address is exactly what the webhook check refuses, so for this
    one address (and no other) the check is waived.
    """
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/robot"
    real_check = webhook_url.resolve_checked
    monkeypatch.setattr(
        webhook_url, "resolve_checked", lambda u: "127.0.0.1" if u == url else real_check(u)
    )
    yield url, receiver
    server.shutdown()
    server.server_close()
