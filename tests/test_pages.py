"""Web pages in: a saved .html/.htm file or an http(s) address read as an article.

The pages are invented wire stories in the chrome of a news site (navigation, advertisements,
related links, comments, a byline, meta tags and JSON-LD), in data/eval/pages/, each with its
text saved by hand as .txt in data/eval/pages/text/. Nothing here touches the network: every
fetch is answered by a stand-in for `urllib.request.urlopen`.
"""

from __future__ import annotations

import email.message
import io
import os
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest
import yaml

import analysis
from analysis import TABLE_NAMES, InputError, paths
from analysis.__main__ import main
from analysis.corpus.batches import Batch, batch_tables, fetch, find_articles, process_batch
from analysis.reading import page
from analysis.terms.counting import term_counts

PAGES = paths.DATA / "eval" / "pages"
SAVED = PAGES / "text"
ALL_PAGES = sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".htm"))
QUAKE = PAGES / "veloria_quake.html"
ADDRESS = "https://news.harbour-gazette.example/world/2024/05/06/veloria-quake"


# ---- a page gives the same tables as its text saved as .txt --------------------------------


def test_there_are_pages_of_each_kind():
    assert [p.name for p in ALL_PAGES] == [
        "grain_prices.htm", "kestrel_cup.html", "tarnow_court.html", "veloria_quake.html",
    ]  # fmt: skip
    assert all((SAVED / f"{p.stem}.txt").is_file() for p in ALL_PAGES)


@pytest.mark.parametrize("html", ALL_PAGES, ids=lambda p: p.name)
def test_a_page_gives_the_tables_of_its_text_saved_as_txt(html):
    from_page = analysis.load(html)
    from_text = analysis.load(SAVED / f"{html.stem}.txt")
    assert from_page.article.text == from_text.article.text
    pages, texts = from_page.frames(), from_text.frames()
    assert list(pages) == list(TABLE_NAMES)
    for name in TABLE_NAMES:
        pdt.assert_frame_equal(pages[name], texts[name], obj=f"{html.name}: {name}")
    assert len(pages["sentences"]) >= 5 and len(pages["tokens"]) > 100
    for key in ("title", "place", "agency", "author", "site"):
        assert from_page.article.meta.get(key) == from_text.article.meta.get(key), key
    assert (
        from_page.article.meta["published"]["date"] == from_text.article.meta["published"]["date"]
    )


@pytest.mark.parametrize("html", ALL_PAGES, ids=lambda p: p.name)
def test_no_chrome_of_the_page_is_in_its_text(html):
    text = analysis.load(html).article.text
    for chrome in ("dvertisement", "ADVERTISEMENT", "Sponsored", "cookies", "Subscribe", "Related",
                   "Most read", "Top headlines", "More from", "Comments", "comment", "rights reserved",
                   "Privacy", "Share", "Log in", "wrote:", "delayed", "Sign up"):  # fmt: skip
        assert chrome not in text, (html.name, chrome)
    assert text.endswith(".\n") and "\n\n\n" not in text


def test_every_offset_points_into_the_text_kept():
    t = analysis.load(QUAKE)
    text = t.article.text
    for name in ("sentences", "mentions"):
        df = t[name]
        assert [text[s:e] for s, e in zip(df["start"], df["end"])] == df["text"].tolist(), name
    tokens = t.tokens
    assert [text[s:e] for s, e in zip(tokens["start"], tokens["end"])] == tokens["token"].tolist()
    dates = t.dates.dropna(subset=["start"])
    assert [text[s:e] for s, e in zip(dates["start"], dates["end"])] == dates["text"].tolist()
    assert {"Tomas Perle", "Helena Varga", "Velnet"} <= set(t.entities["entity"])


def test_the_timeline_of_a_story_with_a_time_of_day():
    from analysis.viz import diagrams, views

    t = analysis.load(QUAKE)  # "at 4:12 a.m. local time" on Monday: an event at an hour
    assert "2024-05-06T04:12" in set(t.events["date"])
    data = views.timeline(t.events, t.dates)
    assert (data["start"].dropna().dt.date == pd.Timestamp("2024-05-06").date()).any()
    assert diagrams._label("2024-05-06T04:12") == "6 May 2024"
    assert diagrams._label("2024-03-05T19:30-05:00") == "5 Mar 2024"


# ---- the page's metadata fills the article's; the dateline is read from the text ------------


