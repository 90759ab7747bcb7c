# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate demo serve demo-totp lint format messages check-deploy worker beat clean bench-matching bench-fanout

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

serve: install
	$(PY) manage.py runserver $(HOST):$(PORT)

## run: set everything up (venv, install, migrate, demo data) and serve http://127.0.0.1:8000
run: demo serve

## test: install the test dependencies and run the whole suite
test: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

## demo-totp: print the demo staff account's current TOTP code
demo-totp: install
	@$(PY) manage.py demo_totp

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: extract UI strings into the Arabic and French catalogs, then compile them
messages: install
	$(PY) manage.py makemessages -l ar -l fr --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=static
	$(PY) manage.py compilemessages --ignore=.venv

worker: install
	$(BIN)/celery -A humena worker --loglevel=INFO

beat: install
	$(BIN)/celery -A humena beat --loglevel=INFO

clean:
	rm -rf $(VENV) staticfiles var db.sqlite3

## bench-matching: time diaspora matching on 100,000 synthetic profiles (needs DATABASE_URL to PostgreSQL)
bench-matching: install
	$(PY) -m benchmarks.matching $(BENCH_ARGS)

## bench-fanout: one notification event to 100,000 recipients (needs DATABASE_URL to PostgreSQL)
bench-fanout: install
	$(PY) -m benchmarks.fanout $(BENCH_ARGS)
