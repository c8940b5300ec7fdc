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

# A new venv has whatever pip its Python brings (23.2.1 with Python 3.11.7, which rejects a
# hash-pinned lock holding extras): it gets the pip of requirements-pip.lock, by hash, first.
pinned-pip = echo "pip the new venv came with: $$($(1) -m pip --version)" && \
	$(1) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock && \
	echo "pip that installs the lock:   $$($(1) -m pip --version)"

.DEFAULT_GOAL := help
.PHONY: help setup lab test test-fast install-check columns lint tables charts corpus screenshots bench bench-corpus lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: run make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	@$(call pinned-pip,$(PY))
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

setup: $(STAMP) ## create .venv and install the pinned dependencies (requirements.lock)

lab: $(STAMP) ## open the notebooks in JupyterLab on 127.0.0.1, with a fresh token (settings: lab-settings/)
	@export JUPYTER_TOKEN=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(24))'); \
	echo "JupyterLab: open http://127.0.0.1:8888/lab?token=$$JUPYTER_TOKEN (Ctrl-C stops it)"; \
	exec $(PY) -m jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port=8888 --ServerApp.port_retries=0 \
		--ServerApp.root_dir=notebooks --ServerApp.terminals_enabled=False $(if $(filter 0,$(shell id -u)),--allow-root) \
		--LabApp.app_settings_dir=lab-settings --LabApp.extension_manager=readonly \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate

test: $(STAMP) ## check the import layers (pyproject.toml), then run every test (the notebooks, the browser and Dask included)
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest

test-fast: $(STAMP) ## the unit tests only (not the notebooks, the browser or Dask: the tests marked slow)
	$(PY) -m pytest -m "not slow"

install-check: ## install the package non-editable into a fresh venv; build the seed's tables and charts with it, outside the checkout
	@dir=$$(mktemp -d); trap 'rm -rf "$$dir" "$(CURDIR)/build" "$(CURDIR)"/*.egg-info' EXIT; \
	$(PYTHON) -m venv "$$dir/venv" && \
	$(call pinned-pip,"$$dir/venv/bin/python") && \
	"$$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.lock && \
	"$$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps . && \
	mkdir "$$dir/elsewhere" && cd "$$dir/elsewhere" && \
	seed=$$(env -u ANALYSIS_ROOT "$$dir/venv/bin/python" -P -c 'from analysis import paths; print(paths.ARTICLE)') && \
	echo "seed article of the installed package, run from $$PWD: $$seed" && \
	for f in article.txt article.meta.yaml article.facts.yaml; do \
		cmp "$(CURDIR)/data/raw/$$f" "$$(dirname "$$seed")/$$f" || exit 1; done && \
	env -u ANALYSIS_ROOT "$$dir/venv/bin/python" -P -m analysis tables --out "$$dir/out/tables" && \
	env -u ANALYSIS_ROOT "$$dir/venv/bin/python" -P -m analysis charts --out "$$dir/out/charts" --formats png && \
	test -s "$$dir/out/tables/events.csv" && test -n "$$(ls "$$dir/out/charts")" && \
	echo "install-check: the installed package built the seed's tables and charts in $$PWD"

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

bench: $(STAMP) ## measure extraction on real stories, sentences, tables, notebooks (headless and in the browser), scale, 5 MB, hostile input
	$(PY) benchmarks/bench_extraction.py
	$(PY) benchmarks/bench_sentences.py
	$(PY) benchmarks/bench_tables.py
	$(PY) benchmarks/bench_notebooks.py
	$(PY) benchmarks/bench_lab.py
	$(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/bench_big.py
	$(PY) benchmarks/bench_hostile.py

bench-corpus: $(STAMP) ## a corpus on Dask beside nlp.pipe alone: CPU per story, 1 -> 2 workers, memory after 1,000 and 10,000 stories (some twenty minutes)
	$(PY) benchmarks/bench_corpus.py --profile 30

lock: $(STAMP) ## re-pin the dependencies in requirements.lock after editing pyproject.toml, and pip (its newest) in requirements-pip.lock
	$(PY) -m pip install --quiet uv
	$(PY) -m uv pip compile pyproject.toml --extra test --extra bench --python-version 3.11 --generate-hashes -o requirements.lock
	{ echo "# The pip that installs requirements.lock, pinned by hash (make lock re-pins it). A venv starts"; \
	  echo "# with whatever pip its Python brings; pip before 24 rejects a hash-pinned lock that holds extras."; \
	  echo pip | $(PY) -m uv pip compile - --upgrade --quiet --no-header --python-version 3.11 --generate-hashes; \
	} > requirements-pip.lock.new && mv requirements-pip.lock.new requirements-pip.lock

clean: ## remove the virtual environment and generated files
	rm -rf $(VENV) data/processed charts .pytest_cache
