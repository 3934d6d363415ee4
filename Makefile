# Desist's front door. `make run` and `make test` set everything up first (idempotently).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := python3-venv chromium fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0
ASSETS := desist/static/build/.built

.PHONY: run test lint check-tests bench setup system-deps assets clean

run: setup
	DESIST_DEMO=True $(BIN)/python -m desist migrate --no-input -v0
	DESIST_DEMO=True $(BIN)/python -m desist seed_demo --if-empty
	@echo "Desist is at http://127.0.0.1:8000 (stop with Ctrl+C)"
	DESIST_DEMO=True DEBUG=True $(BIN)/python -m desist runserver 127.0.0.1:8000

test: setup lint check-tests

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL= DJANGO_SETTINGS_MODULE=desist.test_settings $(BIN)/python -m desist makemigrations --check --dry-run

check-tests: setup
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# Benchmark at national scale on PostgreSQL (see desist/bench/run.py; not part of the tests).
bench: setup
	$(BIN)/python -m desist.bench.run $(BENCH_ARGS)

setup: system-deps $(VENV)/.installed $(ASSETS)

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Please install:$$missing (for example: sudo apt-get install$$missing)"; fi; \
	fi

$(VENV)/.installed: requirements/base.txt requirements/dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements/dev.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(ASSETS): package.json package-lock.json desist/assets/build.mjs desist/assets/desist.scss
	npm ci --no-audit --no-fund --loglevel=error
	node desist/assets/build.mjs
	touch $@

clean:
	rm -rf $(VENV) node_modules desist/static/build var
