"""Checks on the curated facts file: each fact as typed (`Row`), its fields, its typed values
against the declared schema (pandera), and its evidence found in the text (`Locator`). Every
failure is one line naming the file, the line, the fact and the field."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import schemas
from ..errors import InputError, describe, one_line
from ..reading.article import Article
from ..reading.yamlfile import LINE


@dataclass
class Row:
    """One fact as typed, with where it sits in the file (for error messages)."""

    section: str
    number: int  # 1-based within its section
    line: int
    values: dict

    def where(self) -> str:
        label = next(
            (
                str(self.values[k])
                for k in ("entity", "person", "subject", "area", "name", "speaker")
                if self.values.get(k) and isinstance(self.values[k], str)
            ),
            "",
        )
        label = f" ({label[:40]})" if label else ""
        return f"line {self.line}: {self.section} #{self.number}{label}"


class Locator:
    """Finds evidence in the article and tells which sentence holds it."""

    def __init__(self, article: Article, sentences: pd.DataFrame, file: Path):
        self.text = article.text
        self.file = file
        self.starts = sentences["start"].to_numpy()
        self.ends = sentences["end"].to_numpy()
        self.ids = sentences["sentence_id"].to_numpy()

    def fail(self, row: Row, field: str, problem: str):
        raise InputError(self.file, f"{row.where()}, field '{field}': {problem}")

    def find(self, row: Row, field: str, phrase: str, within: tuple[int, int] | None = None):
        """(start, end) of the one occurrence of `phrase` (inside `within` if given)."""
        if not isinstance(phrase, str) or not phrase.strip():
            self.fail(row, field, "must be a non-empty phrase quoted from the article")
        if within:  # a word inside its evidence: whole words only ("he" is not in "the")
            m = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)").search(self.text, *within)
            first = m.start() if m else -1
        else:
            first = self.text.find(phrase)
        if first < 0:
            where = "inside its evidence" if within else "in the article"
            self.fail(
                row, field, f"'{one_line(phrase)}' is not {where}; quote it exactly as written"
            )
        if not within and self.text.find(phrase, first + 1) >= 0:
            self.fail(
                row, field, f"'{one_line(phrase)}' occurs more than once; quote a longer phrase"
            )
        return first, first + len(phrase)

    def sentence_of(self, start: int):
        for sid, s, e in zip(self.ids, self.starts, self.ends):
            if s <= start < e:
                return int(sid)
        return pd.NA

    def sentences_spanned(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentences the span touches: where its cue may stand."""
        touched = [(s, e) for s, e in zip(self.starts, self.ends) if s < end and start < e]
        if not touched:
            return start, end
        return int(min(s for s, _ in touched)), int(max(e for _, e in touched))

    def check_cue(self, row: Row, cue: str, span: tuple[int, int]):
        lo, hi = self.sentences_spanned(*span)
        if not isinstance(cue, str) or cue.lower() not in self.text[lo:hi].lower():
            self.fail(row, "cue", f"'{cue}' is not in the sentence of its evidence")


def rows_of(data: dict, section: str, file: Path, fields: dict[str, bool]) -> list[Row]:
    items = data.get(section) or []
    if not isinstance(items, list):
        raise InputError(file, f"'{section}' must be a list of facts (each starting with '- ')")
    rows = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(file, f"{section} #{i}: must be a mapping of field: value")
        row = Row(section, i, item.get(LINE, 0), {k: v for k, v in item.items() if k != LINE})
        check_fields(row, fields, file)
        rows.append(row)
    return rows


# What each field holds, when it is not text: a number, a date, one alias or a list of them,
# a list of references (mappings, checked one by one).
KINDS = {"quantity": "number", "date": "date", "aliases": "names", "references": "list"}


def check_fields(row: Row, fields: dict[str, bool], file: Path):
    """Every field known, every required one there, each value of its kind (text unless
    `KINDS` says otherwise)."""
    for key in row.values:
        if not isinstance(key, str):
            raise InputError(file, f"{row.where()}: '{one_line(key)}' is not a field name; the "
                             f"fields are {', '.join(fields)}")  # fmt: skip
        if key not in fields:
            guess = difflib.get_close_matches(key, fields, n=1)
            hint = (
                f"; did you mean '{guess[0]}'?"
                if guess
                else f"; the fields are {', '.join(fields)}"
            )
            raise InputError(file, f"{row.where()}, field '{key}': unknown field{hint}")
    for key, required in fields.items():
        if required and (row.values.get(key) is None or row.values.get(key) == ""):
            raise InputError(file, f"{row.where()}, field '{key}': missing; it is required")
    for key, value in row.values.items():
        problem = None if value is None else _wrong_kind(KINDS.get(key, "text"), value)
        if problem:
            raise InputError(file, f"{row.where()}, field '{key}': {problem}")


def _wrong_kind(kind: str, value) -> str | None:
    """What is wrong with a value of a field of this kind, or None."""
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{describe(value)} is not a number"
        if value != value or abs(value) == float("inf"):
            return f"{value} is not a number of anything"
        return None
    if kind == "date":
        ok = (
            isinstance(value, (str, dt.date))
            or isinstance(value, int)
            and not isinstance(value, bool)
        )
        return (
            None if ok else f"{describe(value)} is not an ISO 8601 date (2016, 2015-10, 2015-10-22)"
        )
    if kind == "list":
        return None if isinstance(value, list) else f"must be a list, not {describe(value)}"
    if kind == "names" and isinstance(value, list):
        bad = next((v for v in value if not isinstance(v, str)), None)
        return None if bad is None else f"each alias must be text, not {describe(bad)}"
    if not isinstance(value, str):
        return f"must be text, not {describe(value)}" + _QUOTE_IT * (
            not isinstance(value, list | dict)
        )
    return None


_QUOTE_IT = "; put it in quotes if it is a number or a date"


def validate(df: pd.DataFrame, name: str, rows: list[Row], file: Path, typed: list[str]):
    """Check the typed columns against the declared schema (pandera); one line on failure."""
    import pandera.errors
    import pandera.pandas as pa

    declared = schemas.TABLES[name]
    columns = {}
    for c in typed:
        col = declared[c]
        if col.categories:
            columns[c] = pa.Column(
                "string", checks=pa.Check.isin(col.categories), nullable=col.nullable, coerce=True
            )
        else:
            columns[c] = pa.Column(col.dtype, nullable=col.nullable, coerce=True)
    try:
        pa.DataFrameSchema(columns).validate(df[typed], lazy=True)
    except pandera.errors.SchemaErrors as err:
        case = err.failure_cases.iloc[0]
        idx = case["index"]
        row = rows[int(idx)] if pd.notna(idx) else rows[0]
        col = declared.get(case["column"])
        if col is not None and col.categories:
            problem = f"'{case['failure_case']}' is not one of {', '.join(col.categories)}"
        elif "not_nullable" in str(case["check"]):
            problem = "missing; it is required"
        else:
            problem = f"'{case['failure_case']}' is not a valid {col.dtype if col else 'value'}"
        raise InputError(file, f"{row.where()}, field '{case['column']}': {problem}") from None
