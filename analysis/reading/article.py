"""Reading an article: checks on the file, the dateline, and the metadata beside it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import paths
from ..errors import InputError
from ..readonly import frozen
from .credits import Credit, credits
from .dateline import Dateline, parse_dateline

MAX_BYTES = 20 * 1024 * 1024  # one article; a whole newspaper year is not an article

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
    """The file's text, or an InputError saying what is wrong with it and what to do."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                path,
                f"{size / 2**20:.1f} MiB is too large for one article (limit {MAX_BYTES / 2**20:g} MiB); "
                "split it into one file per article",
            )
        data = path.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror}); check its permissions") from None
    if b"\x00" in data:
        raise InputError(path, "is a binary file, not text; pass a plain-text article (.txt)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            path,
            f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "re-save it as UTF-8, for example: iconv -f cp1251 -t utf-8 IN > OUT",
        ) from None
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
    try:
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            None, f"{where}: '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2017-02-01"
        ) from None
    return {"date": date.isoformat(), "precision": "day", "how_known": f"given ({where})"}


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
    the credits (a byline, a closing "- Bernama", an agency's name alone on a line)."""
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
    if file.is_file():
        from .yamlfile import load_yaml

        given = load_yaml(file)
        if not isinstance(given, dict):
            raise InputError(
                file, "must be a mapping of keys to values; see data/raw/article.meta.yaml"
            )
        for key in given:
            if key.startswith("__"):
                continue
            if key not in META_KEYS:
                raise InputError(file, f"unknown key '{key}'; the keys are {', '.join(META_KEYS)}")
        meta.update({k: v for k, v in given.items() if not k.startswith("__")})
        pub = meta.get("published") or {}
        date = pub.get("date")
        if isinstance(date, dt.date):
            pub["date"] = date.isoformat()
        elif date is not None and not isinstance(date, str):
            raise InputError(file, "published.date must be an ISO date such as 2015-10-22")
        if pub.get("precision") not in (None, "day", "month", "year"):
            raise InputError(file, "published.precision must be day, month or year")
        meta["published"] = pub
    if not meta.get("source_line"):
        meta["source_line"] = source_line(meta)
    return meta


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
