# Liftboard: `make run` starts the dashboard, `make test` runs every check. Both set up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
PORT ?= 8501
# Tests run in parallel worker processes, each test file whole in one worker (its module-wide
# servers and databases are set up once); browser tests mostly wait, so more workers than cores.
WORKERS ?= 3
PYTEST := $(BIN)/python -m pytest -n $(WORKERS) --dist loadfile

.PHONY: setup run test test-deep lint browser bench catalog clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $@

run: setup  ## start the dashboard on the default database, offering demo data when it is empty
	$(BIN)/liftboard serve --port $(PORT) --demo-if-empty

browser:  ## Debian's chromium for the browser tests, installed when missing and possible
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-noto-color-emoji >/dev/null; \
	else echo "No /usr/bin/chromium and no way to install it: browser tests will skip."; fi

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: setup browser lint  ## every check and test, browser tests included (Hypothesis profile ci)
	HYPOTHESIS_PROFILE=ci $(PYTEST)

test-deep: setup browser lint  ## the same with the full counts of generated inputs (profile deep)
	HYPOTHESIS_PROFILE=deep $(PYTEST)

bench: setup
	$(BIN)/liftboard bench

catalog: setup  ## rebuild data/*.csv: make catalog SOURCE=path/to/free-exercise-db/exercises.json
	$(BIN)/python -m catalog_builder $(SOURCE) --out data

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache artifacts
