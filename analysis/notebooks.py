"""Run the notebooks headless: each executed in a fresh kernel and saved as an HTML page.

    python -m analysis notebooks [--article PATH] [--out DIR]

The article path and output folder are injected into each notebook's `parameters` cell (the
papermill convention), so the exported charts and the HTML pages land together in DIR. Any
error in any cell stops the run with the notebook and cell named.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from . import paths

CORPUS_NOTEBOOK = "04_corpus"  # its parameters are a corpus's folders, not an article


def notebooks() -> list[Path]:
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def article_notebooks() -> list[Path]:
    """The notebooks of one article (ARTICLE, PUBLISHED, OUT): all but the corpus notebook."""
    return [p for p in notebooks() if p.stem != CORPUS_NOTEBOOK]


def run(
    out: str | Path,
    article: str | Path | None = None,
    *,
    html: bool = True,
    only: list[Path] | None = None,
    published: str | None = None,
) -> dict[str, float]:
    """Execute every article notebook (or those in `only`), each in its own kernel, as many at
    once as there are cores; write <out>/<notebook>.html. Returns seconds per notebook."""
    import asyncio

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # a file made absolute (the kernel runs in notebooks/); an address as it is (each kernel
    # fetches the page)
    article_value = str(Path(article).resolve()) if _is_file_name(article) else article
    params = f"ARTICLE = {article_value!r}\nPUBLISHED = {published!r}\nOUT = {str(out.resolve())!r}"
    chosen = list(only or article_notebooks())

    async def all_of_them() -> list[float]:
        gate = asyncio.Semaphore(_cores())

        async def one(path: Path) -> float:
            async with gate:
                return await _execute_async(
                    path, params, out / f"{path.stem}.html" if html else None
                )

        return await asyncio.gather(*(one(p) for p in chosen))

    return dict(zip((p.stem for p in chosen), asyncio.run(all_of_them())))


def _is_file_name(article) -> bool:
    from .reading.page import is_address

    return article is not None and not is_address(article)


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_corpus(out: str | Path, corpus: str | Path | None = None, *, html: bool = True) -> float:
    """Execute the corpus notebook on the corpus tables in `out` (running `corpus` into it
    first, or resuming, when given); write <out>/04_corpus.html. Returns seconds."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # (absolute: the kernel runs in notebooks/, and a folder or glob is relative to here)
    corpus_value = None if corpus is None else os.path.abspath(corpus)
    params = f"CORPUS = {corpus_value!r}\nOUT = {str(out.resolve())!r}"
    page = out / f"{CORPUS_NOTEBOOK}.html" if html else None
    return _execute(paths.NOTEBOOKS / f"{CORPUS_NOTEBOOK}.ipynb", params, page)


def _execute(path: Path, params: str, page: Path | None) -> float:
    """Run a notebook in a fresh kernel with its `parameters` cell set to `params`; write it
    as an HTML page to `page` (None: no page). Returns seconds."""
    import asyncio

    return asyncio.run(_execute_async(path, params, page))


async def _execute_async(path: Path, params: str, page: Path | None) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    next(c for c in nb.cells if "parameters" in c.metadata.get("tags", [])).source = params
    start = time.perf_counter()
    await NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
        # the kernel's own log says only errors: its warning that a local kernel talks over
        # TCP without encryption is no news to a reader of a notebook run on their machine
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    ).async_execute()
    seconds = time.perf_counter() - start
    if page is not None:
        from nbconvert import HTMLExporter

        from .atomic import write_atomic

        body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
        write_atomic(page, body.encode("utf-8"))
    return seconds


# ---- the notebooks' generated parts: the navigation line and the chart cells ----------------


def navigation() -> str:
    """The line that links every notebook, each by its number and title ("01 The article")."""
    import json

    links = []
    for path in notebooks():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        title = "".join(cells[0]["source"]).splitlines()[0].lstrip("# ").strip()
        links.append(f"[{title}]({path.name})")
    return " · ".join(links)


def chart_cell(name: str) -> str:
    """The notebook cell of the chart `name`: its recipe's body (`analysis.viz.charts`)."""
    import inspect
    import textwrap

    from .viz.charts import CHARTS

    lines = inspect.getsource(CHARTS[name].recipe).splitlines()
    body = textwrap.dedent(
        "\n".join(lines[next(i for i, s in enumerate(lines) if s.startswith("def ")) + 1 :])
    )
    return body.replace("return album.show(", "album.show(").strip()


def _has_recipe(name: str, notebook: str) -> bool:
    from .viz.charts import CHARTS

    return name in CHARTS and CHARTS[name].notebook == notebook


def refresh() -> list[Path]:
    """Rewrite the generated parts of every notebook (its navigation line, its chart cells) from
    the notebooks' titles and the chart recipes; return the notebooks changed."""
    import json
    import re

    from .atomic import write_atomic

    nav, changed = navigation(), []
    for path in notebooks():
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        for cell in nb["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "markdown" and source.startswith("# "):
                lines = source.split("\n")
                lines[2] = nav
                source = "\n".join(lines)
            elif cell["cell_type"] == "code" and (m := re.search(r'album\.axes\("(\w+)"', source)):
                if _has_recipe(m.group(1), path.stem):  # (04_corpus's cells are its own)
                    source = chart_cell(m.group(1))
            cell["source"] = source.splitlines(keepends=True)
        new = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        if new != text:
            write_atomic(path, new.encode("utf-8"))
            changed.append(path)
    return changed
