"""The notebooks: committed clean, narrative in shape, and they run, rerun and export."""

import base64
import json
import re

import nbformat
import pytest
from nbclient import NotebookClient

from analysis import notebooks, paths
from analysis.viz import charts, corpus_charts

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
# the article notebooks; 04_corpus reads a corpus's output (tests/test_corpus_notebook.py)
ARTICLE_NOTEBOOKS = [p for p in NOTEBOOKS if p.stem != notebooks.CORPUS_NOTEBOOK]
CHART_CELL = re.compile(r'album\.axes\("(\w+)"')


def _register(path) -> dict:
    """The charts a notebook draws: the article notebooks' (`charts.CHARTS`, each with a
    recipe) or the corpus notebook's (`corpus_charts.CORPUS_CHARTS`: the cells are theirs)."""
    if path.stem == notebooks.CORPUS_NOTEBOOK:
        return corpus_charts.CORPUS_CHARTS
    return {n: c for n, c in charts.CHARTS.items() if c.notebook == path.stem}


def _chart(cell) -> str | None:
    """The name of the chart a code cell draws, or None."""
    m = CHART_CELL.search(cell.source) if cell.cell_type == "code" else None
    return m.group(1) if m else None


def test_four_numbered_notebooks():
    assert [p.name for p in NOTEBOOKS] == [
        "01_article.ipynb", "02_terms.ipynb", "03_facts.ipynb", "04_corpus.ipynb"
    ]  # fmt: skip
    assert notebooks.article_notebooks() == NOTEBOOKS[:3]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs_with_python3_kernelspec(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_narrative_shape(path):
    nb = nbformat.read(path, as_version=4)
    cells = nb.cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    assert "01_article.ipynb" in cells[0].source and "03_facts.ipynb" in cells[0].source
    assert "parameters" in cells[1].metadata.get("tags", [])
    setup = [c for c in cells if c.cell_type == "code" and "import analysis" in c.source]
    assert len(setup) == 1
    names = []
    for i, cell in enumerate(cells):
        if _chart(cell):
            names.append(_chart(cell))
            assert 2 <= len(cell.source.splitlines()) <= 6, cell.source
            caption = cells[i + 1]
            assert caption.cell_type == "markdown" and caption.source.count(". ") == 0, (
                caption.source
            )
    assert names == list(_register(path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_generated_parts_are_in_step(path):
    """Each chart cell is its recipe word for word, and the navigation line links every notebook
    by its title (`notebooks.refresh()` rewrites both)."""
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].source.split("\n")[2] == notebooks.navigation()
    for cell in nb.cells:
        if _chart(cell) and path.stem != notebooks.CORPUS_NOTEBOOK:  # (its cells are its own)
            assert cell.source == notebooks.chart_cell(_chart(cell)), _chart(cell)


def _run(path, out, *, rerun=False):
    """Execute a notebook with OUT set to `out`; with `rerun`, run every code cell a second time."""
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source = f"ARTICLE = None\nPUBLISHED = None\nOUT = {str(out)!r}"
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
    )
    with client.setup_kernel():
        for i, cell in enumerate(nb.cells):
            client.execute_cell(cell, i)
        first = [(_images(c), _errors(c)) for c in nb.cells]
        second = None
        if rerun:
            for i, cell in enumerate(nb.cells):
                client.execute_cell(cell, i)
            second = [(_images(c), _errors(c)) for c in nb.cells]
    return nb, first, second


def _images(cell):
    return [
        base64.b64decode(o["data"]["image/png"])
        for o in cell.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]


def _errors(cell):
    errs = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
    errs += [
        o
        for o in cell.get("outputs", [])
        if o.get("name") == "stderr" and "Traceback" in o.get("text", "")
    ]
    return errs


@pytest.mark.slow  # each notebook executed twice
@pytest.mark.parametrize("path", ARTICLE_NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_reruns_and_exports(path, tmp_path):
    nb, first, second = _run(path, tmp_path / "a", rerun=True)
    for cell, (images, errors) in zip(nb.cells, first):
        assert not errors, errors
        if cell.cell_type == "code":
            assert cell.execution_count is not None
            if _chart(cell):
                assert len(images) == 1, cell.source  # one chart, never drawn twice
    # every cell run a second time in the same kernel gives the same charts
    assert [im for im, _ in first] == [im for im, _ in second]
    assert all(not errors for _, errors in second)
    expected = {c.name for c in charts.CHARTS.values() if c.notebook == path.stem}
    written = {p.stem for p in (tmp_path / "a").glob("*.png")}
    assert written == expected
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))
    pages = {"article"} if path.stem == "01_article" else set()
    assert {e["name"] for e in manifest["charts"]} == expected | pages
    assert all((tmp_path / "a" / f).is_file() for e in manifest["charts"] for f in e["files"])
    # restart and run all again: the same outputs and the same files, byte for byte
    _, again, _ = _run(path, tmp_path / "b")
    assert [im for im, _ in first] == [im for im, _ in again]
    for f in sorted((tmp_path / "a").iterdir()):
        assert (tmp_path / "b" / f.name).read_bytes() == f.read_bytes(), f.name
