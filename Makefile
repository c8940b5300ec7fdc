# Article analysis bundle. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARTICLE ?=
PUBLISHED ?=
OUT ?= charts
CORPUS ?=
CORPUS_OUT ?= data/processed/corpus

.DEFAULT_GOAL := help
.PHONY: help setup lab test install-check columns lint tables charts corpus screenshots bench bench-corpus lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the pinned dependencies (requirements.lock)

lab: $(STAMP) ## open the notebooks in JupyterLab on 127.0.0.1, with a fresh token (settings: lab-settings/)
	@token=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(24))'); \
	echo "JupyterLab: open http://127.0.0.1:8888/lab?token=$$token (Ctrl-C stops it)"; \
	$(PY) -m jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=8888 --ServerApp.port_retries=0 \
		--ServerApp.root_dir=notebooks --IdentityProvider.token=$$token $(if $(filter 0,$(shell id -u)),--allow-root) \
		--LabApp.app_settings_dir=lab-settings

test: $(STAMP) ## check the import layers (pyproject.toml), then run every test (the notebooks included)
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest

install-check: ## install the package non-editable into a fresh venv; build the seed's tables and charts with it
	@dir=$$(mktemp -d); trap 'rm -rf "$$dir"' EXIT; \
	$(PYTHON) -m venv "$$dir/venv" && \
	"$$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock && \
	"$$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.lock && \
	"$$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps . && \
	"$$dir/venv/bin/python" -P -m analysis tables --out "$$dir/out/tables" && \
	"$$dir/venv/bin/python" -P -m analysis charts --out "$$dir/out/charts" --formats png && \
	rm -rf build *.egg-info

columns: $(STAMP) ## write docs/columns.md, the column reference, from analysis/schemas.py
	$(PY) -c 'from analysis import paths, schemas; (paths.ROOT / "docs" / "columns.md").write_text(schemas.reference(), encoding="utf-8")'

lint: $(STAMP) ## ruff: lint and format check
	$(PY) -m ruff check analysis tests benchmarks notebooks
	$(PY) -m ruff format --check analysis tests benchmarks

tables: $(STAMP) ## write every table as CSV (ARTICLE=path, default the seed article; PUBLISHED=YYYY-MM-DD)
	$(PY) -m analysis tables $(if $(ARTICLE),--article $(ARTICLE)) $(if $(PUBLISHED),--published $(PUBLISHED))

charts: $(STAMP) ## run every notebook headless: charts and HTML pages in charts/ (ARTICLE=path, PUBLISHED=date)
	$(PY) -m analysis notebooks $(if $(ARTICLE),--article $(ARTICLE)) $(if $(PUBLISHED),--published $(PUBLISHED))

corpus: $(STAMP) ## a corpus on Dask as Parquet, then 04_corpus headless (CORPUS=folder or 'glob', CORPUS_OUT=dir)
	@test -n "$(CORPUS)" || { echo "usage: make corpus CORPUS=path/to/articles [CORPUS_OUT=$(CORPUS_OUT)]" >&2; exit 2; }
	$(PY) -m analysis corpus "$(CORPUS)" --out "$(CORPUS_OUT)"
	$(PY) -c 'import sys; from analysis import notebooks; s = notebooks.run_corpus(*sys.argv[1:]); print(f"04_corpus: {s:.0f} s, {sys.argv[1]}/04_corpus.html")' "$(CORPUS_OUT)" "$(CORPUS)"

screenshots: $(STAMP) ## refresh the JupyterLab screenshots in docs/lab/ (needs chromium)
	LAB_SCREENSHOT_DIR=docs/lab $(PY) -m pytest tests/test_lab_e2e.py -q -p no:cacheprovider

bench: $(STAMP) ## measure extraction on real stories, sentences, tables, notebooks (headless and in the browser), scale, 5 MB
	$(PY) benchmarks/bench_extraction.py
	$(PY) benchmarks/bench_sentences.py
	$(PY) benchmarks/bench_tables.py
	$(PY) benchmarks/bench_notebooks.py
	$(PY) benchmarks/bench_lab.py
	$(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/bench_big.py

bench-corpus: $(STAMP) ## a corpus on Dask (1 and 2 workers) beside the plain loop, 1,000 and 10,000 stories (over an hour)
	$(PY) benchmarks/bench_corpus.py

lock: $(STAMP) ## re-pin the dependencies in requirements.lock after editing pyproject.toml
	$(PY) -m pip install --quiet uv
	$(PY) -m uv pip compile pyproject.toml --extra test --extra bench --python-version 3.11 --generate-hashes -o requirements.lock

clean: ## remove the virtual environment and generated files
	rm -rf $(VENV) data/processed charts .pytest_cache
