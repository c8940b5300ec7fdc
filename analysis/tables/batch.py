"""Every table of many articles at once, stacked with `doc_id` and `published` first: the work
of one batch of a corpus (`analysis.corpus`), the same tables as `Tables` builds one article at
a time (a test holds them equal).

What makes it cheaper than a loop over `Tables.frames()`:

- the model reads the batch's articles together (`model.parse_many`, spaCy's `nlp.pipe`), and
  each article's extraction is handed its parse (`extract_facts(..., parsed=)`);
- the tables of each article are built with their dtypes left as they come
  (`schemas.deferred`), stacked, and conformed to their declared dtypes once per batch;
- only the tables asked for are built (`tables=`), with those the corpus tables read.

An article is a file (a text file, a saved web page) or an http(s) address (its page fetched
once, by `analysis.corpus.batches.fetch`). One article never sinks another: whatever goes wrong
with one (its file name, its bytes, a page that could not be fetched, an exception in any of
its tables) is its row of `failed`, with the reason, and the others go on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import schemas
from ..errors import InputError
from ..reading import page

# the tables the corpus tables are made from: built whatever is asked for
NEEDED = ("entities", "events")


@dataclass
class Batch:
    """The tables of a batch: `frames` (each table built, stacked, doc_id and published first, in its
    declared dtypes), `documents` (one dict per article: doc_id, path, published, agency,
    place, title, body) and `failed` (doc_id, path, error: one per article left out)."""

    frames: dict[str, pd.DataFrame]
    documents: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)


def doc_id(path: Path | str) -> str:
    """An article's doc_id: its file name without the extension (a name that is not valid
    UTF-8 shows its odd bytes as U+FFFD, for the `errors` table to name it), or the name made
    from its address (`analysis.reading.page.name_of`)."""
    if page.is_address(path):
        return page.name_of(path)
    stem = Path(path).stem
    return stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def shown(path: Path | str) -> str:
    """A path (or an address) as text that can be written anywhere (odd bytes of a file name
    as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def reason(path: Path, err: BaseException) -> str:
    """The one line of `errors` for an article that could not be used."""
    if isinstance(err, InputError):
        return str(err)
    return (
        f"{shown(path)}: its tables could not be built ({type(err).__name__}: {err}); "
        "the other articles went on: report it with this file"
    )


def build(
    paths: list[Path | str] | tuple[Path | str, ...], *,
    tables: tuple[str, ...] = schemas.TABLE_NAMES, fetched: dict | None = None,
) -> Batch:  # fmt: skip
    """The tables `tables` (default: every one) of the articles at `paths` (files, and http(s)
    addresses), stacked; those the corpus tables are made from (`NEEDED`) are built too.
    `fetched` holds the pages at the addresses, as `analysis.corpus.batches.fetch` gives them
    (an address missing from it is fetched here).

    An article that cannot be read, or any of whose tables fails, is a row of `failed`; the
    others' tables are built and stacked as if it were not there.
    """
    wanted = tuple(n for n in schemas.TABLE_NAMES if n in set(tables) | set(NEEDED))
    failed: list[dict] = []
    bundles = []
    for path in paths:
        name = doc_id(path)
        try:
            if not page.is_address(path) and name != Path(path).stem:
                raise InputError(
                    shown(path), "the file name is not valid UTF-8; rename the file (UTF-8)"
                )
            bundles.append((path, _bundle(_read(path, fetched or {}))))
        except Exception as err:  # noqa: BLE001 - whatever it is, it is this article's
            failed.append({"doc_id": name, "path": shown(path), "error": reason(path, err)})
    pieces: list[tuple[Path, dict[str, pd.DataFrame], dict]] = []
    # dtypes as they come (numpy's, Python's objects), the tables each article's others are
    # made from (its sentences and tokens) too: each table is conformed once, below
    with schemas.deferred():
        parses = _parses(bundles, failed)
        for (path, tables_of), parsed in zip(bundles, parses):
            if parsed is _FAILED:
                continue
            try:
                pieces.append((path, *_article_tables(tables_of, parsed, wanted)))
            except Exception as err:  # noqa: BLE001
                failed.append({"doc_id": doc_id(path), "path": shown(path), "error": reason(path, err)})  # fmt: skip
    frames = _stacked(pieces, wanted, failed)
    return Batch(frames, [doc for _, _, doc in pieces], failed)


_FAILED = object()


def _read(item: Path | str, fetched: dict):
    """The Article of a file (a text file, a saved page) or of the page at an address."""
    from ..reading import article

    if page.is_address(item):
        got = fetched.get(item) or page.read(item)
        if isinstance(got, InputError):
            raise got
        return page.load(got)
    return page.load(item) if page.is_page(item) else article.load(item)


def _bundle(article):
    from .bundle import Tables

    return Tables(article)


def _extracted(tables) -> bool:
    """Whether the article's facts are extracted (no curated facts file beside it)."""
    from ..facts import curated

    return not curated.has_curated(tables.article)


def _parses(bundles: list, failed: list[dict]) -> list:
    """The model's parse of each article whose facts are extracted (None where the model does
    not read it, or for curated facts), the batch's articles read together; `_FAILED` for an
    article that failed here (and its row in `failed`)."""
    from ..facts.extract import facts_doc, model

    docs, out = [], []
    for path, tables in bundles:
        try:
            docs.append(
                facts_doc(tables.article, tables._sentences) if _extracted(tables) else None
            )
            out.append(None)
        except Exception as err:  # noqa: BLE001
            docs.append(None)
            out.append(_FAILED)
            failed.append({"doc_id": doc_id(path), "path": shown(path), "error": reason(path, err)})  # fmt: skip
    todo = [i for i, d in enumerate(docs) if d is not None]
    try:
        for i, parsed in zip(todo, model.parse_many([docs[i] for i in todo])):
            out[i] = parsed
    except Exception:  # noqa: BLE001 - one of them: each read alone, to find which
        for i in todo:
            path = bundles[i][0]
            try:
                out[i] = model.parse_many([docs[i]])[0]
            except Exception as err:  # noqa: BLE001
                out[i] = _FAILED
                failed.append({"doc_id": doc_id(path), "path": shown(path), "error": reason(path, err)})  # fmt: skip
    return out


def _article_tables(tables, parsed, wanted: tuple[str, ...]) -> tuple[dict, dict]:
    """The tables `wanted` of one article (dtypes as they come), and its row of `documents`."""
    if _extracted(tables):
        from ..facts.extract import extract_facts

        found = extract_facts(tables.article, tables._sentences, parsed=parsed)
        tables.__dict__["_facts"] = tables._with_year_noted(found)
    frames = {n: tables.cached(n) for n in wanted}
    article, meta = tables.article, tables.article.meta
    where = getattr(article, "address", None) or str(article.path)  # (a page's address)
    doc = {"doc_id": article.name, "path": where,
           "published": (meta.get("published") or {}).get("date"), "agency": meta.get("agency"),
           "place": meta.get("place"), "title": title(tables),
           "body": article.text[article.body_start :]}  # fmt: skip
    return frames, doc


BYLINE_WORDS = 6  # a sentence naming a credit in this many words or fewer is a byline


def title(tables, *, width: int = 100) -> str:
    """An article's title: its metadata's, else the headline above its dateline, else its
    opening words (at most `width` characters, cut at a word; a byline such as "By Harbour
    Wire" before them is no title), else its file name."""
    article = tables.article
    given = article.meta.get("title")
    if given and given != article.name:
        return str(given)
    d = article.dateline
    if d is not None and d.headline is not None:
        text = article.text[d.headline[0] : d.headline[1]]
    else:
        credits = [(c.start, c.end) for c in article.credits or ()]
        sentences = tables._sentences
        text = next(
            (t for a, b, t in zip(sentences["start"], sentences["end"], sentences["text"])
             if not (len(str(t).split()) <= BYLINE_WORDS
                     and any(a <= c0 and c1 <= b for c0, c1 in credits))),
            "",
        )  # fmt: skip
    text = " ".join(str(text).split())
    if len(text) > width:
        text = text[: width - 1].rsplit(" ", 1)[0] + "…"
    return text or article.name


def _stacked(pieces: list, wanted: tuple[str, ...], failed: list[dict]) -> dict[str, pd.DataFrame]:
    """Each table of the articles in `pieces`, stacked and conformed once. An article whose
    values do not conform (it cannot happen with the package's own builders) is found by
    conforming each alone, moved to `failed` and left out of every table."""
    try:
        return {n: stack([p[1][n] for p in pieces], [p[2] for p in pieces], n) for n in wanted}
    except Exception:  # noqa: BLE001
        pass
    good = []
    for piece in pieces:
        path, frames, doc = piece
        try:
            for n in wanted:
                stack([frames[n]], [doc], n)
            good.append(piece)
        except Exception as err:  # noqa: BLE001
            failed.append({"doc_id": doc_id(path), "path": shown(path), "error": reason(path, err)})  # fmt: skip
    pieces[:] = good
    return {n: stack([p[1][n] for p in good], [p[2] for p in good], n) for n in wanted}


def stack(frames: list[pd.DataFrame], docs: list[dict], name: str) -> pd.DataFrame:
    """One table of several articles (`frames`, one per row of `docs`), with doc_id and
    published first, in the declared dtypes (`schemas.conform_corpus`): the columns are added
    and the dtypes converted once, not once per article."""
    if not frames:
        return schemas.conform_corpus(schemas.empty(name).assign(doc_id=[], published=[]), name)
    lengths = [len(f) for f in frames]
    df = pd.concat(frames, ignore_index=True)
    keys = {
        key: np.repeat(np.array([d[key] for d in docs], dtype=object), lengths)
        for key in ("doc_id", "published")
    }
    return schemas.conform_corpus(df.assign(**keys), name)
