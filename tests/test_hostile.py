"""Hostile input: every case is refused in one line naming the file or option and what to do,
with exit status 2 and nothing written; or it gives its tables and charts."""

import json
import os
import pickle
import subprocess
import sys

import pytest

import analysis
from analysis import InputError, paths
from analysis.__main__ import main

STORY = (
    "VIENNA, March 3 (Danube Wire) - The transport office said on Tuesday that 75 barges "
    "passed the lock last week. More are expected next month.\n"
)


def _story(tmp_path, meta=None, facts=None, text=STORY):
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    if meta is not None:
        (tmp_path / "story.meta.yaml").write_text(meta, encoding="utf-8")
    if facts is not None:
        (tmp_path / "story.facts.yaml").write_text(facts, encoding="utf-8")
    return story


def _refused(capsys, args, out, *, names, says):
    """`python -m analysis ARGS` exits with 2, prints one line naming `names` that says
    `says`, and writes nothing to `out`."""
    status = main(args)
    err = capsys.readouterr()
    lines = err.err.splitlines()
    assert status == 2, err
    assert len(lines) == 1 and err.out == "", err
    assert lines[0].startswith(f"error: {names}"), lines[0]
    assert says in lines[0], lines[0]
    assert not out.exists()
    return lines[0]


# ---- dates out of range ------------------------------------------------------------------


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1799-12-31", "2201-01-01"])
def test_a_publication_date_out_of_range_is_refused(tmp_path, capsys, date):
    story = _story(tmp_path, text=STORY.replace("last week", "three weeks ago"))
    out = tmp_path / "out"
    args = ["tables", "--article", str(story), "--published", date, "--out", str(out)]
    line = _refused(capsys, args, out, names="--published", says="the year must be from 1800")
    assert date in line


@pytest.mark.parametrize("date", ["1800-01-01", "2200-12-31"])
def test_the_years_at_the_ends_of_the_range_are_dates(tmp_path, date):
    story = _story(tmp_path)
    t = analysis.load(story, published=date)
    assert t.article.meta["published"]["date"] == date
    dates = dict(zip(t.dates["text"], t.dates["date"]))  # resolved against it, no overflow
    assert dates["last week"].startswith(("1799-12-", "2200-12-"))


def test_a_metadata_date_out_of_range_is_refused(tmp_path):
    story = _story(tmp_path, meta="published:\n  date: 9999-12-31\n")
    with pytest.raises(InputError, match=r"published\.date: 9999-12-31 .* from 1800 to 2200"):
        analysis.load(story)


# ---- metadata of the wrong shape ---------------------------------------------------------

META = [
    ("published: [2015, 2016]\n", "published: must be a mapping such as {date: "),
    ("published: 2015-10-22\n", "not the date 2015-10-22"),
    ("published: soon\n", "not 'soon'"),
    ("published:\n  date: [1, 2]\n", "published.date must be an ISO date"),
    ("published:\n  date: 2015-02-30\n", "published.date: '2015-02-30' is not a date"),
    ("published:\n  date: 2015-10-22\n  precision: week\n", "precision must be day, month or year"),
    ("published:\n  date: 2015-10-22\n  how_known: [a]\n", "how_known must be text"),
    ("published:\n  date: 2015-10-22\n  year_inferred: maybe\n", "year_inferred must be true or false"),
    ("published:\n  when: 2015-10-22\n", "published: unknown key 'when'"),
    ("1: 2\n", "unknown key '1'; the keys are title"),
    ("language: [en, fr]\n", "language: must be a two-letter ISO 639-1 code"),
    ("language: english\n", "not 'english'"),
    ("agency: [1, 2]\n", "agency: must be text"),
    ("agency: 2015\n", "not the number 2015; put it in quotes"),
    ("title: {a: 1}\n", "title: must be text"),
    ("place: [Vienna]\n", "place: must be text"),
    ("sources: Danube Wire\n", "sources: must be a list of names"),
    ("sources: [Danube Wire, 7]\n", "each source must be a name, not the number 7"),
    ("source_line: [a, b]\n", "source_line: must be text"),
    ("- a\n- b\n", "must be a mapping of keys to values"),
]  # fmt: skip


@pytest.mark.parametrize("meta, says", META)
def test_metadata_of_the_wrong_shape_is_refused_in_one_line(tmp_path, capsys, meta, says):
    story = _story(tmp_path, meta=meta)
    out = tmp_path / "out"
    _refused(capsys, ["tables", "--article", str(story), "--out", str(out)], out,
             names=tmp_path / "story.meta.yaml", says=says)  # fmt: skip


