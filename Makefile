# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lock migrate demo serve demo-totp lint format messages check-deploy worker beat clean bench-matching bench-fanout bench bench-quick wrk

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Dependencies come from the hashed lock files (`make lock` writes them from pyproject.toml);
# the project itself is installed on top, without its dependencies. `pip check` fails when
# pyproject.toml names a dependency the lock file does not have: run `make lock`.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The lock files target CPython 3.11 on Linux, whatever machine runs `make lock`.
LOCK_ARGS := --quiet --generate-hashes --python-version 3.11 --python-platform linux --upgrade

## lock: pin every dependency at its newest release allowed by pyproject.toml, with hashes
lock: | $(BIN)/activate
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock  # uv, at its locked version
	$(BIN)/uv pip compile pyproject.toml $(LOCK_ARGS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_ARGS) -o requirements-dev.lock

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
	$(PY) manage.py makemessages -l ar -l fr --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=static --ignore=tests --ignore=artifacts
	$(PY) manage.py compilemessages --ignore=.venv

worker: install
	$(BIN)/celery -A humena worker --loglevel=INFO

beat: install
	$(BIN)/celery -A humena beat --loglevel=INFO

clean:
	rm -rf $(VENV) staticfiles var db.sqlite3

# The load generator is Debian's wrk (`apt-get install -y wrk`): installed here when this user
# can, else the suite falls back to its own Python load generator (and says so).
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || \
	  echo "wrk is missing (apt-get install -y wrk): the Python load generator will be used"

## bench: the performance suite of issue 10 (about 15 minutes; needs PostgreSQL and Redis; see benchmarks/README.md)
bench: install-dev wrk
	$(PY) -m benchmarks.bench $(BENCH_ARGS)

## bench-quick: the same suite on a small data set (under 2 minutes), with the query budgets gated
bench-quick: install-dev wrk
	$(PY) -m benchmarks.bench --quick --gate queries $(BENCH_ARGS)

## bench-matching: time diaspora matching on 100,000 synthetic profiles (needs DATABASE_URL to PostgreSQL)
bench-matching: install
	$(PY) -m benchmarks.matching $(BENCH_ARGS)

## bench-fanout: one notification event to 100,000 recipients (needs DATABASE_URL to PostgreSQL)
bench-fanout: install
	$(PY) -m benchmarks.fanout $(BENCH_ARGS)
