"""Reading a web page: a saved `.html`/`.htm` file or an `http(s)://` address.

The page is read as a text file is (one regular file, never more than `MAX_BYTES`; an address
is fetched once, with a timeout, no more than `MAX_BYTES` of it), decoded by the charset it
declares (its byte-order mark, the server's Content-Type, or its `<meta charset>`; UTF-8 when
it declares none), and trafilatura finds its main text (the story, without the navigation,
the advertisements, the related links and the footer) and its metadata (title, author, date,
site name, address). The text is the article's text, each paragraph separated from the next
by a blank line, as a story saved as `.txt` is: the dateline is read from it and every offset
points into it. The page's metadata fills the article's (`Page.meta`): a `<name>.meta.yaml`
beside a saved page still has the last word, and `--published` wins over both.

    article = load("story.html")           # or load("https://news.example/2024/05/06/story")
    article.text, article.meta["published"], article.address, article.digest
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..errors import InputError
from .article import MAX_BYTES, Article, from_text, resolve

TIMEOUT = 20.0  # seconds an address has to answer, and to send the whole page
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "article-analysis (reads one news page; +https://pypi.org/project/trafilatura/)"
_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
# the charsets a page may declare for one another (as browsers read them, WHATWG's Encoding
# standard): Latin-1 and ASCII pages are read as Windows-1252, of which they are a subset
_SUPERSETS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Page(Article):
    """An article read from a web page: `text` is the page's main text as trafilatura finds
    it (every offset points into it; `python -m analysis tables` writes it as `article.txt`
    beside the tables), `meta` holds the page's metadata (`title`, `author`, `site`, `url`,
    `published`), `address` the http(s) address it was fetched from (None for a saved file)
    and `digest` the SHA-256 of the page's bytes as read."""

    address: str | None = None
    digest: str = ""


@dataclass(frozen=True)
class Source:
    """A page's bytes as read, once: from a file (`path`) or an address (`address`, with
    `path` the name made from it, `<name>.html`: no file is beside an address). `charset` is
    the one the server declared, if any."""

    path: Path
    data: bytes
    address: str | None = None
    charset: str | None = None

    @property
    def where(self) -> str:
        """The file or the address, as a message names it."""
        return self.address or str(self.path)

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def is_address(where) -> bool:
    """Whether `where` is an http(s):// address."""
    return isinstance(where, str) and _ADDRESS.fullmatch(where.strip()) is not None


def is_page(where) -> bool:
    """Whether `where` is a web page: an address, or a file named `.html` or `.htm`."""
    if isinstance(where, Source) or is_address(where):
        return True
    return isinstance(where, str | Path) and Path(where).suffix.lower() in paths.PAGE_SUFFIXES


def name_of(address: str) -> str:
    """An article's name (its doc_id, its output folder) made from its address: the last part
    of the path without its extension, then the query ('story-123' from
    'https://news.example/world/story-123.html', 'article.php-id-7' from '.../article.php?id=7'),
    or the host for a site's front page."""
    from urllib.parse import urlsplit

    parts = urlsplit(address.strip())
    last = next((p for p in reversed(parts.path.split("/")) if p), "")
    stem = last.rsplit(".", 1)[0] if "." in last and not parts.query else last
    name = "-".join(s for s in (stem, parts.query) if s) or parts.hostname or "page"
    return re.sub(r"[^\w.-]+", "-", name, flags=re.ASCII).strip("-.")[:80] or "page"


def read(where: str | Path | Source) -> Source:
    """The page's bytes: a saved file (read as a text file is: bounded, a regular file only)
    or an address (fetched)."""
    if isinstance(where, Source):
        return where
    if is_address(where):
        address = str(where).strip()
        data, charset = fetch(address)
        return Source(Path(f"{name_of(address)}.html"), data, address, charset)
    path = resolve(where)
    return Source(path, read_bounded(path, MAX_BYTES, "one article", "save the article's own page"))


def read_bounded(path: Path, limit: int, what: str, split: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, its size checked before anything
    is read; else an InputError. A device or a FIFO is refused before it is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror}); check its permissions") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file; pass a saved web page (.html)")
        if info.st_size > limit:
            raise InputError(path, f"{info.st_size / 2**20:.1f} MiB is too large for {what} "
                             f"(the limit is {limit / 2**20:.0f} MiB); {split}")  # fmt: skip
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror}); check its permissions") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(
            path, f"is too large for {what} (the limit is {limit / 2**20:.0f} MiB); {split}"
        )
    return data


def fetch(address: str, *, timeout: float = TIMEOUT) -> tuple[bytes, str | None]:
    """The page at an http(s) address and the charset its server declares: no more than
    `MAX_BYTES`, within `timeout` seconds to answer and `timeout` more to send it all; else an
    InputError naming the address and what went wrong (offline, no such host, a refusal, an
    error status, no answer in time, not a web page, too large)."""
    import socket
    import urllib.error
    import urllib.request
    from http.client import HTTPException

    def failed(problem: str) -> InputError:
        return InputError(None, f"{address}: {problem}")

    offline = "check the address and the network, or save the page and pass its file"
    request = urllib.request.Request(
        address, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(HTML_TYPES)}
    )
    deadline = time.monotonic() + 2 * timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in HTML_TYPES:
                raise failed(
                    f"is {kind}, not a web page (HTML); pass the address of the story's page"
                )
            length = response.headers.get("Content-Length") or ""
            if length.isdigit() and int(length) > MAX_BYTES:
                raise failed(f"{int(length) / 2**20:.1f} MiB is too large for one article (the "
                             f"limit is {MAX_BYTES / 2**20:.0f} MiB)")  # fmt: skip
            chunks, size = [], 0
            while size <= MAX_BYTES and (chunk := response.read(1 << 16)):
                chunks.append(chunk)
                size += len(chunk)
                if time.monotonic() > deadline:
                    raise failed(
                        f"sent too slowly (not all of it in {2 * timeout:.0f} s); {offline}"
                    )
            if size > MAX_BYTES:
                raise failed(
                    f"is too large for one article (the limit is {MAX_BYTES / 2**20:.0f} MiB)"
                )
            return b"".join(chunks), response.headers.get_content_charset()
    except urllib.error.HTTPError as err:
        raise failed(f"the server answered {err.code} {err.reason}; check the address") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, socket.gaierror):
            why = "the host's name cannot be looked up (offline, or no such host)"
        elif isinstance(reason, TimeoutError):
            why = f"no answer within {timeout:.0f} s"
        else:
            why = str(getattr(reason, "strerror", None) or reason)
        raise failed(f"cannot be fetched: {why}; {offline}") from None
    except TimeoutError:
        raise failed(f"no answer within {timeout:.0f} s; {offline}") from None
    except (OSError, HTTPException, ValueError) as err:
        raise failed(f"cannot be fetched ({type(err).__name__}: {err}); {offline}") from None