def test_metadata_values_of_the_right_types_are_kept(tmp_path):
    meta = (
        "title: Barges on the Danube\nplace: Vienna\nagency: Danube Wire\n"
        "sources: [River Office]\nlanguage: en\npublished:\n  date: 2016-03-03\n"
        "  precision: day\n  how_known: the dateline\n  year_inferred: true\n"
    )
    a = analysis.load(_story(tmp_path, meta=meta)).article
    assert a.meta["agency"] == "Danube Wire" and a.meta["sources"] == ["River Office"]
    assert a.meta["published"] == {"date": "2016-03-03", "precision": "day",
                                   "how_known": "the dateline", "year_inferred": True}  # fmt: skip
    assert a.meta["source_line"] == "Source: Danube Wire via River Office, 3 Mar 2016"


# ---- facts of the wrong shape ------------------------------------------------------------

FACTS = [
    ("1: []\n", "'1' is not a section; the sections are entities"),
    ("entities: {a: 1}\n", "'entities' must be a list of facts"),
    ("entities:\n  - 1: a\n", "entities #1: '1' is not a field name"),
    ("entities:\n  - entity: [a]\n    type: ORG\n    aliases: office\n",
     "field 'entity': must be text, not a list"),
    ("entities:\n  - entity: Office\n    type: ORG\n    aliases: [office, 3]\n",
     "each alias must be text, not the number 3"),
    ("entities:\n  - entity: Office\n    type: ORG\n    aliases: office\n    references: it\n",
     "field 'references': must be a list"),
    ("quantities:\n  - subject: barges\n    quantity: seventy\n    unit: barge\n    evidence: 75 barges\n",
     "field 'quantity': 'seventy' is not a number"),
    ("quantities:\n  - subject: barges\n    quantity: 75\n    unit: barge\n    evidence: 75 barges\n    part_of: [a]\n",
     "field 'part_of': must be text, not a list"),
    ("events:\n  - action: passed\n    status: done\n    cue: passed\n    evidence: 75 barges passed\n    date: {a: 1}\n",
     "field 'date': a mapping is not an ISO 8601 date"),
    ("sources:\n  - name: Office\n    role: publisher\n    evidence: 75\n",
     "field 'evidence': must be text, not the number 75; put it in quotes"),
]  # fmt: skip


@pytest.mark.parametrize("facts, says", FACTS)
def test_facts_of_the_wrong_shape_are_refused_in_one_line(tmp_path, capsys, facts, says):
    story = _story(tmp_path, facts=facts)
    out = tmp_path / "out"
    line = _refused(capsys, ["tables", "--article", str(story), "--out", str(out)], out,
                    names=tmp_path / "story.facts.yaml", says=says)  # fmt: skip
    assert "__line__" not in line


# ---- YAML aliases ------------------------------------------------------------------------


def _laughs(levels: int = 10, width: int = 9) -> str:
    """A YAML value whose aliases stand for width^(levels-1) strings, in a few hundred bytes."""
    parts, prev = ['&l0 "ha"'], "l0"
    for i in range(1, levels):
        parts.append(f"&l{i} [" + ", ".join([f"*{prev}"] * width) + "]")
        prev = f"l{i}"
    return "[" + ", ".join(parts) + "]"


@pytest.mark.parametrize(
    "kind, text",
    [
        (
            "facts",
            f"sources:\n  - name: {_laughs()}\n    role: publisher\n    evidence: 75 barges\n",
        ),
        ("meta", f"title: {_laughs()}\n"),
    ],
)
def test_aliases_that_would_repeat_billions_of_values_are_refused(tmp_path, capsys, kind, text):
    story = _story(tmp_path, **{kind: text})
    out = tmp_path / "out"
    _refused(capsys, ["tables", "--article", str(story), "--out", str(out)], out,
             names=tmp_path / f"story.{kind}.yaml", says="repeat more than 10,000 values")  # fmt: skip


def test_a_few_aliases_are_fine(tmp_path):
    meta = "agency: &who Danube Wire\nsources: [*who, River Office]\ntitle: *who\n"
    a = analysis.load(_story(tmp_path, meta=meta)).article
    assert a.meta["title"] == "Danube Wire" and a.meta["sources"] == ["Danube Wire", "River Office"]


