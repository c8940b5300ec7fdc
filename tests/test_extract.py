"""Automatic fact extraction: any article, evaluated against the curated facts."""

import shutil

import pandas as pd
import pytest

import analysis
from analysis import paths
from analysis.corpus import evaluate
from analysis.facts import curated as facts
from analysis.facts import extract
from analysis.reading.article import Article, parse_dateline


def _article(
    text: str, date: str | None = None, name: str = "story"
) -> tuple[Article, pd.DataFrame]:
    from pathlib import Path

    meta = {"published": {"date": date, "precision": "day"}} if date else {}
    a = Article(
        path=Path(f"/nonexistent/{name}.txt"), text=text, dateline=parse_dateline(text), meta=meta
    )
    return a, analysis.load(a)["sentences"]


def _facts(text, date=None):
    a, s = _article(text, date)
    return extract.extract_facts(a, s)


# ---- on the seed, with no curated file in sight -------------------------------------------------


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("copy")
    shutil.copy(paths.ARTICLE, folder / "article.txt")  # no .facts.yaml, no .meta.yaml beside it
    return folder / "article.txt"


def test_extractor_never_reads_the_curated_facts(seed_copy, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the extractor read a curated facts file")

    monkeypatch.setattr(facts, "load_facts", forbidden)
    tables = analysis.load(seed_copy)
    t = {name: tables[name] for name in analysis.schemas.FACT_TABLES}
    assert all(set(df["origin"]) <= {"extracted"} for df in t.values())
    ev = t["events"]
    rows = set(zip(ev["action"], ev["status"], ev["actor"].fillna("-"), ev["date"].fillna("-")))
    # "the country has launched four spacecraft": Kazakhstan, done; the next meeting in 2016
    assert ("launch", "done", "Kazakhstan", "-") in rows
    assert ("take place", "planned", "the next meeting", "2016") in rows


def test_seed_targets_met_from_the_bare_text(seed_copy):
    copy = analysis.load(seed_copy)
    seed = analysis.load()
    curated = facts.load_facts(seed.article, seed["sentences"])
    extracted = {n: copy[n] for n in analysis.schemas.FACT_TABLES}
    dates = extract.find_dates_table(copy.article, copy["sentences"])
    scores = evaluate.compare(curated, extracted, dates, seed.article, seed["sentences"]).set_index(
        "table"
    )
    for table, target in evaluate.TARGETS.items():
        assert scores.loc[table, "f1"] >= target, (table, scores.loc[table].to_dict())


def test_evaluation_of_all_articles():
    scores = evaluate.evaluate_all()
    assert set(scores["doc_id"]) == {
        "article",
        "astana_transport",
        "moscow_satellite",
        "tashkent_agriculture",
    }
    assert set(scores["table"]) == set(evaluate.RULES)
    # each score from the counts of its own row: precision of what was found, recall of the
    # curated, F1 their harmonic mean
    p = scores["matched"] / scores["n_extracted"]
    r = scores["matched"] / scores["n_curated"]
    assert scores["precision"].tolist() == pytest.approx(p.fillna(0).tolist())
    assert scores["recall"].tolist() == pytest.approx(r.fillna(0).tolist())
    f1 = (2 * p * r / (p + r)).fillna(0)
    assert scores["f1"].tolist() == pytest.approx(f1.tolist())
    seed = scores.loc[scores["doc_id"] == "article"].set_index("table")
    assert seed.loc["quotes", "n_curated"] == 9 and seed.loc["events", "n_curated"] == 16
    assert seed.loc["quotes", "matched"] == 9 and seed.loc["dates", "matched"] == 5
    assert seed.loc["quotes", "f1"] == 1.0


def test_year_inferred_from_the_future_the_text_speaks_of(seed_copy):
    d = extract.find_dates_table(
        analysis.load(seed_copy).article, analysis.load(seed_copy)["sentences"]
    )
    got = dict(zip(d["text"], d["date"]))
    assert got["on 22 October"] == "2015-10-22"
    assert got["this year"] == "2015"
    assert got["on 22-23 October"] == "2015-10-22/2015-10-23"


# ---- each kind of fact, on short texts -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, date, precision",
    [
        ("The plant opened on December 25, 2005.", "2005-12-25", "day"),
        ("Talks are held on 22-23 October.", "2015-10-22/2015-10-23", "day"),
        ("Talks were held on 14 March.", "2015-03-14", "day"),
        ("The line will open next year.", "2016", "year"),
        ("Trade grew last year.", "2014", "year"),
        ("The minister arrived on Thursday.", "2015-10-22", "day"),
        ("The delegation will return on Monday.", "2015-10-26", "day"),
        ("The plant will open in June.", "2016-06", "month"),  # the next June
        ("Exports fell last week.", "2015-10-12/2015-10-18", "week"),  # Monday to Sunday
    ],
)
def test_dates(sentence, date, precision):
    a, s = _article("ASTANA. KAZINFORM - " + sentence, "2015-10-22")  # a Thursday
    d = extract.find_dates_table(a, s)
    assert (d["date"].iloc[0], d["precision"].iloc[0]) == (date, precision)


