VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-sqlite test-postgres lint fmt migrations-check demo-reset

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# Serve the demo (Gansu 2012 plan, demo accounts) on http://127.0.0.1:$(PORT), as of 2012-09-30,
# with the worker beside it (e-mail, webhooks, the daily supervision scan); both stop together.
PORT ?= 8000
DEMO_ENV := DUBAN_DEMO=true DEBUG=true DUBAN_TODAY=2012-09-30 DUBAN_SITE_URL=http://127.0.0.1:$(PORT)

run: $(STAMP)
	$(BIN)/duban migrate --noinput
	$(DEMO_ENV) $(BIN)/duban demo load
	$(DEMO_ENV) $(BIN)/duban worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(BIN)/duban runserver 127.0.0.1:$(PORT)

test: $(STAMP) lint migrations-check test-sqlite test-postgres

# One process per core, a test file per process at a time. The browser journeys run on their own:
# they flush the database after each test, which the other tests' shared demo data must not see.
PARALLEL ?= -n auto --dist loadfile

test-sqlite: $(STAMP)
	$(BIN)/pytest $(PARALLEL) --ignore=tests/browser
	$(BIN)/pytest $(PARALLEL) tests/browser

test-postgres: $(STAMP)
	scripts/test-postgres $(PARALLEL) --ignore=tests/browser
	scripts/test-postgres $(PARALLEL) tests/browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(STAMP)
	$(BIN)/duban makemigrations --check --dry-run

demo-reset: $(STAMP)
	rm -f var/duban.sqlite3 var/duban.sqlite3-wal var/duban.sqlite3-shm
	$(BIN)/duban migrate --noinput
	$(BIN)/duban demo load