# ---- what is read as the article ---------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_read(tmp_path, capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is not on this system")
    out = tmp_path / "out"
    _refused(capsys, ["tables", "--article", device, "--out", str(out)], out,
             names=device, says="is a character device, not a text file")  # fmt: skip


@pytest.mark.slow  # a second process
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    # in a second process: if it waited for a writer, nothing would end it but the timeout
    r = subprocess.run([sys.executable, "-m", "analysis", "tables", "--article", str(fifo),
                        "--out", str(out)], capture_output=True, text=True, timeout=120)  # fmt: skip
    assert r.returncode == 2, r.stderr
    assert r.stderr.splitlines() == [f"error: {fifo}: is a FIFO (named pipe), not a text file; "
                                     "pass a regular file"]  # fmt: skip
    assert not out.exists()


def _not_a_file(path, kind):
    """Put at `path` something that is no regular file: a FIFO, a folder or a device."""
    if kind == "a FIFO (named pipe)":
        os.mkfifo(path)
    elif kind == "a folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")


NOT_FILES = ["a FIFO (named pipe)", "a folder", "a character device"]


@pytest.mark.parametrize("companion", ["meta", "facts"])
@pytest.mark.parametrize("kind", NOT_FILES)
def test_a_metadata_or_facts_file_that_is_no_regular_file_is_refused(tmp_path, capsys,
                                                                      companion, kind):  # fmt: skip
    story = _story(tmp_path)
    file = tmp_path / f"story.{companion}.yaml"
    _not_a_file(file, kind)
    out = tmp_path / "out"
    line = _refused(capsys, ["tables", "--article", str(story), "--out", str(out)], out,
                    names=file, says=f"is {kind}, not a text file; pass a regular file")  # fmt: skip
    assert line == f"error: {file}: is {kind}, not a text file; pass a regular file"


