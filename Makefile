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
           widgets/src/bookquiz/static/cascade.js coupbook/explorer/static/explorer.js
JS_SRC := $(shell find widgets/js/src coupbook/explorer/js/src -name '*.js' 2>/dev/null)
BOOK_JS := _vendor/coupbook/loader.js _vendor/coupbook/charts.js _vendor/coupbook/offline.js
BOOK_JS_SRC := $(shell find coupbook/sphinxext/js/src -name '*.js' 2>/dev/null)
JS_TESTS := widgets/js/test/ coupbook/sphinxext/js/test/ coupbook/explorer/js/test/
BIOME := npx --no-install biome ci widgets/js coupbook/sphinxext/js coupbook/explorer/js tests/browser biome.json
PORT   ?= 8000
BIND   ?= 127.0.0.1
LIGHTHOUSE_RUNS ?= 1
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup book instructor-book editions test lint jstest unit nbval browser lab serve serve-instructor \
        pdf bench lighthouse clean lock data hub-setup hub-test hub-link hub-bench hub-lock hub-image

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
test: editions hub-setup  ## every test: lint, unit, node, nbval on every notebook, built-book browser tests, a real hub
	tools/ensure_chromium.sh
	$(BIN)/ruff check .
	$(BIOME)
	node --test $(JS_TESTS)
	COUPBOOK_REQUIRE_BUILD=1 COUPBOOK_CHECK_COLLECTED=1 COUPBOOK_REQUIRE_HUB=1 \
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
	@echo "The load of a class on a local JupyterHub is measured separately: make hub-bench"

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

# --- JupyterHub (deploy/, pages/hub_guide.md) -------------------------------------------
# Two environments, as on a real hub: the hub's own (deploy/requirements.txt) and the students'
# (the course's pins plus deploy/user-requirements.txt), and the proxy from npm.
HUB_ENV  := deploy/envs/hub
USER_ENV := deploy/envs/user
CHP      := deploy/node_modules/.bin/configurable-http-proxy
HUB      ?= https://hub.example.edu
REPO     ?= $(shell git config --get remote.origin.url)
BRANCH   ?= main
CHAPTER  ?=
STUDENTS ?= 20
IMAGE    ?= coups-and-rebellions:latest
REF      ?= HEAD

$(HUB_ENV)/.installed: deploy/requirements.txt deploy/coursehub/pyproject.toml
	rm -rf $(HUB_ENV) && $(PYTHON) -m venv $(HUB_ENV)
	$(HUB_ENV)/bin/python -m pip install --quiet --disable-pip-version-check -r deploy/requirements.txt
	$(HUB_ENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e deploy/coursehub
	touch $@

$(USER_ENV)/.installed: requirements.txt deploy/user-requirements.txt pyproject.toml widgets/pyproject.toml deploy/coursehub/pyproject.toml
	rm -rf $(USER_ENV) && $(PYTHON) -m venv $(USER_ENV)
	$(USER_ENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r deploy/user-requirements.txt
	$(USER_ENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e ./widgets -e . -e deploy/coursehub
	touch $@

deploy/node_modules/.package-lock.json: deploy/package.json deploy/package-lock.json
	npm ci --prefix deploy --no-audit --no-fund --loglevel=error

hub-setup: setup $(HUB_ENV)/.installed $(USER_ENV)/.installed deploy/node_modules/.package-lock.json  ## install the hub's and the students' environments and the proxy (deploy/envs)

hub-test: hub-setup  ## a real JupyterHub on 127.0.0.1: sign-in, nbgitpuller link, quiz in the browser, hand-in
	tools/ensure_chromium.sh
	COUPBOOK_REQUIRE_HUB=1 $(BIN)/python -m pytest tests/hub -p no:cacheprovider

hub-link: setup  ## print an nbgitpuller link: make hub-link CHAPTER=04 HUB=https://hub... REPO=https://...git BRANCH=main
	@PYTHONPATH=deploy/coursehub $(BIN)/python -m coursehub.links --hub "$(HUB)" --repo "$(REPO)" --branch "$(BRANCH)" --chapter "$(CHAPTER)"

hub-bench: hub-setup  ## load on a local hub: STUDENTS (default 20) start servers and run a chapter; times and memory
	$(BIN)/python benchmarks/hub_load.py --students $(STUDENTS)

hub-image: setup  ## build the students' image with repo2docker (needs Docker and jupyter-repo2docker): IMAGE=name:tag REF=commit
	$(BIN)/python deploy/image/stage.py _build/hub-image --ref $(REF)
	jupyter-repo2docker --no-run --user-name jovyan --target-repo-dir /srv/course --image-name $(IMAGE) _build/hub-image

hub-lock:  ## re-resolve deploy/requirements.in and deploy/user-requirements.in into their .txt pins
	rm -rf _build/hub-lock && $(PYTHON) -m venv _build/hub-lock/hub && $(PYTHON) -m venv _build/hub-lock/user
	_build/hub-lock/hub/bin/python -m pip install --quiet -r deploy/requirements.in
	( echo "# Generated by 'make hub-lock' from deploy/requirements.in with Python 3.11; do not edit by hand."; \
	  _build/hub-lock/hub/bin/python -m pip freeze --all | grep -vE '^(pip|setuptools|wheel)==' ) > deploy/requirements.txt
	grep -E '^jupyterhub==' deploy/requirements.txt > _build/hub-lock/same-hub.txt
	_build/hub-lock/user/bin/python -m pip install --quiet -r requirements.txt -r deploy/user-requirements.in -c _build/hub-lock/same-hub.txt
	_build/hub-lock/user/bin/python -m pip freeze --all | grep -vE '^(pip|setuptools|wheel)==' | sort > _build/hub-lock/user.txt
	grep -v '^#' requirements.txt | sort > _build/hub-lock/course.txt
	( echo "# Generated by 'make hub-lock' from deploy/user-requirements.in with Python 3.11; do not edit by hand."; \
	  echo "# Only what the students' servers add to ../requirements.txt: install both files together."; \
	  comm -23 _build/hub-lock/user.txt _build/hub-lock/course.txt ) > deploy/user-requirements.txt
	rm -rf _build/hub-lock
