# Two set-up commands: `make run` and `make test`. Both create .venv when missing.
# The tests start PostgreSQL themselves (scripts/test-postgres.sh installs it from Debian when missing).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test migrate bench bench-peers lint clean

# vietnamadminunits (MIT) is installed for its data only, the statistics office's old -> new map
# (handlers/matching/former.py reads its files without importing it): --no-deps keeps out the code's
# own dependencies, one of which (Unidecode) is GPL.
ADMIN_UNITS := vietnamadminunits==1.0.4

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps '$(ADMIN_UNITS)'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/khaibao migrate
	$(BIN)/khaibao run

test: $(STAMP)
	$(BIN)/python -m pytest

migrate: $(STAMP)
	$(BIN)/khaibao migrate

bench: $(STAMP)
	$(BIN)/python bench/engine.py

# aiogram and python-telegram-bot echo bots beside khaibao's channel (aiogram comes with the `bench` extra only).
bench-peers: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/peers.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) data .pytest_cache .hypothesis
