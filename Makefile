# The two commands of the README: `make run` and `make test`.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
AUDIT_VENV := .venv-audit
AUDIT_DATABASE ?= sqlite

.PHONY: run test messages lint clean bench-forum bench-search bench load audit audit-ci

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

# Babel compiles the catalogues, so no system gettext is needed to run the portal.
messages: $(VENV)/.installed
	$(VENV)/bin/pybabel compile --domain django --directory locale --statistics

var:
	mkdir -p var

run: $(VENV)/.installed messages var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Serving the portal on http://127.0.0.1:$(PORT)/"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.installed-test messages var lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# Render times of the forum's main pages with 1,000 topics and 50,000 posts.
bench-forum: $(VENV)/.installed-test
	$(PY) bench/forum.py

# Search indexing throughput and query times, 1,000 to 100,000 documents, on SQLite and PostgreSQL (127.0.0.1:5432).
bench-search: $(VENV)/.installed-test
	$(PY) bench/search.py

$(VENV)/.installed-bench: $(VENV)/.installed-test requirements-bench.txt
	$(PIP) install --quiet -r requirements-bench.txt
	touch $@

# Requests per second of the main pages, cached and uncached, under gunicorn with production settings,
# on SQLite and PostgreSQL (127.0.0.1:5432), measured with wrk (Debian package); reports/bench/http.txt.
bench: $(VENV)/.installed-bench messages
	$(PY) bench/http.py

# 50 vetted members for 5 minutes (locust) against gunicorn on PostgreSQL and Redis (127.0.0.1:6379);
# reports/load/summary.txt. A quick trial: make load USERS=5 MINUTES=1
USERS ?= 50
MINUTES ?= 5
load: $(VENV)/.installed-bench messages
	$(PY) bench/load.py --users $(USERS) --minutes $(MINUTES)

# The audit's tools: axe-core, the Nu HTML checker and Lighthouse from npm; wapiti and sqlmap in a
# venv of their own, as their dependencies clash with the portal's. quality/package.json pins through
# `overrides` the two packages Lighthouse's trace engine asks for as `latest`: `npm ci` would refuse the
# lock file as soon as a new version of them is published.
quality/node_modules/.package-lock.json: quality/package.json quality/package-lock.json
	npm ci --prefix quality --no-audit --no-fund

$(AUDIT_VENV)/.installed: quality/requirements-audit.txt
	$(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet -r quality/requirements-audit.txt
	touch $@

# Every page type in every language, anonymously and as a vetted member, against the portal under
# production settings: axe-core, Nu HTML checker, security headers, Lighthouse, wapiti, sqlmap.
# Reports in reports/audit/ (summary.txt first). AUDIT_DATABASE=postgresql serves it from PostgreSQL
# (database portal_audit on 127.0.0.1:5432) instead of SQLite.
audit: $(VENV)/.installed-test messages quality/node_modules/.package-lock.json $(AUDIT_VENV)/.installed
	$(PY) quality/audit.py --database $(AUDIT_DATABASE)

# The quick part of the audit for CI: axe-core, Nu HTML checker and security headers.
audit-ci: $(VENV)/.installed-test messages quality/node_modules/.package-lock.json
	$(PY) quality/audit.py --ci --database $(AUDIT_DATABASE)

clean:
	rm -rf $(VENV) $(AUDIT_VENV) quality/node_modules var staticfiles