def test_the_pages_metadata_fills_the_articles():
    a = analysis.load(QUAKE).article
    assert isinstance(a, page.Page) and a.address is None and len(a.digest) == 64
    assert a.name == "veloria_quake"
    meta = a.meta
    assert meta["title"] == "Strong quake shakes coastal towns of Veloria"  # not the <title>'s
    assert meta["author"] == "Mara Linsky"
    assert meta["site"] == "Harbour Gazette"
    assert meta["url"] == ADDRESS
    # the date the page's JSON-LD gives (published, not modified), and said to be the page's
    assert meta["published"] == {"date": "2024-05-06", "precision": "day",
                                 "how_known": "the page's metadata"}  # fmt: skip
    # the dateline, from the body: the wire agency, not the site, is the publisher
    assert (a.dateline.place, a.dateline.agency) == ("Port Alden", "Harbour Wire")
    assert meta["agency"] == "Harbour Wire" and meta["place"] == "Port Alden"
    assert meta["source_line"] == "Source: Harbour Wire, 6 May 2024"


def test_a_date_in_a_pages_meta_tag_and_a_windows_1252_page():
    a = analysis.load(PAGES / "tarnow_court.html").article
    assert a.meta["published"]["date"] == "2023-11-14"  # article:published_time
    assert a.meta["author"] == "Ines Korvald" and a.meta["site"] == "The Northline Courier"
    assert "Judge Amélie Strand" in a.text and "“incomplete and out of date”" in a.text
    assert "bay’s cod" in a.text


def test_a_page_with_no_date_in_its_markup_takes_the_datelines():
    a = analysis.load(PAGES / "grain_prices.htm").article
    assert a.meta["published"] == {"date": "2022-03-03", "precision": "day",
                                   "how_known": "the dateline (March 3, 2022)"}  # fmt: skip
    assert "site" not in a.meta and "author" not in a.meta  # the page does not say them


def test_with_no_agency_in_the_text_the_site_is_the_publisher():
    a = analysis.load(PAGES / "kestrel_cup.html").article
    assert a.dateline is None
    assert a.meta["agency"] == a.meta["site"] == "Kestrel Sports Daily"
    assert a.meta["published"]["date"] == "2021-09-19"


def test_a_metadata_file_beside_a_saved_page_and_published_have_the_last_word(tmp_path):
    shutil.copy(QUAKE, tmp_path / "quake.html")
    (tmp_path / "quake.meta.yaml").write_text(
        "title: Quake in Veloria\npublished: {date: 2024-05-07, precision: day, how_known: "
        "the editor}\n",
        encoding="utf-8",
    )
    meta = analysis.load(tmp_path / "quake.html").article.meta
    assert meta["title"] == "Quake in Veloria" and meta["author"] == "Mara Linsky"
    assert meta["published"]["date"] == "2024-05-07"
    given = analysis.load(tmp_path / "quake.html", "2024-05-09").article.meta["published"]
    assert given == {"date": "2024-05-09", "precision": "day", "how_known": "given (--published)"}


def test_a_folder_holding_one_page_is_that_page(tmp_path):
    shutil.copy(PAGES / "kestrel_cup.html", tmp_path / "report.html")
    t = analysis.load(tmp_path)
    assert t.article.name == "report" and t.article.text.startswith("Rivermouth edge")


# ---- the command line: the text kept beside the tables -------------------------------------


def test_tables_writes_the_pages_text_and_metadata_beside_the_tables(tmp_path):
    out = tmp_path / "out"
    assert main(["tables", "--article", str(QUAKE), "--out", str(out)]) == 0
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted(TABLE_NAMES)
    kept = (out / "article.txt").read_text(encoding="utf-8")
    assert kept == (SAVED / "veloria_quake.txt").read_text(encoding="utf-8")
    tokens = pd.read_csv(out / "tokens.csv", keep_default_na=False)
    assert [kept[s:e] for s, e in zip(tokens["start"], tokens["end"])] == tokens["token"].tolist()
    meta = yaml.safe_load((out / "article.meta.yaml").read_text(encoding="utf-8"))
    assert meta["url"] == ADDRESS and meta["published"]["date"] == "2024-05-06"
    # the text and metadata kept read back as the same article: the same tables
    again = analysis.load(out / "article.txt").frames()
    for name, df in analysis.load(QUAKE).frames().items():
        pdt.assert_frame_equal(df, again[name], obj=name)


def test_a_text_file_gets_no_text_beside_its_tables(tmp_path):
    out = tmp_path / "out"
    assert main(["tables", "--article", str(SAVED / "grain_prices.txt"), "--out", str(out)]) == 0
    assert not (out / "article.txt").exists() and not (out / "article.meta.yaml").exists()