def test_quantities_money_percent_and_parts():
    f = _facts(
        "ASTANA. KAZINFORM - The country has launched four spacecraft: two communication satellites and "
        "two more for earth remote sensing. The company will invest $65 million and 5 billion tenge. "
        "Traffic grew by 12 percent.",
        "2015-10-22",
    )
    q = f["quantities"]
    rows = list(zip(q["quantity"], q["unit"], q["part_of"].fillna("")))
    assert (4, "spacecraft", "") in rows
    assert [(n, u) for n, u, p in rows if p == "spacecraft"] == [(2, "satellite"), (2, "satellite")]
    assert (65e6, "USD", "") in rows and (5e9, "KZT", "") in rows and (12, "percent", "") in rows


def test_title_gives_a_person_with_a_role_and_references_resolve():
    f = _facts(
        "ASTANA. KAZINFORM - Minister of Transport of Kazakhstan Aidar Nurlanov told journalists that the "
        "country will build a port. The minister said he expects growth.",
        "2015-10-22",
    )
    roles = f["roles"].set_index("person")
    assert (
        roles.loc["Aidar Nurlanov", "role"] == "Minister"
        and roles.loc["Aidar Nurlanov", "country"] == "Kazakhstan"
    )
    m = f["mentions"]
    indirect = dict(zip(m.loc[m["is_indirect"], "text"], m.loc[m["is_indirect"], "entity"]))
    assert indirect["the country"] == "Kazakhstan"
    assert indirect["The minister"] == "Aidar Nurlanov" and indirect["he"] == "Aidar Nurlanov"


def test_quotes_direct_over_two_sentences_and_reported():
    f = _facts(
        'MINSK. BelTA - "We are ready. The route will be faster," said Nino Kapanadze. '
        "According to Nino Kapanadze, the fees will fall. “Trade is growing,” she noted.",
        "2015-10-22",
    )
    q = f["quotes"]
    assert (
        q.loc[q["kind"] == "direct", "text"].tolist()[0] == "We are ready. The route will be faster"
    )
    assert set(q["speaker"]) == {"Nino Kapanadze"}
    assert set(q["kind"]) == {"direct", "reported"} and len(q) == 3


def test_event_status_from_tense_and_hedges():
    f = _facts(
        "ASTANA. KAZINFORM - The sides signed a memorandum. The ministers are discussing tariffs. "
        "The plant will open in 2017. The country does not rule out new talks that will follow.",
        "2015-10-22",
    )
    ev = f["events"]
    assert ev.groupby("sentence_id")["status"].agg(list).to_dict() == {
        1: ["done"], 2: ["ongoing"], 3: ["planned"], 4: ["possible"],
    }  # fmt: skip
    assert ev.loc[ev["status"] == "planned", "date"].tolist() == ["2017"]


def test_sources_from_dateline_and_attribution():
    f = _facts(
        "MINSK. KAZINFORM - The plant opened, BelTA informs. It works, belta.by reports.",
        "2015-10-22",
    )
    s = f["sources"]
    assert list(zip(s["name"], s["role"])) == [
        ("Kazinform", "publisher"), ("BelTA", "attributed source"), ("BelTA", "attributed source"),
    ]  # fmt: skip


