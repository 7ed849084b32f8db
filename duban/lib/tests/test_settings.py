"""Settings come from the environment: checked in a fresh interpreter, as a deployment starts."""

import json
import os
import subprocess
import sys

SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS, 'db': s.DATABASES['default']['ENGINE'], "
    "'name': str(s.DATABASES['default']['NAME']), 'lang': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE, "
    "'email': s.EMAIL_BACKEND, 'today': str(s.DUBAN_TODAY), "
    "'proxy': getattr(s, 'SECURE_PROXY_SSL_HEADER', None)}))"
)


def settings_with(tmp_path, **env) -> dict:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "ALLOWED_HOSTS"}
    }
    clean.update(DJANGO_SETTINGS_MODULE="duban.settings", DUBAN_VAR_DIR=str(tmp_path), **env)
    out = subprocess.run([sys.executable, "-c", SHOW], env=clean, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_defaults_are_an_embedded_sqlite_database_in_chinese(tmp_path):
    s = settings_with(tmp_path)
    assert s["db"] == "django.db.backends.sqlite3"
    assert s["name"] == str(tmp_path / "duban.sqlite3")
    assert s["debug"] is False
    assert s["lang"] == "zh-hans" and s["tz"] == "Asia/Shanghai"
    assert s["email"] == "django.core.mail.backends.console.EmailBackend"
    assert (tmp_path / "secret_key").exists()


def test_environment_overrides(tmp_path):
    s = settings_with(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/duban",
        DEBUG="true",
        ALLOWED_HOSTS="reform.example.gov.cn,127.0.0.1",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DUBAN_TODAY="2012-09-30",
    )
    assert s["db"] == "django.db.backends.postgresql" and s["name"] == "duban"
    assert s["debug"] is True
    assert s["hosts"] == ["reform.example.gov.cn", "127.0.0.1"]
    assert s["email"].endswith("smtp.EmailBackend")
    assert s["today"] == "2012-09-30"


def test_a_malformed_value_stops_start_up_with_its_name(tmp_path):
    env = {k: v for k, v in os.environ.items()}
    env.update(
        DJANGO_SETTINGS_MODULE="duban.settings", DUBAN_VAR_DIR=str(tmp_path), DEBUG="perhaps"
    )
    out = subprocess.run([sys.executable, "-c", SHOW], env=env, capture_output=True, text=True)
    assert out.returncode != 0
    assert "DEBUG='perhaps'" in out.stderr


def test_the_forwarded_protocol_is_trusted_only_behind_a_proxy(tmp_path):
    assert settings_with(tmp_path)["proxy"] is None
    behind = settings_with(tmp_path, DUBAN_BEHIND_PROXY="true")
    assert behind["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