# ---- an address: fetched (here by a stand-in), with a timeout and one line when it fails ----


class _Response(io.BytesIO):
    def __init__(self, body: bytes, kind: str = "text/html; charset=utf-8", length=True):
        super().__init__(body)
        self.headers = email.message.Message()
        self.headers["Content-Type"] = kind
        if length:
            self.headers["Content-Length"] = str(len(body))


@pytest.fixture
def web(monkeypatch):
    """The pages a stand-in for urlopen serves, by address; what was asked, and how."""
    served: dict[str, object] = {}
    asked: list[tuple[str, float, dict]] = []

    def urlopen(request, timeout=None):
        asked.append((request.full_url, timeout, dict(request.header_items())))
        answer = served.get(request.full_url)
        if answer is None:
            raise urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution"))
        if isinstance(answer, Exception):
            raise answer
        return answer() if callable(answer) else _Response(answer)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    return served, asked


def test_an_address_is_fetched_and_read_as_its_saved_page_is(web):
    served, asked = web
    served[ADDRESS] = QUAKE.read_bytes()
    t = analysis.load(ADDRESS)
    assert asked[0][0] == ADDRESS and asked[0][1] == page.TIMEOUT
    assert "text/html" in asked[0][2]["Accept"]
    a = t.article
    assert a.address == ADDRESS and a.name == "veloria-quake" and a.meta["url"] == ADDRESS
    saved = analysis.load(QUAKE)
    assert a.text == saved.article.text
    for name, df in saved.frames().items():
        pdt.assert_frame_equal(t[name], df, obj=name)


def test_no_file_beside_an_address_is_read(web, tmp_path, monkeypatch):
    served, _ = web
    served[ADDRESS] = QUAKE.read_bytes()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "veloria-quake.meta.yaml").write_text("title: not this one\n", encoding="utf-8")
    (tmp_path / "veloria-quake.facts.yaml").write_text("entities: []\n", encoding="utf-8")
    t = analysis.load(ADDRESS)
    assert t.article.meta["title"] == "Strong quake shakes coastal towns of Veloria"
    assert set(t.events["origin"]) == {"extracted"}


def test_the_tables_of_a_page_are_kept_while_its_bytes_are_the_same(web):
    served, asked = web
    served[ADDRESS] = QUAKE.read_bytes()
    first = analysis.load(ADDRESS)
    assert analysis.load(ADDRESS) is first and len(asked) == 2  # fetched again, same bytes
    served[ADDRESS] = QUAKE.read_bytes().replace(b"at least 40 houses", b"at least 45 houses")
    changed = analysis.load(ADDRESS)
    assert changed is not first and "at least 45 houses" in changed.article.text


def test_a_saved_page_changed_in_place_is_read_again(tmp_path):
    story = tmp_path / "quake.html"
    shutil.copy(QUAKE, story)
    first = analysis.load(story)
    assert analysis.load(story) is first
    stat = story.stat()
    story.write_bytes(QUAKE.read_bytes().replace(b"40 houses", b"41 houses"))  # the same size
    os.utime(story, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    again = analysis.load(story)
    assert again is not first and "41 houses" in again.article.text


def test_names_made_from_addresses():
    assert page.name_of("https://news.example/world/story-123.html") == "story-123"
    assert page.name_of("https://news.example/world/2024/05/06/quake/") == "quake"
    assert page.name_of("http://news.example/article.php?id=7") == "article.php-id-7"
    assert page.name_of("https://news.example.org/") == "news.example.org"
    assert page.is_address("HTTPS://news.example/x") and not page.is_address("news/x.html")
    assert not page.is_address("ftp://news.example/x")


# ---- bad pages and failed fetches: one line, exit 2, nothing written ------------------------


def _bad_pages(folder: Path) -> dict[str, str]:
    folder.mkdir()
    (folder / "empty.html").write_bytes(b"")
    (folder / "blank.htm").write_bytes(b"  \n\t \n")
    (folder / "chrome.html").write_bytes(
        b"<html><head><title>Front page</title></head><body><nav><a href='/'>Home</a> "
        b"<a href='/world'>World</a></nav><footer>All rights reserved</footer></body></html>"
    )
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "wrong.html").write_bytes(
        QUAKE.read_bytes().replace(b"the national emergency agency", "l’agence".encode("cp1252"))
    )
    (folder / "nocharset.html").write_bytes(
        "<html><body><article><p>Caf\u00e9 owners in the town said the storm cost them a week "
        "of trade.</p></article></body></html>".encode("cp1252")
    )
    (folder / "unknown.html").write_bytes(
        b'<html><head><meta charset="x-klingon-8"></head><body><p>Text.</p></body></html>'
    )
    with (folder / "huge.html").open("wb") as f:
        f.truncate(25 * 1024 * 1024)
    return {
        "missing.html": "no such file",
        "empty.html": "is empty",
        "blank.htm": "is empty",
        "chrome.html": "has no main text",
        "image.html": "is a binary file, not a web page",
        "wrong.html": "it declares utf-8, and byte 0x92 at offset",
        "nocharset.html": "declares no charset, so it is read as UTF-8",
        "unknown.html": "declares the charset 'x-klingon-8'",
        "huge.html": "25.0 MiB is too large for one article (the limit is 20 MiB)",
    }


