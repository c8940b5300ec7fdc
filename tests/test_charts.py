"""Charts: drawn from the tables, exported as valid files, byte-identical, atomic."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.figure import Figure

import analysis
from analysis import paths
from analysis.viz import charts, diagrams, plots, views

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("charts")
    entries = charts.export(out, analysis.load())
    return out, entries


def test_a_dozen_charts_from_three_notebooks():
    assert len(charts.CHARTS) >= 12
    assert {c.notebook for c in charts.CHARTS.values()} == {"01_article", "02_terms", "03_facts"}


@pytest.mark.slow  # every chart rendered and exported
def test_export_writes_valid_files_and_manifest(exported):
    out, entries = exported
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["charts"]
    assert [e["name"] for e in manifest] == [*charts.CHARTS, "article"]
    page = manifest.pop()
    assert page["files"] == ["article.html"] and (out / "article.html").read_bytes().startswith(
        b"<!DOCTYPE html>"
    )
    for e in manifest:
        assert e["title"] and e["caption"] and e["notebook"]
        assert e["files"] == [f"{e['name']}.{f}" for f in ("png", "svg", "pdf")]
        png, svg, pdf = [(out / f).read_bytes() for f in e["files"]]
        assert png.startswith(PNG)
        assert (
            svg.lstrip().startswith(b"<?xml")
            and b"<svg" in svg
            and svg.rstrip().endswith(b"</svg>")
        )
        assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


@pytest.mark.slow  # every chart rendered and exported
def test_png_is_200_dpi_or_more(exported):
    out, _ = exported
    data = (out / "timeline.png").read_bytes()
    width = int.from_bytes(data[16:20], "big")
    assert width >= 10 * 200  # a 10-inch figure


@pytest.mark.slow  # every chart rendered and exported
def test_second_export_is_byte_identical(exported, tmp_path):
    out, _ = exported
    charts.export(tmp_path, analysis.load())
    for f in sorted(out.iterdir()):
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name


@pytest.mark.slow  # every chart rendered and exported
def test_captions_tell_true_things(exported):
    _, entries = exported
    cap = {e["name"]: e["caption"] for e in entries}
    assert (
        cap["parts_of_total"]
        == "4 spacecraft launched by Kazakhstan: 2 communication + 2 earth remote sensing."
    )
    assert cap["timeline"] == "Of 16 events: 6 done, 2 ongoing, 5 planned, 3 possible."
    assert (
        cap["topics"]
        == "The framework agreement and the meeting agenda share: earth remote sensing."
    )
    assert cap["top_terms"] == "'kazakhstan' leads with 9 occurrences."
    assert cap["sentence_lengths"].startswith("17 sentences, 321 words")


@pytest.mark.slow  # every chart drawn
def test_source_line_on_every_chart():
    t = analysis.load()
    for name in charts.CHARTS:
        fig = charts.draw(name, t).figure
        assert "Source: Kazinform via BelTA, 22 Oct 2015" in [x.get_text() for x in fig.texts], name


def test_inferred_year_is_said_on_the_timeline():
    fig = charts.draw("timeline", analysis.load()).figure
    assert any("2015 is inferred" in x.get_text() for x in fig.texts)


def test_plot_functions_follow_the_axes_contract():
    """data first, the columns by keyword, ax=None, **kwargs passed on, the Axes returned, and
    the global style untouched."""
    import inspect

    import matplotlib as mpl

    functions = [f for m in (plots, diagrams) for n, f in vars(m).items()
                 if inspect.isfunction(f) and f.__module__ == m.__name__ and not n.startswith("_")
                 and "data" in inspect.signature(f).parameters]  # fmt: skip
    assert len(functions) >= 12
    for f in functions:
        params = list(inspect.signature(f).parameters.values())
        assert params[0].name == "data", f.__name__
        assert all(p.kind is p.KEYWORD_ONLY for p in params[1:-1]), f.__name__
        assert params[-1].kind is inspect.Parameter.VAR_KEYWORD, f.__name__
        if f is not plots.facet_hbar:  # (draws on several Axes, given as `axes`)
            assert inspect.signature(f).parameters["ax"].default is None, f.__name__
    t = analysis.load()
    before = dict(mpl.rcParams)
    ax = Figure().add_subplot()
    assert plots.hbar(views.top_terms(t.terms), x="count", y="term", ax=ax, color="#123456") is ax
    assert [x.get_text() for x in ax.get_yticklabels()][0] == "kazakhstan"
    assert (
        mpl.colors.to_hex(ax.patches[0].get_facecolor()) == "#123456"
    )  # **kwargs reach matplotlib
    ax2 = Figure().add_subplot()
    data = views.timeline(t.events)
    assert diagrams.timeline(data, ax=ax2) is ax2
    labels = [x.get_text() for x in ax2.get_yticklabels()]
    assert len(labels) == 16 and labels == data["label"].tolist()  # one row per event
    assert labels[9].startswith("E10  Kazakhstan") and "launched four spacecraft" in labels[9]
    legend = [x.get_text() for x in ax2.get_legend().get_texts()]
    assert legend == ["done", "ongoing", "planned", "possible"]
    assert dict(mpl.rcParams) == before


def test_every_recipe_is_a_few_lines_and_uses_only_what_it_is_given():
    import inspect

    for name, c in charts.CHARTS.items():
        params = list(inspect.signature(c.recipe).parameters)
        assert params == ["T", "album", *c.needs], name
        body = inspect.getsource(c.recipe).split("):\n", 1)[1].strip().splitlines()
        assert 2 <= len(body) <= 6, name


@pytest.mark.slow  # every chart rendered and exported
def test_failed_export_leaves_previous_files(tmp_path, monkeypatch):
    t = analysis.load()
    charts.export(tmp_path, t, names=["zipf", "top_terms"], formats=["png"])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(T, album):
        raise RuntimeError("chart failed")

    monkeypatch.setitem(charts.CHARTS, "top_terms", charts.CHARTS["top_terms"].__class__(
        "top_terms", "02_terms", "x", (8, 5), broken))  # fmt: skip
    with pytest.raises(RuntimeError):
        charts.export(tmp_path, t, names=["zipf", "top_terms"], formats=["png"])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.slow  # the command renders every chart
def test_cli_charts(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "analysis", "charts", "--out", str(tmp_path), "--formats", "png"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert len(list(Path(tmp_path).glob("*.png"))) == len(charts.CHARTS)
    bad = subprocess.run(
        [sys.executable, "-m", "analysis", "charts", "--formats", "gif"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_a_chart_with_nothing_to_draw_is_left_out(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "ASTANA. KAZINFORM - The plant opened on Monday. It employs 300 people.\n", encoding="utf-8"
    )
    t = analysis.load(story)
    view = charts.draw("parts_of_total", t)
    assert view.figure is None and view._repr_png_() is None
    assert (
        view._repr_markdown_()
        == "*No total in this article is broken into parts, so this chart is left out.*"
    )
    entries = charts.export(
        tmp_path / "out", t, formats=["png"], names=["parts_of_total", "topics"]
    )
    assert [e["files"] for e in entries] == [[], []]
    assert not list((tmp_path / "out").glob("*.png"))


def test_a_year_the_extractor_infers_is_said_in_the_metadata_and_on_the_timeline(tmp_path):
    story = tmp_path / "story.txt"  # the seed's text with nothing beside it: no date gives the year
    story.write_text(paths.ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    t = analysis.load(story)
    assert t["dates"]["date"].tolist()[0] == "2015-10-22"
    pub = t.article.meta["published"]
    assert (pub["year"], pub["year_inferred"], pub["date"]) == (2015, True, None)
    assert pub["how_known"] == "inferred: the text speaks of 2016 as the future"
    assert t["dates"]["year_from"].tolist()[0] == "inferred"
    fig = charts.draw("timeline", t).figure
    assert "* The year 2015 is inferred: no date in the story gives it." in [
        x.get_text() for x in fig.texts
    ]
    assert [x.get_text() for x in fig.axes[0].get_xticklabels() if x.get_text().endswith("*")]


@pytest.mark.slow  # a rendering process started
def test_the_rendering_worker_gives_the_bytes_rendered_here():
    from analysis.viz import rendering

    view = charts.draw("zipf", analysis.load())  # shown: sent to the worker
    there = rendering.submit(view.figure).result(timeout=60)
    assert there == rendering.export(view.figure)  # laid out here too, the same bytes
    assert list(there) == ["png", "svg", "pdf"] and there["png"].startswith(PNG)


@pytest.mark.slow  # a rendering process started
def test_a_dead_rendering_worker_leaves_the_rendering_here(tmp_path):
    from analysis.viz import rendering

    t = analysis.load()
    charts.export(tmp_path / "a", t, names=["zipf", "quotes"])
    renderer = rendering.submit(charts.draw("zipf", t).figure) and rendering._RENDERER[0]
    renderer.process.kill()
    renderer.process.wait()
    charts.export(tmp_path / "b", t, names=["zipf", "quotes"])  # the futures fail: rendered here
    for f in sorted((tmp_path / "a").iterdir()):
        assert (tmp_path / "b" / f.name).read_bytes() == f.read_bytes(), f.name
    rendering._RENDERER.clear()  # (the next chart starts a new worker)


@pytest.mark.slow  # every real wire story read and scored (the first time)
def test_extraction_scores_are_kept_under_a_key_of_what_they_depend_on(tmp_path):
    from analysis.corpus import evaluate

    first = evaluate.extraction_scores()
    assert first.equals(evaluate.extraction_scores())  # read back, the same table
    assert list(first.columns) == ["doc_id", "table", "precision", "recall", "f1"]
    seed = first.loc[first["doc_id"] == "article"].set_index("table")["f1"]
    assert all(seed[table] >= target for table, target in evaluate.TARGETS.items()), seed
    story = tmp_path / "s.txt"
    story.write_text("one", encoding="utf-8")
    before = evaluate._key([story], [])
    story.write_text("two", encoding="utf-8")
    assert evaluate._key([story], []) != before


def test_the_timeline_s_dates_are_on_two_lines_so_neighbours_do_not_run_together():
    # two neighbouring days ("18 Mar 2026", "24 Mar 2026") on one line each ran into one
    # another at the default size; each date is split as the undated columns are
    assert diagrams._two_lines("18 Mar 2026") == "18 Mar\n2026"
    assert diagrams._two_lines("22-23 Oct 2015") == "22-23 Oct\n2015"
    assert diagrams._two_lines("Mar 2016 to May 2017") == "Mar 2016\nto May 2017"
    assert diagrams._two_lines("2028") == "2028"
    ax = charts.draw("timeline", analysis.load()).figure.axes[0]
    labels = [x.get_text() for x in ax.get_xticklabels()]
    assert labels[0] == "earlier\n(undated)" and any(x.startswith("22 Oct\n2015") for x in labels)
    assert all(len(line) <= 13 for label in labels for line in label.split("\n"))
