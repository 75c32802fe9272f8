# Citédu — the README's two commands, and the quality gate.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The application packages, checked for logic written twice (migrations and data files aside).
APPS := citedu shared worker notifications actors legal strategy indicators followup charts documents portal api demo maintenance

.PHONY: run test quality format messages install node-tools bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP) node-tools

# Lighthouse, which the suite runs on the public pages, from package-lock.json (package.json overrides
# two "latest" dependencies of its trace engine, which npm ci would refuse); skipped with a warning
# where npm is missing (the test is then skipped, except with CI set, where it fails).
node-tools: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "npm introuvable : le test Lighthouse sera sauté (il est requis en CI)."; fi

# Compiled translations (English); skipped with a warning where GNU gettext is missing.
messages: $(STAMP)
	@if command -v msgfmt >/dev/null; then \
		DEBUG=1 $(BIN)/python manage.py compilemessages --verbosity 0 --ignore '.venv/*'; \
	else echo "msgfmt (gettext) introuvable : l'interface restera en français seulement."; fi

run: $(STAMP) messages
	@mkdir -p var
	DEBUG=1 $(BIN)/python manage.py migrate --verbosity 0
	DEBUG=1 $(BIN)/python manage.py loaddemo --users --if-empty
	@echo ""
	@echo "  Citédu : http://$(HOST):$(PORT)/"
	@echo "  Espace de co-construction : http://$(HOST):$(PORT)/admin/"
	@echo "  Comptes de démonstration (mot de passe « demo ») : admin, coordination, pilote, pilote-jeunesse, pilote-culture, partenaire, copil"
	@echo "  Tâches de fond (documents PDF, courriels) : le processus « runworker » tourne à côté."
	@echo ""
	@# The worker runs beside the web server and stops with it (Ctrl+C, or either one ending).
	@DEBUG=1 $(BIN)/python manage.py runworker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP) messages node-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

quality: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/pylint --rcfile=pyproject.toml $(APPS)
	$(BIN)/djlint --lint templates */templates
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run --verbosity 1

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var staticfiles node_modules