def decode(source: Source) -> str:
    """The page's characters: by its byte-order mark, else the charset its server declared,
    else its `<meta charset>`, else UTF-8; an InputError for bytes that are not text or not in
    the charset the page declares."""
    data = source.data

    def bad(problem: str) -> InputError:
        return InputError(None if source.address else source.path,
                          f"{source.address + ': ' if source.address else ''}{problem}")  # fmt: skip

    if not data.strip():
        raise bad("is empty; save the article's page again")
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom is None and b"\x00" in data[: 1 << 16]:
        raise bad(
            "is a binary file, not a web page; pass the story's page (.html) or its text (.txt)"
        )
    declared = bom or source.charset
    if declared is None and (m := _META_CHARSET.search(data[:4096])):
        declared = m.group(1).decode("ascii")
    try:
        encoding = codecs.lookup(declared or "utf-8").name
    except LookupError:
        raise bad(f"declares the charset '{declared}', which is not known; re-save the page "
                  "as UTF-8") from None  # fmt: skip
    encoding = _SUPERSETS.get(encoding, encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        said = f"declares {declared}" if declared else "declares no charset, so it is read as UTF-8"
        raise bad(
            f"is not the text it says it is: it {said}, and byte 0x{data[err.start]:02x} at "
            f"offset {err.start} is no {encoding} character; re-save the page as UTF-8 "
            f"(or declare its charset in a <meta charset> tag)"
        ) from None
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise bad("is full of control characters, not a web page; pass the story's page")
    return text


def extract(html: str) -> tuple[str, dict] | None:
    """The page's main text, each paragraph separated from the next by a blank line and the
    last ending in a line break (as the story saved as a text file would be), and its
    metadata (title, author, date, site, url: each None when the page does not say it); None
    when trafilatura finds no main text, or none with a sentence in it (a front page's
    headlines, a menu)."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_BYTES + 1))  # our limit, not the library's
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml reads no declared encoding in a str
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, deduplicate=False, config=config,
        favor_precision=True,  # rather a paragraph less than a menu, a teaser or a caption more
        # the date the page gives in its markup (meta tags, JSON-LD, <time>), not one guessed
        # from the words of the story: the dateline is read from those
        date_extraction_params={"extensive_search": False, "original_date": True},
    )  # fmt: skip
    text = "" if doc is None else (doc.text or "")
    paras = [" ".join(line.split()) for line in text.splitlines()]
    if not any(_is_prose(p) for p in paras):  # a menu, a list of headlines, a footer: no story
        return None
    text = "\n\n".join(p for p in paras if p)
    text += "\n"  # as a text file ends
    meta = {
        k: (getattr(doc, k, None) or None) for k in ("title", "author", "date", "sitename", "url")
    }
    return text, meta


def _is_prose(paragraph: str) -> bool:
    """Whether a paragraph is a sentence or more: five words or more, ending as a sentence
    does (a full stop, a question or an exclamation mark, and a closing quote or bracket)."""
    return len(paragraph.split()) >= 5 and paragraph.rstrip("\"”’')»").endswith((".", "!", "?"))


def load(
    where: str | Path | Source, *, published=None
) -> Page:  # (published: str or date, as article.load takes it)
    """Read a page (a saved file, an address, or a `Source` already read) as an Article: its
    main text, its dateline, and its metadata filled from the page."""
    source = read(where)
    text, found = _extracted(source)
    given = {
        "title": found["title"], "author": found["author"], "site": found["sitename"],
        "url": source.address or found["url"], "agency": found["sitename"],
    }  # fmt: skip
    date = _page_date(found["date"])
    if date:
        given["published"] = {"date": date, "precision": "day", "how_known": "the page's metadata"}
    return from_text(
        source.path, text, published=published, given={k: v for k, v in given.items() if v},
        beside=source.address is None, kind=Page, address=source.address,
        digest=source.digest,
    )  # fmt: skip


def _extracted(source: Source) -> tuple[str, dict]:
    found = extract(decode(source))
    if found is None:
        problem = ("has no main text that could be told from the rest of the page (an index or "
                   "front page, a login wall, or a page its scripts fill in?); pass the story's "
                   "own page, or save its text as .txt")  # fmt: skip
        if source.address:
            raise InputError(None, f"{source.address}: {problem}")
        raise InputError(source.path, problem)
    return found


def _page_date(value: str | None) -> str | None:
    """The page's publication date as an ISO date, or None."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def text_of(path: Path) -> str:
    """A saved page's main text (as `load` reads it), for counting its terms."""
    return _extracted(read(path))[0]
