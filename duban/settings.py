"""Duban's settings, read from the environment in this one place (README lists every variable)."""

import os
from datetime import date
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from duban.lib.env import env_bool, env_int, env_list, env_secret

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("DUBAN_VAR_DIR", BASE_DIR.parent / "var")).resolve()

SECRET_KEY = env_secret("SECRET_KEY", VAR_DIR / "secret_key")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Demo mode shows the demo accounts on the login page; `make run` turns it on.
DUBAN_DEMO = env_bool("DUBAN_DEMO", False)


def _today() -> date | None:
    raw = os.environ.get("DUBAN_TODAY", "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ImproperlyConfigured(f"DUBAN_TODAY={raw!r} is not a date (YYYY-MM-DD).") from None


# Every date rule takes an `as_of`; this fixes "today" for a whole deployment (the demo runs
# as of 2012-09-30). Unset, today is the real date in Asia/Shanghai.
DUBAN_TODAY = _today()

INSTALLED_APPS = [
    "duban.web",
    "duban.directory",
    "duban.audit",
    "duban.plans",
    "duban.execution",
    "duban.supervision",
    "duban.coordination",
    "duban.assessment",
    "duban.reports",
    "duban.notifications",
    "duban.api",
    "duban.search",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Serves the API docs (Swagger UI) from our own static files: the CSP allows no CDN.
    "ninja",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "duban.audit.middleware.AuditContextMiddleware",
    "duban.directory.middleware.IdleTimeoutMiddleware",
    # The one-time password comes first: before it, nothing else is reachable.
    "duban.directory.middleware.SecondFactorMiddleware",
    "duban.directory.middleware.AdministratorScopeMiddleware",
]

ROOT_URLCONF = "duban.urls"
WSGI_APPLICATION = "duban.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "duban.web.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the default so that a fresh checkout runs with no database to set up;
# production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'duban.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A kept connection is checked before each request: after a database restart the
        # first request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "directory.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"

# Password policy: at least 10 characters of three kinds (upper, lower, digits, symbols), not a
# common password, not like the account's name. Argon2id for new hashes; PBKDF2 still checks
# the old ones (and they are rehashed to Argon2 at the next sign-in).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("DUBAN_PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "duban.directory.passwords.CharacterClassValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
# Sign-in: lock an account name after this many failures in a row, and an address after its
# own limit, for the lock-out time; sign out a session idle longer than the idle time.
DUBAN_LOGIN_MAX_FAILURES = env_int("DUBAN_LOGIN_MAX_FAILURES", 5)
DUBAN_LOGIN_IP_MAX_FAILURES = env_int("DUBAN_LOGIN_IP_MAX_FAILURES", 30)
DUBAN_LOGIN_LOCKOUT_MINUTES = env_int("DUBAN_LOGIN_LOCKOUT_MINUTES", 30)
# One-time passwords (TOTP, any authenticator app): when on, the reform office and the three
# administrators give one after their password at every sign-in.
DUBAN_TOTP = env_bool("DUBAN_TOTP", False)
OTP_TOTP_ISSUER = "Duban"
DUBAN_SESSION_IDLE_MINUTES = env_int("DUBAN_SESSION_IDLE_MINUTES", 30)
# A session never outlives a working day, idle or not.
SESSION_COOKIE_AGE = env_int("DUBAN_SESSION_MAX_HOURS", 12) * 3600
# Object permissions are the apps' own `can_*` / `access_*` functions (written with the
# `rules` predicates of directory/roles.py), not Django's permission tables: one way, not two.
# LockoutBackend is Django's ModelBackend refusing locked names and addresses.
AUTHENTICATION_BACKENDS = ["duban.directory.backends.LockoutBackend"]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"

# Uploads: policy documents, task tables, evidence files.
DUBAN_UPLOAD_MAX_BYTES = env_int("DUBAN_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "duban@localhost")

# Warning-light rules: a shipped rule set's name (`default`, `strict`) or a JSON file's path.
DUBAN_LIGHT_RULES = os.environ.get("DUBAN_LIGHT_RULES", "default")

# The address people reach Duban at, for links in e-mails and chat messages.
DUBAN_SITE_URL = os.environ.get("DUBAN_SITE_URL", "http://127.0.0.1:8000")

# Chat-robot webhooks: each POST waits at most this long, and a failure is retried with
# exponential backoff (backoff, 2×, 4×, … seconds) up to the attempt limit, all in the worker.
DUBAN_WEBHOOK_TIMEOUT = env_int("DUBAN_WEBHOOK_TIMEOUT", 3)
DUBAN_WEBHOOK_ATTEMPTS = env_int("DUBAN_WEBHOOK_ATTEMPTS", 5)
DUBAN_WEBHOOK_BACKOFF = env_int("DUBAN_WEBHOOK_BACKOFF", 30)
# The only hosts a webhook may point at (https, and only if they resolve to public addresses).
DUBAN_WEBHOOK_HOSTS = env_list(
    "DUBAN_WEBHOOK_HOSTS",
    ["qyapi.weixin.qq.com", "oapi.dingtalk.com", "open.feishu.cn", "open.larksuite.com"],
)

# Backups: Django's JSON with times kept to the microsecond (see duban/lib/backup.py).
SERIALIZATION_MODULES = {"exactjson": "duban.lib.exact_json"}

# Background jobs live in the same database: no extra service to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Content-Security-Policy: no inline scripts or styles, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Production runs behind TLS; these are on unless DEBUG or explicitly turned off.
_SECURE = env_bool("DUBAN_SECURE_COOKIES", not DEBUG and not DUBAN_DEMO)
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Trust X-Forwarded-Proto only behind a proxy that sets it; otherwise any client could claim https.
if env_bool("DUBAN_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Audit trail: entries are kept this many days (at least 180, as 网络安全法 asks), then
# `duban audit prune` may remove them.
DUBAN_AUDIT_RETENTION_DAYS = env_int("DUBAN_AUDIT_RETENTION_DAYS", 365)
