"""End to end in JupyterLab: each notebook opened in a real browser and run from the Run menu.

A private JupyterLab server (tests/lab_server.py) serves a temporary copy of notebooks/, whose
`parameters` cell is rewritten so that the export cell writes into the temporary folder; the data
is read where the installed `analysis` package finds it. Debian's Chromium, driven by Playwright
(the package only: no browser download), opens each notebook, runs all cells, checks that every
cell ran without error and that every chart shows as one image, reruns a chart cell and the
export cell, and checks the exported files and the saved notebook.

Needs Chromium (`apt-get install chromium`, or CHROMIUM=/path/to/chromium) and Playwright
(`pip install playwright`; never `playwright install`). Without them the test is skipped, but
when CI is set it fails instead. With LAB_SCREENSHOT_DIR set, a screenshot of each notebook is
also written there as <notebook>.png.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import time
from pathlib import Path
from typing import NoReturn

import lab_server
import nbformat
import pytest

from analysis import paths

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

# the article notebooks (04_corpus has no chart album: tests/test_corpus_notebook.py runs it)
NOTEBOOKS = sorted(
    p.name for p in paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb") if not p.stem.endswith("_corpus")
)
CHART_CELL = re.compile(r'album\.axes\("(\w+)"')  # a chart cell names its chart here
EXPORT_CELL = "album.export(OUT"
FORMATS = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<?xml", "pdf": b"%PDF-"}  # magic bytes
STDERR = "application/vnd.jupyter.stderr"  # how the lab renders stderr and tracebacks
ERROR_TEXT = re.compile(r"Traceback|\b\w*(Error|Exception)\b")

# Deadlines, in seconds. On a 2-core machine the server answers in ~3 s, a kernel is ready in
# ~3 s and a notebook runs in ~10 s; these bounds are only reached when something is wrong.
SERVER_START = 60
KERNEL_READY = 60
RUN_ALL = 180
RUN_CELL = 60
SAVE = 30
UI_ACTION = 15  # a click, a key press, an element to appear
BROWSER_LAUNCH = 60

CHROMIUM_ARGS = [
    "--no-sandbox",  # Chromium's sandbox refuses to run as root (containers, CI)
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
]

# Settings overrides for the private server (its own app settings folder, not the virtualenv's)
# The project's own overrides, as `make lab` gives them (no "get notified about official Jupyter
# news?" toast over the notebook, no update check), and one for the test: every cell in the DOM
# (by default the lab skips rendering the cells out of view).
SETTINGS = json.loads(
    (paths.ROOT / "lab-settings" / "overrides.json").read_text(encoding="utf-8")
) | {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}

# The state of the open notebook as the user sees it: kernel status and, for each code cell,
# its prompt, source, outputs (with their MIME types) and images.
SNAPSHOT_JS = """() => {
  const panels = document.querySelectorAll('.jp-NotebookPanel');
  const panel = panels[0];
  if (!panel) return {panels: 0, status: null, kernel: null, cells: []};
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const kernel = panel.querySelector('[data-jp-item-name="kernelName"]');
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell')];
  return {
    panels: panels.length,
    status: indicator ? indicator.dataset.status : null,
    kernel: kernel ? kernel.innerText.trim() : null,
    cells: cells.map(cell => ({
      prompt: (cell.querySelector('.jp-InputPrompt') || {innerText: ''}).innerText.trim(),
      source: (cell.querySelector('.cm-content') || {innerText: ''}).innerText,
      outputs: [...cell.querySelectorAll('.jp-OutputArea-output')].map(o => ({
        mime: o.dataset.mimeType || '', text: o.innerText})),
      images: [...cell.querySelectorAll('.jp-OutputArea-output img')].map(img => ({
        mime: img.closest('.jp-OutputArea-output').dataset.mimeType || '',
        loaded: img.complete && img.naturalWidth > 0})),
    })),
  };
}"""

# The kernel named in the notebook is connected and idle, and every code cell is shown.
KERNEL_IDLE_JS = """([kernel, nCells]) => {
  const panel = document.querySelector('.jp-NotebookPanel');
  if (!panel) return false;
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const name = panel.querySelector('[data-jp-item-name="kernelName"]');
  return !!indicator && indicator.dataset.status === 'idle' && !!name
    && name.innerText.trim() === kernel
    && panel.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell').length === nCells;
}"""

# Nothing queued or running ([*]), the kernel idle, and the given cells (all when null) have
# an execution count above `after`: the run is over, whether the cells succeeded or not.
RUN_DONE_JS = """([indexes, after]) => {
  const panel = document.querySelector('.jp-NotebookPanel');
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const prompts = [...panel.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell .jp-InputPrompt')]
    .map(p => p.innerText.trim());
  if (indicator.dataset.status !== 'idle' || prompts.some(p => p.includes('*'))) return false;
  const counts = (indexes || prompts.map((_, i) => i)).map(i => {
    const m = /^\\[(\\d+)\\]:$/.exec(prompts[i]);
    return m ? Number(m[1]) : null;
  });
  return indexes === null ? counts.some(c => c !== null) : counts.every(c => c !== null && c > after);
}"""


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _missing(what: str) -> NoReturn:
    """Skip for want of a browser; in CI (CI set) fail: there the test must run."""
    message = (
        f"{what}. The JupyterLab end-to-end test needs Chromium (apt-get install chromium, or "
        "set CHROMIUM=/path/to/chromium) and Playwright (pip install playwright; no "
        "`playwright install`, the test drives that Chromium)"
    )
    if _in_ci():
        pytest.fail(f"{message}. CI is set, so this test must run, not be skipped.", pytrace=False)
    pytest.skip(message)


def _chromium() -> str:
    given = os.environ.get("CHROMIUM")
    if given:
        if not (os.path.isfile(given) and os.access(given, os.X_OK)):
            _missing(f"CHROMIUM={given} is not an executable file")
        return given
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    _missing("No Chromium found (/usr/bin/chromium, chromium on PATH, or CHROMIUM)")


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright's sync API."""
    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("The playwright package is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            chromium_sandbox=False,
            args=CHROMIUM_ARGS,
            timeout=BROWSER_LAUNCH * 1000,
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """notebooks/ copied to a temporary folder, each notebook exporting into out/<notebook>/."""
    root = tmp_path_factory.mktemp("lab")
    (root / "notebooks").mkdir()
    for name in NOTEBOOKS:
        nb = nbformat.read(paths.NOTEBOOKS / name, as_version=4)
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1, f"{name}: expected one cell tagged 'parameters'"
        out = root / "out" / Path(name).stem
        source, n = re.subn(r"(?m)^OUT = .*$", f"OUT = {str(out)!r}", params[0].source)
        assert n == 1, f"{name}: no line `OUT = ...` in the parameters cell:\n{params[0].source}"
        params[0].source = source
        nbformat.write(nb, root / "notebooks" / name)
    return root


@pytest.fixture(scope="module")
def lab(workspace, request) -> lab_server.LabServer:
    """A private JupyterLab server on the copy; always stopped (its kernels with it)."""
    server = lab_server.start(
        workspace / "server", workspace / "notebooks", overrides=SETTINGS, timeout=SERVER_START
    )
    request.addfinalizer(server.stop)
    return server


def test_notebooks_found():
    assert NOTEBOOKS, f"no notebooks in {paths.NOTEBOOKS}"


def test_settings_overrides_apply(lab):
    """The overrides are the server's defaults: otherwise cells out of view are not rendered."""
    for plugin, values in SETTINGS.items():
        schema = lab.api("GET", f"/lab/api/settings/{plugin}")["schema"]["properties"]
        for key, value in values.items():
            assert schema[key]["default"] == value, (plugin, key)


@pytest.mark.parametrize("name", NOTEBOOKS, ids=lambda name: Path(name).stem)
def test_notebook_runs_in_jupyterlab(name, browser, lab, workspace, tmp_path):
    stem = Path(name).stem
    path = workspace / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    charts = {i: m.group(1) for i, s in enumerate(code) if (m := CHART_CELL.search(s))}
    exports = [i for i, s in enumerate(code) if EXPORT_CELL in s]
    assert charts, f"{name} has no chart cell ({CHART_CELL.pattern})"
    assert exports == [len(code) - 1], f"{name}: the last code cell must be the export cell"
    out = workspace / "out" / stem

    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(UI_ACTION * 1000)
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        # Open the notebook and wait for its kernel.
        page.goto(lab.lab_url(name), wait_until="domcontentloaded", timeout=KERNEL_READY * 1000)
        page.wait_for_function(
            KERNEL_IDLE_JS,
            arg=[nb.metadata.kernelspec.display_name, len(code)],
            timeout=KERNEL_READY * 1000,
            polling=100,
        )

        # Run > Run All Cells, as a user would.
        started = time.perf_counter()
        page.locator("#jp-menu-panel").get_by_role("menuitem", name="Run", exact=True).click()
        page.locator(".lm-Menu .lm-Menu-item", has_text=re.compile(r"^Run All Cells")).click()
        _wait_run(page, None, 0, RUN_ALL)
        if os.environ.get("LAB_TIMINGS"):  # benchmarks/bench_lab.py reads these; never asserted
            with open(os.environ["LAB_TIMINGS"], "a", encoding="utf-8") as log:
                log.write(f"{stem},{time.perf_counter() - started:.3f}\n")
        snap = page.evaluate(SNAPSHOT_JS)
        assert snap["panels"] == 1, "one notebook open, no other restored from a workspace"
        cells = snap["cells"]
        assert len(cells) == len(code), "every code cell rendered (windowing off)"
        for i, cell in enumerate(cells):
            first_line = code[i].splitlines()[0] if code[i] else ""
            assert cell["source"].startswith(first_line), (i, cell["source"][:80])
            _assert_no_error(cell, i)
        # A fresh kernel ran each code cell once, in order.
        assert [cell["prompt"] for cell in cells] == [f"[{n}]:" for n in range(1, len(code) + 1)]
        for i, chart in charts.items():
            _assert_one_image(cells[i], chart)
        _check_widgets(page, code)
        _check_exported(out, list(charts.values()))

        # Save, and check what the lab wrote to disk agrees.
        page.locator('.jp-NotebookPanel-toolbar [data-command="docmanager:save"]').click()
        _check_saved(path, charts)

        # Rerun one chart cell on its own (Shift+Enter): still one image, not two.
        first_chart = next(iter(charts))
        _run_cell(page, first_chart, "Shift+Enter", after=len(code))
        cell = page.evaluate(SNAPSHOT_JS)["cells"][first_chart]
        assert cell["prompt"] == f"[{len(code) + 1}]:"
        _assert_no_error(cell, first_chart)
        _assert_one_image(cell, charts[first_chart])

        # Rerun the export cell (Ctrl+Enter: run, stay on the cell) into an emptied folder.
        shutil.rmtree(out)
        export = exports[0]
        _run_cell(page, export, "Control+Enter", after=len(code) + 1)
        cell = page.evaluate(SNAPSHOT_JS)["cells"][export]
        assert cell["prompt"] == f"[{len(code) + 2}]:"
        _assert_no_error(cell, export)
        shown = "\n".join(o["text"] for o in cell["outputs"])  # the list of files written
        assert all(chart in shown for chart in charts.values()), shown
        _check_exported(out, list(charts.values()))

        assert not page_errors, f"uncaught errors in the page: {page_errors}"

        # Screenshot, the first chart in view (the page itself does not scroll: full page is
        # the window).
        page.locator(".jp-Notebook .jp-Cell.jp-CodeCell").nth(first_chart).evaluate(
            "cell => cell.scrollIntoView({block: 'start'})"
        )
        shot = tmp_path / f"{stem}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.read_bytes().startswith(FORMATS["png"])
        if os.environ.get("LAB_SCREENSHOT_DIR"):
            target = Path(os.environ["LAB_SCREENSHOT_DIR"])
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, target / f"{stem}.png")
    except BaseException:
        with contextlib.suppress(Exception):
            page.screenshot(path=tmp_path / f"{stem}-failure.png", full_page=True)
        print(f"screenshot: {tmp_path / f'{stem}-failure.png'}\nserver log:\n{lab.log()}")
        raise
    finally:
        context.close()
        with contextlib.suppress(OSError):
            lab.shutdown_kernels()  # one kernel at a time on small machines


def _wait_run(page, indexes: list[int] | None, after: int, timeout: float) -> None:
    """Wait until a run is over: all cells (indexes None) or the cells given, counted > after."""
    page.wait_for_function(RUN_DONE_JS, arg=[indexes, after], timeout=timeout * 1000, polling=100)


def _run_cell(page, index: int, key: str, *, after: int) -> None:
    """Select code cell `index` by its prompt, press `key`, wait for it to have run."""
    cell = page.locator(".jp-Notebook .jp-Cell.jp-CodeCell").nth(index)
    cell.locator(".jp-InputPrompt").click()
    assert "jp-mod-active" in (cell.get_attribute("class") or "").split(), "cell not selected"
    page.keyboard.press(key)
    _wait_run(page, [index], after, RUN_CELL)


def _assert_no_error(cell: dict, index: int) -> None:
    errors = [
        o["text"] for o in cell["outputs"] if o["mime"] == STDERR and ERROR_TEXT.search(o["text"])
    ]
    errors += [o["text"] for o in cell["outputs"] if "Error displaying widget" in o["text"]]
    assert not errors, f"code cell {index} ({cell['source'][:60]!r}) shows an error:\n{errors}"


def _assert_one_image(cell: dict, chart: str) -> None:
    assert CHART_CELL.search(cell["source"]), cell["source"][:80]
    images = cell["images"]
    assert len(images) == 1, f"{chart}: {len(images)} images, expected exactly one"
    assert images[0]["mime"] == "image/png", images[0]
    assert images[0]["loaded"], f"{chart}: the image did not load"


def _check_widgets(page, code: list[str]) -> None:
    """The term explorer renders as a live widget: choosing a term updates its lines."""
    for i, source in enumerate(code):
        if "TermExplorer(" not in source:
            continue
        cell = page.locator(".jp-Notebook .jp-Cell.jp-CodeCell").nth(i)
        select = cell.locator(".widget-dropdown select")
        options = select.locator("option").all_inner_texts()
        assert len(options) >= 2, options
        term = options[1]
        select.select_option(label=term)
        # the kernel answers with the new term's keyword-in-context lines and its strip, a picture
        output = cell.locator(
            ".widget-output", has_text=re.compile(rf"^{re.escape(term)}: \d+ occurrence")
        )
        output.wait_for(timeout=RUN_CELL * 1000)
        output.locator("img").first.wait_for(timeout=RUN_CELL * 1000)
        assert "<Figure size" not in output.inner_text(), output.inner_text()


def _check_exported(out: Path, charts: list[str]) -> None:
    """Every chart of the notebook in each format, listed in manifest.json with its files.

    The manifest may list more than the chart cells (pages the export adds); every file it
    lists must be there.
    """
    manifest = {e["name"]: e for e in json.loads((out / "manifest.json").read_bytes())["charts"]}
    missing = sorted(set(charts) - set(manifest))
    assert not missing, f"charts missing from {out / 'manifest.json'}: {missing}"
    for chart in charts:
        assert manifest[chart]["files"] == [f"{chart}.{fmt}" for fmt in FORMATS], manifest[chart]
        for fmt, magic in FORMATS.items():
            data = (out / f"{chart}.{fmt}").read_bytes()
            assert data.startswith(magic), f"{chart}.{fmt} is not a {fmt.upper()} file"
    for entry in manifest.values():
        for file in entry["files"]:
            assert (out / file).stat().st_size > 0, f"{file} listed in the manifest is empty"
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert not leftovers, f"temporary files left in {out}: {leftovers}"


def _check_saved(path: Path, charts: dict[int, str]) -> None:
    """The saved notebook: every code cell counted, no error output, one PNG per chart cell."""
    deadline = time.monotonic() + SAVE
    while True:
        try:
            nb = nbformat.read(path, as_version=4)
        except ValueError:  # the server writes the file in place: caught half written
            code = []
        else:
            code = [c for c in nb.cells if c.cell_type == "code"]
        if code and all(c.execution_count is not None for c in code):
            break
        assert time.monotonic() < deadline, f"{path.name} was not saved within {SAVE} s"
        time.sleep(0.2)
    for i, cell in enumerate(code):
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"code cell {i}: {errors}"
        if i in charts:
            pngs = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert len(pngs) == 1, f"{charts[i]}: {len(pngs)} PNG outputs saved"
