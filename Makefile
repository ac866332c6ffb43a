# The two commands of the README: `make run` and `make test`.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip

.PHONY: run test messages lint clean bench-forum bench-search

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

clean:
	rm -rf $(VENV) var staticfiles
