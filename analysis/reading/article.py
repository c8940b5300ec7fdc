"""Reading an article: checks on the file, the dateline, and the metadata beside it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import paths
from ..errors import InputError, describe, one_line
from ..readonly import frozen
from . import encodings
from .credits import Credit, credits
from .dateline import Dateline, parse_dateline
from .files import MIB, read_bounded

MAX_BYTES = 20 * MIB  # one article; a whole newspaper year is not an article

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    """An article's raw text, its dateline and the metadata written beside it.

    `text` is the file decoded as UTF-8 and nothing else: every offset in every table points
    into it. The body starts after the dateline. An Article never changes once built: `meta`
    is a read-only copy of the mapping it is given (nested mappings and lists too).
    """

    path: Path
    text: str
    dateline: Dateline | None
    meta: dict = field(default_factory=dict, compare=False)
    # agencies and reporters credited outside the dateline (a byline, a closing "- Bernama"),
    # read once when the article is loaded
    credits: tuple[Credit, ...] = field(default=(), compare=False)

    def __post_init__(self):
        object.__setattr__(self, "meta", frozen(self.meta))

    @property
    def body_start(self) -> int:
        """Where the body starts: after the dateline, or at the headline above it."""
        if self.dateline is None or self.dateline.headline is not None:
            return 0
        return self.dateline.end

    @property
    def name(self) -> str:
        return self.path.stem


def resolve(path: str | Path | None) -> Path:
    """The article file a user means: the seed article, a file, or the one article in a folder."""
    path = paths.ARTICLE if path is None else Path(path)
    if not path.exists():
        raise InputError(path, "no such file; check the path, or leave --article out for the seed")
    if path.is_dir():
        named = path / "article.txt"
        found = [named] if named.is_file() else paths.articles_in(path)
        if len(found) != 1:
            what = "no article (.txt or .html file)" if not found else f"{len(found)} articles"
            raise InputError(path, f"{what} in this folder; pass the article file itself")
        path = found[0]
    return path


def read_text(path: Path) -> str:
    """The file's text, or an InputError saying what is wrong with it and what to do.

    Only a regular file is read (a device or a FIFO is refused before it is read, and a FIFO
    is opened without waiting for a writer), and never more than `MAX_BYTES` of it.
    """
    data = read_bounded(path, MAX_BYTES, "one article", "split it into one file per article")
    text, bad = None, "NUL bytes"
    if b"\x00" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            bad = f"byte 0x{data[err.start]:02x} at offset {err.start}"
    if text is None:
        guess = encodings.guess(data)
        if b"\x00" in data and not guess.startswith("UTF"):
            raise InputError(path, "is a binary file, not text; pass a plain-text article (.txt)")
        how = f"re-save it as UTF-8, for example: iconv -f {guess} -t UTF-8 IN > OUT"
        if guess.startswith("UTF"):
            raise InputError(path, f"is {encodings.LABELS[guess]} text, not UTF-8; {how}")
        raise InputError(
            path,
            f"is not UTF-8 text ({bad}); it is most likely {encodings.LABELS[guess]}: {how}",
        )
    if not text.strip("\ufeff \t\r\n\f\v"):
        raise InputError(path, "is empty; put the article's text in it")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError(path, "is full of control characters, not text; pass a plain-text article")
    return text


def from_text(
    path: Path, text: str, *, published: str | dt.date | None = None, given: dict | None = None,
    beside: bool = True, kind: type[Article] = Article, **fields,
) -> Article:  # fmt: skip
    """The article of a text read from `path`: its dateline, credits and metadata.

    `given` is metadata the article's source says of itself (a web page's title, author,
    date...): the metadata file beside `path` has the last word over it; `beside` False reads
    no file beside `path` (an address has none). `kind` and `fields` make a kind of Article
    that keeps more (`analysis.reading.page.Page`).
    """
    dateline = parse_dateline(text)
    credited = tuple(credits(text))
    if dateline is not None:  # a joint credit ("Xinhua/APP"): the agencies before the publisher
        credited += tuple(Credit(n, "publisher", *at) for n, at in dateline.agencies[:-1])
    credited = _relayed_or_published(credited, dateline)
    meta = read_meta(path, dateline, credited, given, beside=beside)
    if dateline is not None:
        meta = from_dateline(meta, dateline, dated=published is None)
    if published is not None:
        meta["published"] = given_date(published, "--published")
        meta["source_line"] = source_line(meta)
    return kind(path=path, text=text, dateline=dateline, meta=meta, credits=credited, **fields)


def load(path: str | Path | None = None, *, published: str | dt.date | None = None) -> Article:
    """Read and check an article (the seed article by default) and its metadata file.

    `published` (an ISO date) is the publication date when the caller knows it: it wins over
    the metadata file and the dateline.
    """
    path = resolve(path)
    return from_text(path, read_text(path), published=published)


YEARS = range(1800, 2201)  # publication dates outside these years are typing errors


def from_dateline(meta: dict, dateline: Dateline, *, dated: bool = True) -> dict:
    """The metadata with what the dateline says and the metadata file does not: the agencies
    a joint credit names besides the publisher ("APP via Xinhua") and, when `dated`, the date
    of the story (a day when the dateline has the year; the month and the day alone when it
    has not, or with the year the metadata gives)."""
    meta = dict(meta)
    written = meta.get("source_line") == source_line(meta)  # made here, not given in the file
    if not meta.get("sources") and len(dateline.agencies) > 1:
        meta["sources"] = [name for name, _ in dateline.agencies[:-1]]
    pub = dict(meta.get("published") or {})
    if dated and dateline.month and pub.get("precision") != "day":
        meta["published"] = with_dateline_date(pub, dateline)
    if written:
        meta["source_line"] = source_line(meta)
    return meta


def with_dateline_date(pub: dict, d: Dateline) -> dict:
    """`published` with the dateline's date: its day, with the year from the dateline or from
    the metadata's own year; the month and day alone when no year is known."""
    given = str(pub.get("date") or "")
    year = d.year or (int(given[:4]) if given[:4].isdigit() else None)
    if given and d.year and given[:4] != str(d.year):
        return pub  # the metadata's year and the dateline's disagree: the metadata wins
    if given[5:7].isdigit() and pub.get("precision") == "month" and int(given[5:7]) != d.month:
        return pub
    where = f"the dateline ({d.date_text})"
    if year is None:
        return pub | {"date": None, "precision": None, "month": d.month, "day": d.day,
                      "how_known": f"{where} gives the month and the day, not the year"}  # fmt: skip
    try:
        day = dt.date(year, d.month, d.day)
    except ValueError:
        return pub
    how = where if d.year else f"{where}, the year from the metadata"
    return pub | {"date": day.isoformat(), "precision": "day", "how_known": how}


