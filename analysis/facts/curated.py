"""Fact tables from the hand-curated file beside the article (`<stem>.facts.yaml`).

Every fact quotes its `evidence` verbatim from the article. The loader finds it in the text and
fills `sentence_id`, `start` and `end` itself, so no offset is ever typed by hand. Whatever is
wrong with the file (a YAML error, an unknown field, a value out of its set, an evidence that is
not in the text or is there more than once, parts that do not add up to their total) stops the
load with one line that names the file, the line, the fact and the field.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths, schemas
from ..constants import NUMBER_WORDS
from ..errors import InputError
from ..reading.article import Article
from ..reading.yamlfile import LINE, load_yaml

# The fields a person types for each section; the loader computes the rest.
FIELDS: dict[str, dict[str, bool]] = {  # field -> required
    "entities": {"entity": True, "type": True, "aliases": True, "references": False},
    "roles": {"person": True, "role": True, "organization": False, "country": False, "evidence": True},
    "events": {
        "actor": False, "action": True, "object": False, "place": False, "date_text": False,
        "date": False, "status": True, "cue": True, "speaker": False, "evidence": True,
    },
    "quantities": {
        "subject": True, "quantity": True, "unit": True, "category": False, "part_of": False,
        "evidence": True,
    },
    "topics": {"area": True, "theme": False, "context": True, "evidence": False},
    "quotes": {"speaker": True, "text": True, "kind": True, "cue": True},
    "sources": {"name": True, "role": True, "evidence": True},
}  # fmt: skip
REFERENCE_FIELDS = {"text": True, "evidence": False}

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


def facts_path(article: Article) -> Path:
    return paths.companion(article.path, "facts")


def has_curated(article: Article) -> bool:
    return facts_path(article).is_file()


@dataclass
class _Row:
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
                if self.values.get(k)
            ),
            "",
        )
        label = f" ({label[:40]})" if label else ""
        return f"line {self.line}: {self.section} #{self.number}{label}"


class _Locator:
    """Finds evidence in the article and tells which sentence holds it."""

    def __init__(self, article: Article, sentences: pd.DataFrame, file: Path):
        self.text = article.text
        self.file = file
        self.starts = sentences["start"].to_numpy()
        self.ends = sentences["end"].to_numpy()
        self.ids = sentences["sentence_id"].to_numpy()

    def fail(self, row: _Row, field: str, problem: str):
        raise InputError(self.file, f"{row.where()}, field '{field}': {problem}")

    def find(self, row: _Row, field: str, phrase: str, within: tuple[int, int] | None = None):
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
            self.fail(row, field, f"'{_short(phrase)}' is not {where}; quote it exactly as written")
        if not within and self.text.find(phrase, first + 1) >= 0:
            self.fail(
                row, field, f"'{_short(phrase)}' occurs more than once; quote a longer phrase"
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

    def check_cue(self, row: _Row, cue: str, span: tuple[int, int]):
        lo, hi = self.sentences_spanned(*span)
        if not isinstance(cue, str) or cue.lower() not in self.text[lo:hi].lower():
            self.fail(row, "cue", f"'{cue}' is not in the sentence of its evidence")


def _short(s: str, n: int = 50) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _rows(data: dict, section: str, file: Path, fields: dict[str, bool]) -> list[_Row]:
    items = data.get(section) or []
    if not isinstance(items, list):
        raise InputError(file, f"'{section}' must be a list of facts (each starting with '- ')")
    rows = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError(file, f"{section} #{i}: must be a mapping of field: value")
        row = _Row(section, i, item.get(LINE, 0), {k: v for k, v in item.items() if k != LINE})
        _check_fields(row, fields, file)
        rows.append(row)
    return rows


def _check_fields(row: _Row, fields: dict[str, bool], file: Path):
    for key in row.values:
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


def _validate(df: pd.DataFrame, name: str, rows: list[_Row], file: Path, typed: list[str]):
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


def load_facts(article: Article, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The eight fact tables from the curated file, checked against the text."""
    file = facts_path(article)
    data = load_yaml(file)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(file, "must be a mapping of sections (entities, events, ...) to lists")
    unknown = [k for k in data if k != LINE and k not in FIELDS]
    if unknown:
        guess = difflib.get_close_matches(unknown[0], FIELDS, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"the sections are {', '.join(FIELDS)}"
        raise InputError(file, f"unknown section '{unknown[0]}'; {hint}")
    loc = _Locator(article, sentences, file)
    rows = {section: _rows(data, section, file, fields) for section, fields in FIELDS.items()}
    entities, mentions = _entities(rows["entities"], loc, file)
    people = set(entities.loc[entities["type"] == "PERSON", "entity"])
    known = set(entities["entity"])
    return {
        "entities": entities,
        "mentions": mentions,
        "roles": _roles(rows["roles"], loc, file, people, known),
        "events": _events(rows["events"], loc, file, known),
        "quantities": _quantities(rows["quantities"], loc, file),
        "topics": _topics(rows["topics"], loc, file),
        "quotes": _quotes(rows["quotes"], loc, file, people),
        "sources": _sources(rows["sources"], loc, file),
    }


def _frame(records: list[dict], name: str) -> pd.DataFrame:
    return schemas.from_records(records, name, "curated")


def _entities(rows: list[_Row], loc: _Locator, file: Path):
    df = pd.DataFrame([{"entity": r.values["entity"], "type": r.values["type"]} for r in rows])
    if rows:
        _validate(df, "entities", rows, file, ["entity", "type"])
    seen: dict[str, _Row] = {}
    mentions = []
    for row in rows:
        name = row.values["entity"]
        if name in seen:
            raise InputError(file, f"{row.where()}, field 'entity': '{name}' is listed twice")
        seen[name] = row
        aliases = row.values["aliases"]
        if isinstance(aliases, str):
            aliases = [aliases]
        spans = set()
        for alias in aliases:
            if not isinstance(alias, str) or not alias.strip():
                loc.fail(row, "aliases", "each alias must be a non-empty phrase")
            hits = [
                (m.start(), m.end())
                for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", loc.text)
            ]
            if not hits:
                loc.fail(
                    row,
                    "aliases",
                    f"'{_short(alias)}' is not in the article; write it as the text does",
                )
            spans.update(hits)
        for s, e in sorted(spans):
            mentions.append({"entity": name, "start": s, "end": e, "is_indirect": False})
        for j, ref in enumerate(row.values.get("references") or [], start=1):
            sub = _Row(
                "entities",
                row.number,
                ref.get(LINE, row.line) if isinstance(ref, dict) else row.line,
                {
                    "entity": name,
                    **(
                        {k: v for k, v in ref.items() if k != LINE} if isinstance(ref, dict) else {}
                    ),
                },
            )
            if not isinstance(ref, dict):
                loc.fail(
                    sub, "references", "each reference must be a mapping with 'text' and 'evidence'"
                )
            _check_fields(
                _Row(
                    sub.section,
                    sub.number,
                    sub.line,
                    {k: v for k, v in sub.values.items() if k != "entity"},
                ),
                REFERENCE_FIELDS,
                file,
            )
            ev = ref.get("evidence") or ref["text"]
            span = loc.find(sub, "evidence", ev)
            s, e = loc.find(sub, "text", ref["text"], within=span)
            mentions.append({"entity": name, "start": s, "end": e, "is_indirect": True})
    if not mentions:
        return _frame([], "entities"), _frame([], "mentions")
    m = (
        pd.DataFrame(mentions)
        .drop_duplicates(["entity", "start", "end"])
        .sort_values(["start", "end", "entity"])
    )
    m = m.assign(
        text=[loc.text[s:e] for s, e in zip(m["start"], m["end"])],
        sentence_id=[loc.sentence_of(s) for s in m["start"]],
    )
    counts = m["entity"].value_counts()
    ents = [{"entity": r.values["entity"], "type": r.values["type"],
             "n_mentions": int(counts.get(r.values["entity"], 0))} for r in rows]  # fmt: skip
    return _frame(ents, "entities"), _frame(m.to_dict("records"), "mentions")


def _place(row: _Row, loc: _Locator, field: str = "evidence") -> dict:
    s, e = loc.find(row, field, row.values[field])
    return {"start": s, "end": e, "sentence_id": loc.sentence_of(s)}


def _roles(rows, loc, file, people, known):
    out = []
    for row in rows:
        if row.values["person"] not in people:
            loc.fail(
                row, "person", f"'{row.values['person']}' is not a PERSON in entities; add it there"
            )
        for f in ("organization", "country"):
            v = row.values.get(f)
            if v and v not in known:
                loc.fail(row, f, f"'{v}' is not in entities; add it there or fix the name")
        at = _place(row, loc)
        out.append(
            {k: row.values.get(k) for k in FIELDS["roles"]} | {"sentence_id": at["sentence_id"]}
        )
    return _checked(out, "roles", rows, file)


def _checked(records, name, rows, file):
    df = _frame(records, name) if not records else pd.DataFrame(records)
    if records:
        typed = [c for c in FIELDS[name] if c in schemas.TABLES[name]]
        _validate(df, name, rows, file, typed)
        df = _frame(records, name)
    return df


def _events(rows, loc, file, known):
    found = []
    for row in rows:
        at = _place(row, loc)
        loc.check_cue(row, row.values["cue"], (at["start"], at["end"]))
        date = row.values.get("date")
        if date is not None:
            date = str(date)
            if not ISO_DATE.match(date):
                loc.fail(row, "date", f"'{date}' is not ISO 8601 (2016, 2015-10, 2015-10-22, a/b)")
        speaker = row.values.get("speaker")
        if speaker and speaker not in known:
            loc.fail(
                row, "speaker", f"'{speaker}' is not in entities; add it there or fix the name"
            )
        found.append(
            (
                at["start"],
                row,
                {k: row.values.get(k) for k in FIELDS["events"]}
                | {"date": date, "sentence_id": at["sentence_id"]},
            )
        )
    found.sort(key=lambda t: t[0])
    records = [rec | {"event_id": f"E{i}"} for i, (_, _, rec) in enumerate(found, start=1)]
    return _checked(records, "events", [r for _, r, _ in found], file)


def _number_in(evidence: str, quantity: float) -> bool:
    words = re.findall(r"[\w.,]+", evidence.lower())
    for w in words:
        w = w.strip(".,")
        if w in NUMBER_WORDS and NUMBER_WORDS[w] == quantity:
            return True
        try:
            if float(w.replace(",", "")) == quantity:
                return True
        except ValueError:
            pass
    return False


def _quantities(rows, loc, file):
    records = []
    for row in rows:
        at = _place(row, loc)
        q = row.values["quantity"]
        if not isinstance(q, (int, float)) or isinstance(q, bool):
            loc.fail(row, "quantity", f"'{q}' is not a number")
        if not _number_in(row.values["evidence"], q):
            loc.fail(
                row,
                "quantity",
                f"{q:g} is not written in its evidence '{_short(row.values['evidence'])}'",
            )
        records.append(
            {k: row.values.get(k) for k in FIELDS["quantities"]}
            | {"sentence_id": at["sentence_id"]}
        )
    df = _checked(records, "quantities", rows, file)
    subjects = dict(zip(df["subject"], df["quantity"]))
    for total, parts in df.dropna(subset=["part_of"]).groupby("part_of")["quantity"]:
        row = next(r for r in rows if r.values.get("part_of") == total)
        if total not in subjects:
            loc.fail(row, "part_of", f"'{total}' is not the subject of any quantity")
        if abs(parts.sum() - subjects[total]) > 1e-9:
            loc.fail(
                row,
                "part_of",
                f"parts of '{total}' add up to {parts.sum():g}, not {subjects[total]:g}",
            )
    return df


def _topics(rows, loc, file):
    records = []
    for row in rows:
        ev = row.values.get("evidence") or row.values["area"]
        span = loc.find(row, "evidence", ev)
        s, _ = loc.find(row, "area", row.values["area"], within=span)
        records.append(
            {
                "area": row.values["area"],
                "theme": row.values.get("theme") or row.values["area"],
                "context": row.values["context"],
                "sentence_id": loc.sentence_of(s),
            }
        )
    return _checked(records, "topics", rows, file)


def _quotes(rows, loc, file, people):
    records = []
    for row in rows:
        if row.values["speaker"] not in people:
            loc.fail(
                row,
                "speaker",
                f"'{row.values['speaker']}' is not a PERSON in entities; add it there",
            )
        at = _place(row, loc, "text")
        loc.check_cue(row, row.values["cue"], (at["start"], at["end"]))
        records.append(
            {k: row.values.get(k) for k in FIELDS["quotes"]}
            | {
                "sentence_id": at["sentence_id"],
                "n_words": len(re.findall(r"\w+(?:[-.']\w+)*", row.values["text"])),
            }
        )
    return _checked(records, "quotes", rows, file)


def _sources(rows, loc, file):
    records = []
    for row in rows:
        at = _place(row, loc)
        records.append(
            {k: row.values.get(k) for k in FIELDS["sources"]} | {"sentence_id": at["sentence_id"]}
        )
    return _checked(records, "sources", rows, file)
