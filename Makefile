# One entry point for readers, instructors, maintainers and CI.  Newcomers need two commands:
#   make book   # set up (venv, pinned packages, vendored JS) and build the static book
#   make test   # the same set-up, then every test (lint, unit, nbval, build, browser)
# See README.md for the rest.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VENDOR := _vendor/.vendored
BUNDLES := widgets/src/bookquiz/static/quiz.js widgets/src/bookquiz/static/progress.js
JS_SRC := $(shell find widgets/js/src -name '*.js' 2>/dev/null)
BOOK_JS := _vendor/coupbook/loader.js _vendor/coupbook/charts.js _vendor/coupbook/offline.js
BOOK_JS_SRC := $(shell find coupbook/sphinxext/js/src -name '*.js' 2>/dev/null)
JS_TESTS := widgets/js/test/ coupbook/sphinxext/js/test/
BIOME := npx --no-install biome ci widgets/js coupbook/sphinxext/js tests/browser biome.json
PORT   ?= 8000
BIND   ?= 127.0.0.1
LIGHTHOUSE_RUNS ?= 1
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup book instructor-book editions test lint jstest unit nbval browser lab serve serve-instructor \
        pdf bench lighthouse clean lock data

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 20

# --- set-up -----------------------------------------------------------------------------
$(STAMP): requirements.txt pyproject.toml widgets/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e ./widgets -e .
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(VENDOR): $(STAMP) node_modules/.package-lock.json package.json tools/vendor_assets.py
	$(BIN)/python tools/vendor_assets.py
	touch $@

# The quiz widgets' front end: ES modules in widgets/js/src bundled by esbuild (pinned in
# package.json) into bookquiz's static folder (generated, git-ignored).
$(BUNDLES) &: node_modules/.package-lock.json $(JS_SRC)
	npm run --silent build:widgets
	touch $(BUNDLES)

# The book's own scripts (widget loader, charts, service-worker registration): ES modules in
# coupbook/sphinxext/js/src bundled by esbuild into _vendor/coupbook/ (served as _static/coupbook/).
$(BOOK_JS) &: node_modules/.package-lock.json $(BOOK_JS_SRC)
	npm run --silent build:book
	touch $(BOOK_JS)

setup: $(STAMP) $(VENDOR) $(BUNDLES) $(BOOK_JS)  ## create .venv from the pinned requirements, vendor and bundle the JS

# --- the book ---------------------------------------------------------------------------
# Both editions render from one cached execution of the notebooks (tools/build_book.py).
book: setup  ## build the student edition into _build/html (cached; warnings are errors)
	$(BIN)/python tools/build_book.py --edition student

instructor-book: setup  ## build the instructor edition (answer keys) into _build/instructor/html
	$(BIN)/python tools/build_book.py --edition instructor

editions: setup  ## build both editions (the notebooks run once for both)
	$(BIN)/python tools/build_book.py --edition both

clean:  ## delete every build output and the notebook cache (next build runs everything)
	rm -rf _build

# tools/serve.py: gzip-compressed responses, ETags and cache headers (BIND=0.0.0.0 serves a classroom).
serve: book  ## serve the student edition on http://127.0.0.1:$(PORT)/ (compressed, cached)
	$(BIN)/python tools/serve.py _build/html --port $(PORT) --bind $(BIND)

serve-instructor: instructor-book  ## serve the instructor edition on http://127.0.0.1:$(PORT)/
	$(BIN)/python tools/serve.py _build/instructor/html --port $(PORT) --bind $(BIND)

# MyST (citations, cross-references, admonitions) renders through jupyterlab-myst.  News and
# update checks are off: lab-settings/overrides.json sets JupyterLab's defaults (no pop-up asking
# to fetch news), and the server neither fetches news nor checks for updates.
LAB_FLAGS := --LabApp.app_settings_dir=$(CURDIR)/lab-settings --LabApp.news_url=None \
             --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate
lab: setup  ## open the notebooks live in JupyterLab (INSTRUCTOR=1 shows answer keys)
	BOOKQUIZ_INSTRUCTOR=$(INSTRUCTOR) $(BIN)/jupyter lab --ip=127.0.0.1 $(ROOT_FLAG) $(LAB_FLAGS) \
	  --ServerApp.root_dir=$(CURDIR) --ServerApp.default_url=/lab/tree/chapters

# --- tests ------------------------------------------------------------------------------
test: editions  ## every test: lint, unit, node, nbval on every notebook, built-book browser tests
	tools/ensure_chromium.sh
	$(BIN)/ruff check .
	$(BIOME)
	node --test $(JS_TESTS)
	COUPBOOK_REQUIRE_BUILD=1 COUPBOOK_CHECK_COLLECTED=1 \
	$(BIN)/python -m pytest tests chapters pages --nbval-lax --nbval-current-env \
	  --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:cacheprovider

lint: setup  ## ruff (Python) and Biome (JavaScript)
	$(BIN)/ruff check .
	$(BIOME)

jstest: setup  ## the JavaScript unit tests (node --test)
	node --test $(JS_TESTS)

unit: setup  ## unit tests only (fast)
	$(BIN)/python -m pytest tests/unit -p no:cacheprovider

nbval: setup  ## run every notebook under nbval
	$(BIN)/python -m pytest chapters pages --nbval-lax --nbval-current-env \
	  --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:cacheprovider

browser: editions  ## browser tests of the built book only
	tools/ensure_chromium.sh
	$(BIN)/python -m pytest tests/browser -p no:cacheprovider

# --- extras -----------------------------------------------------------------------------
pdf: book  ## print the chapters to PDF (print stylesheet, headless Chromium) into _build/pdf
	tools/ensure_chromium.sh
	$(BIN)/python tools/print_pdf.py

lighthouse: book  ## Lighthouse 12 (mobile) on four pages -> _build/lighthouse/ (LIGHTHOUSE_RUNS=3: median)
	tools/ensure_chromium.sh
	$(BIN)/python tools/lighthouse.py --runs $(LIGHTHOUSE_RUNS)

bench: lighthouse  ## print build, nbval, page-weight budgets and Lighthouse figures (benchmarks/bench.py)
	$(BIN)/python benchmarks/bench.py

UPSTREAM ?= ../shared/datasets
data: setup  ## re-derive data/derived/ from the upstream coup datasets (UPSTREAM=folder)
	$(BIN)/python -m coupbook.derive --upstream $(UPSTREAM)

# Keeps the versions already in requirements.txt (adding what requirements.in gained);
# `make lock UPGRADE=1` re-resolves everything to the newest versions.  Needs no set-up venv.
LOCK_CONSTRAINTS := $(if $(UPGRADE),,$(if $(wildcard requirements.txt),-c requirements.txt,))
lock:  ## pin requirements.in into requirements.txt and environment.yml (UPGRADE=1: newest versions)
	rm -rf _build/lock-venv
	$(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.in $(LOCK_CONSTRAINTS)
	( echo "# Generated by 'make lock' from requirements.in with Python 3.11; do not edit by hand."; \
	  _build/lock-venv/bin/python -m pip freeze --all | grep -vE '^(pip|setuptools|wheel)==' ) > requirements.txt.new
	mv requirements.txt.new requirements.txt
	$(PYTHON) tools/write_environment.py
	rm -rf _build/lock-venv