def _bounded_run(code, env=None):
    """`python -c CODE` in a second process with 2 GiB of memory and two minutes: a reader
    without bound fails there, not the machine, and a reader that waits is stopped."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, preexec_fn=limit, env={**os.environ, **(env or {})})  # fmt: skip


@pytest.mark.slow  # a second process
@pytest.mark.parametrize("kind", NOT_FILES)
def test_a_stopword_list_that_is_no_regular_file_is_refused(tmp_path, kind):
    words = tmp_path / "stopwords.txt"
    _not_a_file(words, kind)
    story = _story(tmp_path)
    code = f"import analysis; analysis.load({str(story)!r}).terms"
    r = _bounded_run(code, {"ANALYSIS_STOPWORDS": str(words)})
    assert r.returncode == 1 and r.stderr.splitlines()[-1] == (
        f"analysis.errors.InputError: {words}: is {kind}, not a text file; pass a regular file"
    ), r.stderr[-2000:]


@pytest.mark.slow  # a second process
@pytest.mark.parametrize("kind", ["a FIFO (named pipe)", "a character device"])
@pytest.mark.parametrize("which", ["story.txt", "story.meta.yaml", "story.facts.yaml"])
def test_a_corpus_names_its_batches_without_reading_what_is_no_regular_file(tmp_path, kind,
                                                                             which):  # fmt: skip
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "other.txt").write_text(STORY, encoding="utf-8")
    if which != "story.txt":
        _story(folder)
    _not_a_file(folder / which, kind)
    code = (
        "from analysis.corpus import batches\n"
        f"found = batches.find_articles({str(folder)!r})\n"
        "print([a.name for a in found], len(batches.plan(found)[0].key))"
    )
    r = _bounded_run(code)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout == "['other.txt', 'story.txt'] 24\n"


def test_the_size_limit_is_said_as_it_is(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(InputError, match=r"20\.0 MiB is too large for one article \(the limit "
                       r"is 20 MiB\); split it into one file per article"):  # fmt: skip
        analysis.load(big)


# ---- encodings ---------------------------------------------------------------------------

TEXT = "ZÜRICH - Le ministère a déclaré que 75 péniches sont passées à l'écluse."


@pytest.mark.parametrize(
    "data, says",
    [
        (STORY.encode("utf-16"), "is UTF-16 text, not UTF-8; re-save it as UTF-8, for "
         "example: iconv -f UTF-16 -t UTF-8 IN > OUT"),
        (STORY.encode("utf-16-le"), "is UTF-16 (little-endian, no byte-order mark) text, not "
         "UTF-8; re-save it as UTF-8, for example: iconv -f UTF-16LE -t UTF-8 IN > OUT"),
        (STORY.encode("utf-16-be"), "iconv -f UTF-16BE -t UTF-8"),
        ("Министр заявил, что переговоры продолжатся.".encode("utf-16-le"), "iconv -f UTF-16LE"),
        (TEXT.encode("latin-1"), "is most likely Latin-1 (ISO-8859-1, Western European): "
         "re-save it as UTF-8, for example: iconv -f LATIN1 -t UTF-8 IN > OUT"),
        ("The minister said “we will act” – today.".encode("cp1252"),
         "is most likely Windows-1252 (Western European)"),
        ("Министр заявил, что переговоры продолжатся.".encode("cp1251"),
         "is most likely Windows-1251 (Cyrillic)"),
        # words of one accented letter alone ("à", "é") are no sign of Cyrillic
        ("LYON - Le maire est arrivé à Paris à midi et a parlé à la presse.".encode("latin-1"),
         "is most likely Latin-1"),
        ("LISBOA - O porto é novo e a ponte é velha; é o que disse à imprensa.".encode("latin-1"),
         "is most likely Latin-1"),
        # an English story quoting one Cyrillic word
        ("KYIV - The minister said the word was «Привіт» and left.".encode("cp1251"),
         "is most likely Windows-1251 (Cyrillic)"),
    ],
)  # fmt: skip
def test_a_file_in_another_encoding_is_told_which_and_how_to_convert(tmp_path, data, says):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        analysis.load(path)
    assert says in str(err.value) and "\n" not in str(err.value)


def test_binary_data_is_still_called_binary(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="is a binary file"):
        analysis.load(path)


# ---- where the output goes ---------------------------------------------------------------


def test_out_that_cannot_be_a_folder_is_refused(tmp_path, capsys):
    a_file = tmp_path / "a_file"
    a_file.write_text("kept", encoding="utf-8")
    for out, says in [
        (a_file, "exists and is not a folder; choose a folder for --out"),
        (a_file / "under", f"cannot be made ({a_file} is not a folder)"),
    ]:
        assert main(["tables", "--out", str(out)]) == 2
        err = capsys.readouterr().err.splitlines()
        assert err == [f"error: {out}: {says}"] if "exists" in says else says in err[0], err
    assert a_file.read_text(encoding="utf-8") == "kept"
    if os.path.exists("/dev/null"):
        assert main(["tables", "--out", "/dev/null"]) == 2
        assert "exists and is not a folder" in capsys.readouterr().err


def test_out_under_a_folder_that_cannot_be_made_is_refused_and_nothing_is_left(tmp_path, capsys):
    from analysis.tables.output import make_out

    if not os.path.isdir("/proc/self"):
        pytest.skip("no /proc here")
    with pytest.raises(InputError, match="cannot be made"):
        make_out("/proc/self/no-such-folder/out")
    locked = tmp_path / "locked"
    locked.mkdir()
    made = tmp_path / "new" / "deeper"

    def refuse(self, *args, **kwargs):  # the last folder cannot be made: the first is removed
        if self.name == "deeper":
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    from pathlib import Path

    real = Path.mkdir
    Path.mkdir = refuse
    try:
        with pytest.raises(InputError, match=r"cannot be made \(Permission denied\)"):
            make_out(made)
    finally:
        Path.mkdir = real
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("command", ["tables", "charts"])
def test_nothing_is_written_inside_data_raw(command, capsys):
    out = paths.RAW / "hostile-test-output"
    assert not out.exists()
    args = [command, "--out", str(out)] + (["--formats", "png"] if command == "charts" else [])
    try:
        _refused(capsys, args, out, names=out, says="is inside data/raw/")
    finally:
        if out.exists():  # (a failing run must not leave it in the checkout)
            import shutil

            shutil.rmtree(out)


# ---- charts of stories with nothing to draw ------------------------------------------------


@pytest.mark.slow  # every chart rendered
@pytest.mark.parametrize(
    "text",
    [
        "BERN, May 4 (Alpine Wire) - ",
        "!!! ??? ... ;;; --- ,,, ((( )))\n",
        "(" * 200 + "word" + ")" * 200,
        "The plan (a draft (of the (new (rules)))) passed.",
    ],
)
def test_charts_of_a_story_with_nothing_to_draw_say_so(tmp_path, capsys, text):
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["charts", "--article", str(story), "--out", str(out), "--formats", "png"]) == 0
    err, said = capsys.readouterr(), None
    assert err.err == "", err.err  # no traceback, no warning
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["charts"]
    left_out = [e for e in entries if not e["files"]]
    assert left_out and all(e["caption"] for e in left_out)
    said = err.out.splitlines()[-1]
    assert f"{len(left_out)} left out (nothing to draw" in said
    assert len(list(out.glob("*.png"))) == len(entries) - 1 - len(left_out)  # (the page)


# ---- the rendering worker ------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.slow  # a second process, and a rendering process
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc to see the worker")
def test_the_rendering_worker_dies_with_its_parent_even_mid_render():
    # the parent sends the worker a figure whose layout takes minutes (a title of 300,000
    # characters), then is killed: the worker must not go on rendering for nobody
    script = (
        "import sys, time\n"
        "from matplotlib.figure import Figure\n"
        "from analysis.viz import rendering\n"
        "fig = Figure(layout='constrained'); ax = fig.subplots(); ax.set_title('w' * 300_000)\n"
        "rendering.submit(fig)\n"
        "print(rendering._RENDERER[0].process.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    import time

    time.sleep(3)  # the worker has the figure and is laying it out
    assert _alive(worker)
    parent.kill()
    parent.wait()
    try:
        for _ in range(100):  # (a liveness check, not a timing: it is gone at once when right)
            if not _alive(worker):
                break
            time.sleep(0.2)
        assert not _alive(worker)
    finally:
        if _alive(worker):
            os.kill(worker, 9)


@pytest.mark.slow  # a rendering process started
def test_the_rendering_worker_says_nothing_when_its_input_is_cut_short():
    # its caller ended in the middle of sending a figure: the worker ends quietly
    half = pickle.dumps((0, b"x" * 10_000))[:5_000]
    r = subprocess.run([sys.executable, "-m", "analysis.viz.rendering"], input=half,
                       capture_output=True, timeout=120)  # fmt: skip
    assert (r.returncode, r.stderr) == (0, b"")


# ---- smaller holes -------------------------------------------------------------------------


def test_a_combining_accent_or_a_joiner_stays_in_its_word(tmp_path):
    from analysis.terms.counting import term_counts

    text = (
        "Jose\u0301 Zu\u0301n\u0303iga met Zoe\u0308 in Mu\u0308nchen. "  # accents as marks
        "The word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 keeps its non-joiner, "
        "and \u0939\u093f\u0928\u094d\u0926\u0940 its vowel signs.\n"
    )
    t = analysis.load(_story(tmp_path, text=text))
    words = t.tokens.loc[~t.tokens["is_punct"], "token"].tolist()
    assert words[:6] == ["Jose\u0301", "Zu\u0301n\u0303iga", "met", "Zoe\u0308", "in",
                         "Mu\u0308nchen"]  # fmt: skip
    assert "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645" in words
    assert "\u0939\u093f\u0928\u094d\u0926\u0940" in words
    assert not t.tokens["token"].str.fullmatch(r"[\u0300-\u036f\u200c\u200d]").any()
    # the term counter reads the words as the tokens table does
    counts = term_counts([text]).set_index("term")["count"]
    counts.index = counts.index.astype(str)
    tokens = t.tokens.loc[~t.tokens["is_punct"]].groupby("lower").size()
    assert counts.sort_index().to_dict() == tokens.sort_index().to_dict()
    assert counts["jose\u0301"] == 1 and "a" not in counts


@pytest.mark.parametrize(
    "sentence",
    [
        "The fund holds 1e308 dollars.",
        "The fund holds 1.5e9 dollars and 2.5E+9 euros.",
        "They paid $1e6 for it.",
        "Reserves reached 1" + "0" * 30 + " dollars.",
        "Reserves reached 1" + "0" * 400 + " dollars.",
    ],
)
def test_a_number_in_scientific_notation_or_beyond_any_amount_is_no_quantity(tmp_path, sentence):
    story = _story(tmp_path, text=f"LONDON (Wire) - {sentence} Officials counted 40 trucks.\n")
    q = analysis.load(story).quantities
    assert q[["quantity", "unit"]].values.tolist() == [[40.0, "truck"]]


def test_cells_that_begin_like_a_formula_are_written_as_text(tmp_path):
    import pandas as pd

    text = ("LONDON (Wire) - The index rose on Monday.\n\n=SUM(A1:A9) was typed by a reader.\n\n"
            "@everyone was told.\n\n-5 degrees were forecast.\n")  # fmt: skip
    story = _story(tmp_path, text=text)
    out = tmp_path / "out"
    assert main(["tables", "--article", str(story), "--out", str(out)]) == 0
    sentences = analysis.load(story).sentences["text"].tolist()
    assert sentences[1:4] == ["=SUM(A1:A9) was typed by a reader.", "@everyone was told.",
                              "-5 degrees were forecast."]  # fmt: skip
    written = pd.read_csv(out / "sentences.csv")["text"].tolist()
    assert written[1:4] == ["'=SUM(A1:A9) was typed by a reader.", "'@everyone was told.",
                            "'-5 degrees were forecast."]  # fmt: skip
    tokens = pd.read_csv(out / "tokens.csv", keep_default_na=False)["token"].tolist()
    assert "=" in tokens and "@" in tokens and "-" in tokens  # one character: no formula


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("“We will go, he said. “We go now,” she said.", ["“We go now,”"]),
        ("«Nous partons, dit-il. «Maintenant» ajouta-t-elle.", ["«Maintenant»"]),
        ("„Wir gehen, sagte er. „Jetzt“ sagte sie.", ["„Jetzt“"]),
        ('"We go," he said. "Now."', ['"We go,"', '"Now."']),
    ],
)
def test_an_opening_quotation_mark_never_closed_is_passed_over(text, quoted):
    # the quotation is the one a closing mark ends, not all from the first opening mark on
    from analysis.summary.stats import quoted_spans

    assert [text[a:b] for a, b in quoted_spans(text)] == quoted


# ---- charts of long and odd articles ---------------------------------------------------------


def test_a_word_of_20000_characters_is_cut_in_the_charts_and_the_axes_keep_their_size(tmp_path):
    import warnings

    from analysis.viz import charts
    from analysis.viz.figures import TICK_CHARS, WORD_CHARS

    word = "".join("abcdefghij"[i * 7 % 10] for i in range(20_000))
    t = analysis.load(_story(tmp_path, text=f"The {word} rose. The {word} fell again.\n"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "axes sizes collapsed to zero" would fail here
        for name in ("top_terms", "keyness", "dispersion"):
            view = charts.draw(name, t)
            fig = view.figure
            fig.canvas.draw()
            labels = [x.get_text() for ax in fig.axes for x in ax.get_yticklabels()]
            assert any(x.startswith(word[: WORD_CHARS - 1] + "…") for x in labels), name
            assert max(map(len, labels)) <= TICK_CHARS, name
            assert all(ax.get_position().width > 0.3 for ax in fig.axes), name
            assert word not in view.caption and word[:30] in view.caption


def test_a_long_article_is_charted_with_readable_ticks_and_the_first_40_events(tmp_path):
    from matplotlib.container import BarContainer

    from analysis.viz import charts

    text = "".join(f"The council will build bridge {i} in the north. " for i in range(1, 2501))
    t = analysis.load(_story(tmp_path, text="BERGEN (Fjord Wire) - " + text))
    assert len(t.sentences) == 2500 and len(t.events) == 2500
    lengths = charts.draw("sentence_lengths", t).figure.axes[0]
    assert not [c for c in lengths.containers if isinstance(c, BarContainer)]  # one shape
    assert len(lengths.get_xticks()) <= 20
    strip = charts.draw("fact_strip", t).figure.axes[0]
    assert len(strip.get_xticks()) <= 20 and len(strip.texts) == 1  # the busiest; no count a dot
    timeline = charts.draw("timeline", t).figure.axes[0]
    assert len(timeline.get_yticklabels()) == 40
    assert timeline.get_ylabel() == "the first 40 of 2,500 events, in the order of the text"
    dispersion = charts.draw("dispersion", t).figure.axes[0]
    assert not dispersion.collections  # 2,500 sentence starts would be a grey wall
    assert "grey lines" not in dispersion.get_xlabel()


def test_a_word_repeated_next_to_itself_has_its_ngram_scores(tmp_path):
    # in a story of those four words alone, NLTK's trigram table has a negative cell: its
    # likelihood ratio failed (a math domain error)
    t = analysis.load(_story(tmp_path, text="Ha ha ha ha!\n"))
    ngrams = t.ngrams.set_index("ngram")
    assert ngrams.loc["ha ha", "count"] == 3 and ngrams.loc["ha ha ha", "count"] == 2
    assert ngrams["log_likelihood"].notna().all() and (ngrams["log_likelihood"] >= 0).all()