def given_date(value: str | dt.date, where: str) -> dict:
    """A publication date a user gave, as the metadata's `published` mapping."""
    return {"date": _date(value, where), "precision": "day", "how_known": f"given ({where})"}


def _date(value, where: str, file: Path | None = None) -> str:
    """An ISO date (YYYY-MM-DD) from a date or its text, with its year in `YEARS`."""
    try:
        if isinstance(value, dt.datetime):
            raise ValueError
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            file,
            f"{where}: '{one_line(value, 40)}' is not a date; write it as YYYY-MM-DD, e.g. 2017-02-01",
        ) from None
    if date.year not in YEARS:
        raise InputError(
            file,
            f"{where}: {date.isoformat()} is not a publication date (the year must be from "
            f"{YEARS[0]} to {YEARS[-1]}); check the year",
        )
    return date.isoformat()


META_KEYS = {
    "title": "a short title for charts",
    "author": "the byline's author (a web page's metadata)",
    "site": "the site that printed the story (a web page's metadata)",
    "url": "the address of the story's page",
    "place": "the dateline's place",
    "agency": "the agency that published the story",
    "sources": "agencies or outlets the story is credited to",
    "language": "ISO 639-1 code",
    "published": "date (ISO 8601), precision (day, month, year), how_known, and year_inferred "
    "(true when no date in the story gives the year)",
    "source_line": "the credit line printed under charts",
}
PUBLISHED_KEYS = ("date", "precision", "how_known", "year_inferred")
_LANGUAGE = re.compile(r"[a-z]{2}")


def _relayed_or_published(credited: tuple[Credit, ...], dateline: Dateline | None) -> tuple:
    """An agency the lead credits ("..., Agency reports.") is the publisher when no dateline
    or other credit names one, and the agency relayed when another is the publisher
    ("KAZAN. AGENCY A - ..., Agency B informs": A relays B)."""
    named = {dateline.agency} if dateline is not None and dateline.agency else set()
    named |= {c.name for c in credited if c.role == "publisher"}
    return tuple(
        replace(c, role="publisher")
        if c.role == "relayed" and (not named or c.name in named)
        else c
        for c in credited
    )


