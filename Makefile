# The two commands a newcomer types: `make run` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# The first interpreter >= 3.12 found: python3.13, python3.12, pyenv's 3.13, then python3.
PYTHON ?= $(shell for p in python3.13 python3.12 "$$(pyenv prefix 3.13.0 2>/dev/null)/bin/python" python3; do \
	if command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; \
	then echo "$$p"; break; fi; done)
PYTEST_ARGS ?=

.PHONY: run serve worker test install install-dev messages migrate data lint typecheck pytest browser bench audit screenshots fonts clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 est nécessaire (python3.13 ou python3.12)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Translations are compiled with Babel, so no system gettext is needed to run the site.
messages: | $(BIN)/python
	$(BIN)/pybabel compile --use-fuzzy -d locale -D django >/dev/null

migrate: install messages
	$(BIN)/python manage.py migrate --noinput

data: migrate
	$(BIN)/python manage.py import_communes
	$(BIN)/python manage.py seed_demo

run: data
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The background worker (e-mails, imports, reminders, releases): as many as wanted, anywhere
# with the same environment; it takes tasks from the database one at a time.
worker: install messages
	DEBUG=false $(BIN)/python manage.py db_worker --interval 2

# Production: the environment of docs/deploy.md (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL…).
# Migrations and static files first, then gunicorn (WEB_WORKERS processes, 2 per core).
WEB_WORKERS ?= 4
BIND ?= 0.0.0.0:8000
serve: install messages
	DEBUG=false $(BIN)/python manage.py migrate --noinput
	DEBUG=false $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=false $(BIN)/gunicorn config.wsgi --workers $(WEB_WORKERS) --bind $(BIND) \
		--access-logfile - --timeout 60 --max-requests 2000 --max-requests-jitter 200

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# mypy loads the settings (django-stubs): in development mode, like the tests.
typecheck: install-dev
	DEBUG=true $(BIN)/mypy .

# Browser tests need Debian's Chromium; install it when we can (root + apt), never download one.
browser:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get install -y -q chromium >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null); fi

pytest: install-dev messages browser
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

test: lint typecheck pytest

# The load benchmark drives the server with wrk (Debian package); installed when we can.
bench: install-dev messages
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get install -y -q wrk >/dev/null || (apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null); fi
	$(BIN)/python bench/run.py

audit: install-dev messages
	bash bench/audit.sh

# Pictures of the main pages (demo data, 390 and 1280 px) into docs/screens/, with the tests' Chromium.
screenshots: install-dev messages browser
	$(BIN)/python bench/screenshots.py

# The one typeface (Fraunces, bold, Latin subset) comes from npm's @fontsource package; the copy in
# static/fonts/ is committed, so installing the site needs no npm. Run after a version bump.
FONTSOURCE := assets/node_modules/@fontsource/fraunces
fonts:
	cd assets && npm ci --no-audit --no-fund --loglevel=error
	cp $(FONTSOURCE)/files/fraunces-latin-700-normal.woff2 static/fonts/
	cp $(FONTSOURCE)/LICENSE static/fonts/fraunces-LICENSE.txt

clean:
	rm -rf $(VENV) var