# ---- input that is not clean -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '\ufeffASTANA. KAZINFORM - The plant opened.\r\n\r\n"It works," said Aidar Nurlanov.\r\n',
        'MINSK. BelTA - "It works,” said Aidar Nurlanov. “Curly and straight" mixed.',
        'MINSK. BelTA - "An unmatched quote mark opens here and never closes. The plant opened.',
        "The plant opened on Monday without any dateline at all.",
        "Kazakhstan and Belarus on joint space research",
    ],
    ids=["crlf-bom", "mixed-quotes", "unmatched-quote", "no-dateline", "headline-only"],
)
def test_messy_input_builds_every_table(tmp_path, text):
    path = tmp_path / "messy.txt"
    path.write_bytes(text.encode("utf-8"))
    tables = analysis.load(path).frames()
    raw = path.read_bytes().decode("utf-8")
    for df in (tables["mentions"], tables["tokens"]):
        col = "text" if "text" in df else "token"
        assert all(raw[a:b] == t for a, b, t in zip(df["start"], df["end"], df[col]))
    assert set(tables["events"]["origin"]) <= {"extracted"}


def test_not_english_warns_and_term_tables_still_work(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text("МИНСК. Казахстан не исключает возможности реализации совместных программ космических "
                    "исследований с Беларусью, сообщил председатель комитета журналистам в четверг, "
                    "передает БелТА. Проект может быть подписан в ходе визита президента в Минск.", encoding="utf-8")  # fmt: skip
    with pytest.warns(extract.LanguageWarning, match=r"ru\.txt: does not look like English"):
        tables = analysis.load(path).frames()
    assert tables["terms"].set_index("term").loc["казахстан", "count"] == 1


@pytest.mark.slow  # a 5 MB article, in two processes
def test_five_megabyte_article_finishes(tmp_path):
    body = paths.ARTICLE.read_text(encoding="utf-8").split(" - ", 1)[1]
    big = tmp_path / "big.txt"
    big.write_text(
        "MINSK. KAZINFORM - " + "\n\n".join([body] * (5_000_000 // len(body))), encoding="utf-8"
    )
    assert big.stat().st_size > 4_900_000
    tables = analysis.load(big)
    assert len(tables["events"]) >= 16 * 2000 and len(tables["sentences"]) == 17 * (
        5_000_000 // len(body)
    )


# ---- many articles ------------------------------------------------------------------------------


def test_corpus_tables_with_doc_id_first_and_bad_file_skipped(tmp_path):
    from analysis.corpus.folder import SkippedFileWarning, corpus_tables

    for p in [paths.ARTICLE, *(paths.DATA / "eval").glob("*.txt")]:
        shutil.copy(p, tmp_path / (p.stem + ".txt"))
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01 not text")
    with pytest.warns(SkippedFileWarning, match=r"broken\.txt: is a binary file"):
        t = corpus_tables(
            sorted(tmp_path.glob("*.txt")), names=["sentences", "events"], progress=False
        )
    assert list(t["events"].columns)[0] == "doc_id"
    assert t["sentences"].groupby("doc_id").size().to_dict()["article"] == 17
    assert "broken" not in set(t["events"]["doc_id"])


def test_cli_tables_for_a_folder(tmp_path):
    from analysis.__main__ import main

    folder = tmp_path / "stories"
    folder.mkdir()
    for p in (paths.DATA / "eval").glob("*.txt"):
        shutil.copy(p, folder / p.name)
    assert main(["tables", "--article", str(folder), "--out", str(tmp_path / "out")]) == 0
    events = pd.read_csv(tmp_path / "out" / "events.csv")
    assert events.columns[0] == "doc_id" and events["doc_id"].nunique() == 3
    assert set(events["origin"]) == {"extracted"}


@pytest.mark.slow  # every chart rendered, a notebook executed
def test_charts_and_notebook_for_another_article(tmp_path):
    from analysis import notebooks

    story = tmp_path / "story.txt"
    shutil.copy(paths.DATA / "eval" / "astana_transport.txt", story)
    out = tmp_path / "charts"
    nb = [p for p in notebooks.notebooks() if p.stem == "03_facts"]
    notebooks.run(out, story, only=nb)
    assert (out / "03_facts.html").is_file() and (out / "timeline.png").is_file()


def test_reference_date_unknown_leaves_weekdays_unresolved():
    a, s = _article("The minister arrived on Thursday. Talks end in 2016, he will say.")
    d = extract.find_dates_table(a, s)
    assert d.set_index("text").loc["on Thursday", "date"] is pd.NA
    assert d.set_index("text").loc["in 2016", "date"] == "2016"
    year, how = extract.extract_facts(a, s)["dates"].attrs["year_inferred"]
    assert (year, how) == (2015, "inferred: the text speaks of 2016 as the future")