def test_a_bad_page_gets_one_line_exit_2_nothing_written(tmp_path):
    for name, problem in _bad_pages(tmp_path / "in").items():
        out = tmp_path / f"out-{name}"
        done = subprocess.run(
            [sys.executable, "-m", "analysis", "tables", "--article", str(tmp_path / "in" / name),
             "--out", str(out)], capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 2, (name, done.stderr)
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert lines[0].startswith(f"error: {tmp_path / 'in' / name}: "), lines[0]
        assert problem in lines[0], (name, lines[0])
        assert not out.exists()


def _timeout():
    raise urllib.error.URLError(TimeoutError("timed out"))


def _failed_fetches():
    big = _Response(b"", length=False)
    big.headers["Content-Length"] = str(64 * 1024 * 1024)
    return {
        "https://offline.example/story": (None, "the host's name cannot be looked up (offline"),
        "https://news.example/gone": (
            urllib.error.HTTPError("https://news.example/gone", 404, "Not Found", None, None),
            "the server answered 404 Not Found",
        ),
        "https://slow.example/story": (_timeout, "no answer within 20 s"),
        "https://news.example/report.pdf": (
            lambda: _Response(b"%PDF-1.7", kind="application/pdf"),
            "is application/pdf, not a web page (HTML)",
        ),
        "https://news.example/huge": (lambda: big, "64.0 MiB is too large for one article"),
        "https://news.example/empty": (lambda: _Response(b""), "is empty"),
    }


def test_an_address_that_cannot_be_fetched_gets_one_line_naming_it(web, tmp_path, capsys):
    served, _ = web
    for address, (answer, problem) in _failed_fetches().items():
        if answer is not None:
            served[address] = answer
        out = tmp_path / "out"
        assert main(["tables", "--article", address, "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith(f"error: {address}: "), err
        assert problem in err, (address, err)
        assert not out.exists()
    with pytest.raises(InputError, match="cannot be fetched"):
        page.fetch("https://offline.example/story")


def test_a_page_sent_too_slowly_is_given_up(web, monkeypatch):
    served, _ = web
    clock = iter(range(0, 1000, 30))
    monkeypatch.setattr(page.time, "monotonic", lambda: next(clock))
    served["https://drip.example/story"] = lambda: _Response(b"<p>x</p>" * 100_000)
    with pytest.raises(InputError, match="sent too slowly"):
        page.fetch("https://drip.example/story")


# ---- folders, globs and the corpus find pages beside text files ----------------------------


def _mixed_folder(folder: Path) -> Path:
    folder.mkdir()
    for html in ALL_PAGES:
        shutil.copy(html, folder / html.name)
    shutil.copy(paths.DATA / "eval" / "astana_transport.txt", folder / "astana.txt")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


def test_the_corpus_finds_pages_beside_text_files(tmp_path):
    folder = _mixed_folder(tmp_path / "in")
    names = ["astana", "grain_prices", "kestrel_cup", "tarnow_court", "veloria_quake"]
    assert [p.stem for p in find_articles(folder)] == names
    assert [p.stem for p in find_articles(str(folder / "*"))] == names
    assert [p.name for p in find_articles(str(folder / "*.htm"))] == ["grain_prices.htm"]
    mixed = find_articles([str(folder / "*.htm*"), ADDRESS, str(folder / "astana.txt")])
    assert mixed[0] == folder / "astana.txt" and mixed[-2] == ADDRESS and len(mixed) == 6
    assert paths.articles_in(folder) == sorted(folder / f for f in os.listdir(folder)
                                               if not f.endswith(".md"))  # fmt: skip


def test_a_corpus_batch_of_pages_text_files_and_addresses(web, tmp_path):
    served, asked = web
    served[ADDRESS] = QUAKE.read_bytes()
    folder = _mixed_folder(tmp_path / "in")
    (folder / "veloria_quake.html").unlink()
    articles = tuple([*find_articles(folder), ADDRESS, "https://offline.example/lost-story"])
    frames = batch_tables(articles)
    docs = frames["documents"].set_index("doc_id")
    assert sorted(docs.index) == ["astana", "grain_prices", "kestrel_cup", "tarnow_court",
                                  "veloria-quake"]  # fmt: skip
    assert docs.loc["veloria-quake", "path"] == ADDRESS
    assert docs.loc["veloria-quake", "agency"] == "Harbour Wire"
    assert docs.loc["kestrel_cup", "published"] == "2021-09-19"
    [error] = frames["errors"].to_dict("records")
    assert (
        error["doc_id"] == "lost-story" and "https://offline.example/lost-story:" in error["error"]
    )
    assert "Advertisement" not in set(frames["tokens"]["token"])


def test_a_batchs_key_covers_the_bytes_of_its_pages(web, tmp_path):
    served, asked = web
    served[ADDRESS] = QUAKE.read_bytes()
    folder = _mixed_folder(tmp_path / "in")
    batch = Batch(0, (*find_articles(folder), ADDRESS))
    key = batch.key
    assert batch.key == key
    served[ADDRESS] = QUAKE.read_bytes().replace(b"40 houses", b"41 houses")
    assert batch.key != key
    served[ADDRESS] = QUAKE.read_bytes()
    assert batch.key == key
    saved = folder / "kestrel_cup.html"
    saved.write_bytes(saved.read_bytes().replace(b"18,400 fans", b"18,500 fans"))
    assert batch.key != key
    assert set(fetch(batch.articles)) == {ADDRESS}


def test_a_batch_fetches_each_address_once(web, tmp_path):
    served, asked = web
    served[ADDRESS] = QUAKE.read_bytes()
    summary = process_batch(Batch(0, (ADDRESS,)), str(tmp_path / "out"))
    assert summary["errors"] == 0 and len(asked) == 1


def test_term_counts_of_a_saved_page_count_its_main_text(tmp_path):
    shutil.copy(SAVED / "veloria_quake.txt", tmp_path / "saved.txt")
    counts = term_counts([QUAKE, tmp_path / "saved.txt"])
    by_doc = counts.pivot_table(index="term", columns="doc_id", values="count", observed=True)
    assert by_doc.notna().all(axis=None) and (by_doc["veloria_quake"] > 0).all()
    assert "advertisement" not in set(counts["term"]) and "href" not in set(counts["term"])
    assert counts.groupby("doc_id", observed=True)["count"].sum().nunique() == 1


def test_the_notebooks_get_an_address_as_it_is(monkeypatch, tmp_path):
    from analysis import notebooks

    given = []

    async def execute(path, params, page_out):
        given.append(params)
        return 0.0

    monkeypatch.setattr(notebooks, "_execute_async", execute)
    notebooks.run(tmp_path, ADDRESS, html=False, only=[paths.NOTEBOOKS / "01_article.ipynb"])
    notebooks.run(tmp_path, "data/eval/pages/veloria_quake.html", html=False,
                  only=[paths.NOTEBOOKS / "01_article.ipynb"])  # fmt: skip
    assert given[0].startswith(f"ARTICLE = {ADDRESS!r}\n")
    assert given[1].startswith(
        f"ARTICLE = {str(Path.cwd() / 'data/eval/pages/veloria_quake.html')!r}"
    )


@pytest.mark.slow
def test_the_corpus_command_on_pages_and_a_text_file(tmp_path):
    folder = _mixed_folder(tmp_path / "in")
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "corpus", str(folder), "--out", str(tmp_path / "out"),
         "--workers", "1"], capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "5 articles in 2 batches" in done.stderr  # (two a worker: 3 and 2)
    from analysis.corpus import read

    docs = read(tmp_path / "out", "documents").set_index("doc_id")
    assert sorted(docs.index) == ["astana", "grain_prices", "kestrel_cup", "tarnow_court",
                                  "veloria_quake"]  # fmt: skip
    assert docs.loc["tarnow_court", "published"] == "2023-11-14"
    assert (
        docs.loc["grain_prices", "title"] == "Wheat futures jump as dry spell hits southern plains"
    )
