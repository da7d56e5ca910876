# Two commands do everything on a fresh clone: `make serve` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON_WANTED := 3.13
IS_WANTED := -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))'
# The first Python 3.13 on PATH (pyenv resolves `python3` to it through .python-version).
PYTHON := $(shell for p in python$(PYTHON_WANTED) python3 python; do \
  command -v $$p >/dev/null 2>&1 && $$p $(IS_WANTED) 2>/dev/null && { command -v $$p; break; }; done)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# nginx's Brotli module (Debian's libnginx-mod-http-brotli-static), for brotli_static.
BROTLI_MODULE := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so

.PHONY: serve test build setup system-packages test-system-packages lint typecheck golden bench clean

serve: setup system-packages
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: setup system-packages
	$(BIN)/mkdocs build --strict

test: setup test-system-packages lint typecheck
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy decision_tree scripts

# Speed, as ratios against baselines measured in the same run (see README, "Speed").
bench: setup test-system-packages
	$(BIN)/python -m scripts.bench

# Regenerate the committed table of every path and its outcome (review it as a diff).
golden: setup
	$(BIN)/python -m decision_tree paths off-the-record --format tsv > tests/golden/off-the-record.tsv

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "error: Python $(PYTHON_WANTED) is needed (it must match the Python of the pinned Pyodide); install it, e.g. 'pyenv install $(PYTHON_WANTED)', and run make again" >&2; exit 1; fi
	@if [ -x $(BIN)/python ] && ! $(BIN)/python $(IS_WANTED); then rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@# Lets MkDocs hooks and tools import `decision_tree` and `scripts` from this checkout.
	echo "$(CURDIR)" > "$$($(BIN)/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/off-the-record-checkout.pth"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# What the build needs (Graphviz draws the tree diagram).
system-packages:
	@scripts/ensure_system_packages.sh dot=graphviz

# And what only the tests and the bench need: a browser, and nginx to serve as production does.
test-system-packages: system-packages
	@scripts/ensure_system_packages.sh chromium=chromium nginx=nginx-light \
	  $(BROTLI_MODULE)=libnginx-mod-http-brotli-static

clean:
	rm -rf site .cache $(VENV) node_modules