def read_meta(
    path: Path, dateline: Dateline | None, credited: tuple[Credit, ...] = (),
    given: dict | None = None, *, beside: bool = True,
) -> dict:  # fmt: skip
    """Metadata from `<stem>.meta.yaml` beside the article, filled in from the dateline and
    the credits (a byline, a closing "- Bernama", an agency's name alone on a line).

    Every key and value of the file is checked: a key it does not know, or a value of the
    wrong type (a list where a name is due, a date that is not one), is an InputError."""
    meta: dict = {
        "title": path.stem.replace("_", " "),
        "place": dateline.place if dateline else None,
        "agency": (dateline.agency if dateline else None)
        or next((c.name for c in credited if c.role == "publisher"), None),
        "sources": [c.name for c in credited if c.role == "relayed"],
        "language": "en",
        "published": {"date": None, "precision": None, "how_known": "not known"},
    }
    # what the source says of itself (a page's metadata); its site is the agency only when
    # the text credits none
    meta |= {k: v for k, v in (given or {}).items() if not (k == "agency" and meta["agency"])}
    if not beside:
        return meta | {"source_line": source_line(meta)}

    file = paths.companion(path, "meta")
    if file.exists():  # a FIFO, a folder or a device there is refused, not passed over
        meta.update(_checked_meta(file))
    if not meta.get("source_line"):
        meta["source_line"] = source_line(meta)
    return meta


def _checked_meta(file: Path) -> dict:
    """The keys a metadata file gives (None values left out), each checked."""
    from .yamlfile import load_yaml

    given = load_yaml(file)
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise InputError(
            file, "must be a mapping of keys to values; see data/raw/article.meta.yaml"
        )
    out = {}
    for key, value in given.items():
        if isinstance(key, str) and key.startswith("__"):
            continue
        if key not in META_KEYS or not isinstance(key, str):
            raise InputError(file, f"unknown key '{key}'; the keys are {', '.join(META_KEYS)}")
        if value is None:
            continue
        if key == "published":
            out[key] = _checked_published(file, value)
        elif key == "sources":
            if not isinstance(value, list):
                raise InputError(file, f"sources: must be a list of names, e.g. [BelTA], not "
                                 f"{describe(value)}")  # fmt: skip
            bad = next((v for v in value if not _is_name(v)), None)
            if bad is not None or None in value:
                raise InputError(file, f"sources: each source must be a name, not {describe(bad)}"
                                 + _QUOTE_IT * (not isinstance(bad, list | dict)))  # fmt: skip
            out[key] = [v.strip() for v in value]
        elif key == "language":
            if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
                raise InputError(file, f"language: must be a two-letter ISO 639-1 code such as "
                                 f"en, not {describe(value)}")  # fmt: skip
            out[key] = value
        elif not _is_name(value):
            raise InputError(file, f"{key}: must be text ({META_KEYS[key]}), not {describe(value)}"
                             + _QUOTE_IT * (not isinstance(value, list | dict)))  # fmt: skip
        else:
            out[key] = value.strip()
    return out


def _checked_published(file: Path, value) -> dict:
    if not isinstance(value, dict):
        raise InputError(file, f"published: must be a mapping such as {{date: 2015-10-22, "
                         f"precision: day}}, not {describe(value)}")  # fmt: skip
    pub = {k: v for k, v in value.items() if not (isinstance(k, str) and k.startswith("__"))}
    unknown = [k for k in pub if k not in PUBLISHED_KEYS]
    if unknown:
        raise InputError(file, f"published: unknown key '{unknown[0]}'; the keys are "
                         f"{', '.join(PUBLISHED_KEYS)}")  # fmt: skip
    if pub.get("date") is not None:
        if not isinstance(pub["date"], (str, dt.date)):
            raise InputError(file, f"published.date must be an ISO date such as 2015-10-22, "
                             f"not {describe(pub['date'])}")  # fmt: skip
        pub["date"] = _date(pub["date"], "published.date", file)
    if pub.get("precision") not in (None, "day", "month", "year"):
        raise InputError(file, "published.precision must be day, month or year")
    if pub.get("how_known") is not None and not isinstance(pub["how_known"], str):
        raise InputError(
            file, f"published.how_known must be text, not {describe(pub['how_known'])}"
        )
    if pub.get("year_inferred") is not None and not isinstance(pub["year_inferred"], bool):
        raise InputError(file, "published.year_inferred must be true or false")
    return {"date": None, "precision": None, "how_known": "not known"} | pub


_QUOTE_IT = "; put it in quotes if it is a number or a date"


def _is_name(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def source_line(meta: dict) -> str:
    """'Source: Kazinform via BelTA, 22 Oct 2015' from the metadata."""
    who = meta.get("agency") or "unknown agency"
    sources = [s for s in meta.get("sources") or [] if s != who]
    if sources:
        who += " via " + ", ".join(sources)
    date = (meta.get("published") or {}).get("date")
    if date:
        d = dt.date.fromisoformat(date)
        who += f", {d.day} {d.strftime('%b')} {d.year}"
    return f"Source: {who}"
