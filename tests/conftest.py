from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import analysis
from analysis import paths


@pytest.fixture(scope="session")
def seed():
    """Every table of the seed article."""
    return analysis.load().frames()


@pytest.fixture(scope="session")
def text() -> str:
    return paths.ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def article_copy(tmp_path: Path) -> Path:
    """The seed article with its metadata and facts, copied to a temporary folder."""
    for kind in ("txt", "meta.yaml", "facts.yaml"):
        shutil.copy(paths.RAW / f"article.{kind}", tmp_path / f"article.{kind}")
    return tmp_path / "article.txt"
