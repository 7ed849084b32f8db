"""Personas shared by every test, mirroring the demo accounts (password `duban-demo`).

- coordinator: the reform office of 省发展改革委; runs the whole plan.
- leader: 省政府; reads everything, comments (批示), never edits.
- fagai: editor of 省发展改革委; edits only its own unit's work.
- caizheng: editor of 省财政厅; edits only its own unit's work, never another unit's.
- lanzhou: editor of 兰州市; a city: its own share of the plan only.
- viewer: viewer of 省财政厅; reads its unit's work, writes nothing.
- admin_user: IT staff; accounts and units, no business writes.
- security_admin: roles and sign-in locks, nothing else.
- auditor: reads and exports the audit trail, nothing else.
"""

import pytest
from django.test import override_settings
from django.utils import translation

from duban.directory.models import User
from duban.web.demo import demo_load

# Faster hashing only; what the tests check is unchanged.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A request in English leaves English active in this thread; each test starts in Chinese."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


_DB_BLOCKER = pytest.StashKey()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, pytestconfig):
    # The plan's year of history (1,500 reports, evidence files) is the demo's, not the tests'.
    pytestconfig.stash[_DB_BLOCKER] = django_db_blocker
    _load_demo(django_db_blocker)


def _load_demo(blocker) -> None:
    with blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        demo_load(history=False)


def _flushes(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    transaction = marker is not None and marker.kwargs.get("transaction", False)
    return bool(transaction or {"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """A transactional test ends by flushing the database. The demo goes back at once: the next
    test on this worker may be any file's (tests are dealt out to workers a file at a time), and
    reads the demo's regions and units without asking for an account. After the last test the
    database itself is gone."""
    try:
        return (yield)
    finally:
        if nextitem is not None and _flushes(item) and _DB_BLOCKER in item.config.stash:
            _load_demo(item.config.stash[_DB_BLOCKER])


@pytest.fixture
def demo_accounts(db) -> dict[str, User]:
    """Every demo account by username."""
    return {u.username: u for u in User.objects.select_related("unit")}


@pytest.fixture
def coordinator(demo_accounts) -> User:
    return demo_accounts["coordinator"]


@pytest.fixture
def leader(demo_accounts) -> User:
    return demo_accounts["leader"]


@pytest.fixture
def fagai(demo_accounts) -> User:
    return demo_accounts["fagai"]


@pytest.fixture
def caizheng(demo_accounts) -> User:
    return demo_accounts["caizheng"]


@pytest.fixture
def lanzhou(demo_accounts) -> User:
    return demo_accounts["lanzhou"]


@pytest.fixture
def viewer(demo_accounts) -> User:
    return demo_accounts["viewer"]


@pytest.fixture
def admin_user(demo_accounts) -> User:
    return demo_accounts["admin"]


@pytest.fixture
def security_admin(demo_accounts) -> User:
    return demo_accounts["security"]


@pytest.fixture
def auditor(demo_accounts) -> User:
    return demo_accounts["auditor"]
