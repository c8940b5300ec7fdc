"""Every path the package uses, anchored at the project root."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# the seed article and its curated files as the installed package carries them: the build copies
# data/raw/article.* here (setup.py); a checkout reads data/raw itself, the one copy kept
SEED = PACKAGE / "data" / "seed"


def _root() -> Path:
    """The project folder: $ANALYSIS_ROOT, else the checkout the package sits in, else (the
    package installed into a virtual environment) the folder it is run from."""
    if os.environ.get("ANALYSIS_ROOT"):
        return Path(os.environ["ANALYSIS_ROOT"]).resolve()
    if (PACKAGE.parent / "pyproject.toml").is_file():
        return PACKAGE.parent
    return Path.cwd()


def _raw(root: Path) -> Path:
    """Where the seed article is: the project's data/raw/ when it has one, else (an installed
    package run from a folder that is no project) the copy inside the package."""
    if (root / "data" / "raw" / "article.txt").is_file() or not (SEED / "article.txt").is_file():
        return root / "data" / "raw"
    return SEED


ROOT = _root()
DATA = ROOT / "data"
RAW = _raw(ROOT)
PROCESSED = DATA / "processed"
ARTICLE = RAW / "article.txt"
# the files an article is read from: a text file, or a saved web page (its main text)
PAGE_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", *PAGE_SUFFIXES)
STOPWORDS = PACKAGE / "data" / "stopwords_en.txt"
GAZETTEER = PACKAGE / "data" / "gazetteer.yaml"
STYLE = PACKAGE / "data" / "analysis.mplstyle"
NOTEBOOKS = ROOT / "notebooks"
CHARTS = ROOT / "charts"
# real wire stories with hand-checked gold facts and their scorer (score.py), kept outside the
# project (they are quoted for evaluation only); ANALYSIS_REAL_STORIES names another folder
REAL_STORIES = Path(os.environ.get("ANALYSIS_REAL_STORIES") or ROOT.parent / "shared" / "real")
# the project's own invented wire stories with gold facts in the same form (scored by the real
# stories' rules): the measure on stories the extraction rules were not written from
OWN_STORIES = DATA / "eval" / "wire"


def stopwords() -> Path:
    """The stopword file in use: $ANALYSIS_STOPWORDS if set, else the package's own list."""
    return Path(os.environ.get("ANALYSIS_STOPWORDS") or STOPWORDS)


def companion(article: Path, kind: str) -> Path:
    """The hand-written file that goes with an article: `story.txt` -> `story.<kind>.yaml`."""
    return article.with_name(f"{article.stem}.{kind}.yaml")


def is_article_file(path: Path) -> bool:
    """Whether a file of a folder is an article: a `.txt`, `.html` or `.htm` file."""
    return path.suffix.lower() in ARTICLE_SUFFIXES


def articles_in(folder: Path) -> list[Path]:
    """The articles of a folder (its `.txt`, `.html` and `.htm` files), in name order."""
    return sorted(p for p in folder.iterdir() if is_article_file(p) and p.is_file())
