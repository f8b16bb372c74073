# One entry point for readers, instructors, maintainers and CI.  Newcomers need two commands:
#   make book   # set up (venv, pinned packages, vendored JS) and build the static book
#   make test   # the same set-up, then every test (lint, unit, nbval, build, browser)
# See README.md for the rest.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VENDOR := _vendor/.vendored
BUNDLES := widgets/src/bookquiz/static/quiz.js widgets/src/bookquiz/static/progress.js \
           coupbook/explorer/static/explorer.js
JS_SRC := $(shell find widgets/js/src coupbook/explorer/js/src -name '*.js' 2>/dev/null)
PORT   ?= 8000
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup book instructor-book test lint jstest unit nbval browser lab serve serve-instructor \
        pdf bench clean lock data

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

# The front ends of the quiz widgets (widgets/js/src) and of the data explorer
# (coupbook/explorer/js/src): ES modules bundled by esbuild (pinned in package.json) into each
# package's static folder (generated, git-ignored).
$(BUNDLES) &: node_modules/.package-lock.json $(JS_SRC)
	npm run --silent build
	touch $(BUNDLES)

setup: $(STAMP) $(VENDOR) $(BUNDLES)  ## create .venv from the pinned requirements, vendor and bundle the JS

# --- the book ---------------------------------------------------------------------------
book: setup  ## build the student edition into _build/html (cached; warnings are errors)
	$(BIN)/python tools/build_book.py

instructor-book: setup  ## build the instructor edition (answer keys) into _build/instructor/_build/html
	$(BIN)/python tools/build_book.py --instructor

clean:  ## delete every build output and the notebook cache (next build runs everything)
	rm -rf _build

serve: book  ## serve the student edition on http://127.0.0.1:$(PORT)/
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

serve-instructor: instructor-book  ## serve the instructor edition on http://127.0.0.1:$(PORT)/
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/instructor/_build/html

lab: setup  ## open the notebooks live in JupyterLab (INSTRUCTOR=1 shows answer keys)
	BOOKQUIZ_INSTRUCTOR=$(INSTRUCTOR) $(BIN)/jupyter lab --ip=127.0.0.1 $(ROOT_FLAG) \
	  --ServerApp.root_dir=$(CURDIR) --ServerApp.default_url=/lab/tree/chapters

# --- tests ------------------------------------------------------------------------------
test: book instructor-book  ## every test: lint, unit, node, nbval on every notebook, built-book browser tests
	tools/ensure_chromium.sh
	$(BIN)/ruff check .
	npx --no-install biome ci widgets/js coupbook/explorer/js tests/browser biome.json
	node --test widgets/js/test/ coupbook/explorer/js/test/
	COUPBOOK_REQUIRE_BUILD=1 COUPBOOK_CHECK_COLLECTED=1 \
	$(BIN)/python -m pytest tests chapters pages --nbval-lax --nbval-current-env \
	  --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:cacheprovider

lint: setup  ## ruff (Python) and Biome (JavaScript)
	$(BIN)/ruff check .
	npx --no-install biome ci widgets/js coupbook/explorer/js tests/browser biome.json

jstest: setup  ## the JavaScript unit tests (node --test)
	node --test widgets/js/test/ coupbook/explorer/js/test/

unit: setup  ## unit tests only (fast)
	$(BIN)/python -m pytest tests/unit -p no:cacheprovider

nbval: setup  ## run every notebook under nbval
	$(BIN)/python -m pytest chapters pages --nbval-lax --nbval-current-env \
	  --nbval-sanitize-with tests/nbval-sanitize.cfg -p no:cacheprovider

browser: book instructor-book  ## browser tests of the built book only
	tools/ensure_chromium.sh
	$(BIN)/python -m pytest tests/browser -p no:cacheprovider

# --- extras -----------------------------------------------------------------------------
pdf: book  ## print the chapters to PDF (print stylesheet, headless Chromium) into _build/pdf
	tools/ensure_chromium.sh
	$(BIN)/python tools/print_pdf.py

bench: setup  ## print build, cache, nbval and page-size figures (benchmarks/bench.py)
	tools/ensure_chromium.sh
	$(BIN)/python benchmarks/bench.py

UPSTREAM ?= ../shared/datasets
data: setup  ## re-derive data/derived/ from the upstream coup datasets (UPSTREAM=folder)
	$(BIN)/python -m coupbook.derive --upstream $(UPSTREAM)

lock:  ## re-resolve requirements.in into requirements.txt and environment.yml
	rm -rf _build/lock-venv
	$(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/python -m pip install --quiet -r requirements.in
	( echo "# Generated by 'make lock' from requirements.in with Python 3.11; do not edit by hand."; \
	  _build/lock-venv/bin/python -m pip freeze --all | grep -vE '^(pip|setuptools|wheel)==' ) > requirements.txt
	$(BIN)/python tools/write_environment.py
	rm -rf _build/lock-venv
