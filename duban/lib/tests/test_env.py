import pytest
from django.core.exceptions import ImproperlyConfigured

from duban.lib.env import env_bool, env_int, env_list, env_secret


def test_env_bool_reads_the_usual_spellings(monkeypatch):
    for raw, expected in [("1", True), ("yes", True), ("TRUE", True), ("0", False), ("off", False)]:
        monkeypatch.setenv("X_FLAG", raw)
        assert env_bool("X_FLAG", not expected) is expected


def test_env_bool_refuses_a_malformed_value(monkeypatch):
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", False)


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_LIST", "a.example, b.example,,")
    assert env_int("X_INT", 1) == 42
    assert env_list("X_LIST", []) == ["a.example", "b.example"]
    monkeypatch.setenv("X_INT", "forty")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 1)


def test_env_secret_is_generated_once_and_kept(monkeypatch, tmp_path):
    monkeypatch.delenv("X_SECRET", raising=False)
    file = tmp_path / "secret"
    first = env_secret("X_SECRET", file)
    assert len(first) > 40
    assert env_secret("X_SECRET", file) == first
    monkeypatch.setenv("X_SECRET", "from-env")
    assert env_secret("X_SECRET", file) == "from-env"
