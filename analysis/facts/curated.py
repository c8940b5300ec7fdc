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
from pathlib import Path

import pandas as pd

from .. import paths, schemas
from ..constants import NUMBER_WORDS
from ..errors import InputError, one_line
from ..reading.article import Article
from ..reading.yamlfile import LINE, load_yaml
from .checks import Locator, Row, check_fields, rows_of, validate

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
    """Whether a facts file is beside the article (none is beside a page read from an address):
    anything there (a FIFO, a folder, a device is then refused when it is read, not passed over
    for extracted facts)."""
    return getattr(article, "address", None) is None and facts_path(article).exists()


def load_facts(article: Article, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The eight fact tables from the curated file, checked against the text."""
    file = facts_path(article)
    data = load_yaml(file)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(file, "must be a mapping of sections (entities, events, ...) to lists")
    unknown = [k for k in data if k != LINE and k not in FIELDS]
    if unknown and not isinstance(unknown[0], str):
        raise InputError(file, f"'{one_line(unknown[0])}' is not a section; the sections are "
                         f"{', '.join(FIELDS)}")  # fmt: skip
    if unknown:
        guess = difflib.get_close_matches(unknown[0], FIELDS, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"the sections are {', '.join(FIELDS)}"
        raise InputError(file, f"unknown section '{unknown[0]}'; {hint}")
    loc = Locator(article, sentences, file)
    rows = {section: rows_of(data, section, file, fields) for section, fields in FIELDS.items()}
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


def _entities(rows: list[Row], loc: Locator, file: Path):
    df = pd.DataFrame([{"entity": r.values["entity"], "type": r.values["type"]} for r in rows])
    if rows:
        validate(df, "entities", rows, file, ["entity", "type"])
    seen: dict[str, Row] = {}
    mentions = []
    for row in rows:
        name = row.values["entity"]
        if name in seen:
            raise InputError(file, f"{row.where()}, field 'entity': '{name}' is listed twice")
        seen[name] = row
        for s, e in _alias_spans(row, loc):
            mentions.append({"entity": name, "start": s, "end": e, "is_indirect": False})
        for ref in row.values.get("references") or []:
            s, e = _reference_span(row, ref, loc, file)
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


def _alias_spans(row: Row, loc: Locator) -> list[tuple[int, int]]:
    """Every place in the text where one of the entity's aliases stands as whole words."""
    aliases = row.values["aliases"]
    spans = set()
    for alias in [aliases] if isinstance(aliases, str) else aliases:
        if not isinstance(alias, str) or not alias.strip():
            loc.fail(row, "aliases", "each alias must be a non-empty phrase")
        hits = [
            (m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", loc.text)
        ]
        if not hits:
            loc.fail(
                row,
                "aliases",
                f"'{one_line(alias)}' is not in the article; write it as the text does",
            )
        spans.update(hits)
    return sorted(spans)


def _reference_span(row: Row, ref, loc: Locator, file: Path) -> tuple[int, int]:
    """Where an indirect reference to the entity ("he", "the ministry") stands: its text,
    found inside its evidence (or alone, when it is unique in the article)."""
    fields = {k: v for k, v in ref.items() if k != LINE} if isinstance(ref, dict) else {}
    sub = Row("entities", row.number, ref.get(LINE, row.line) if isinstance(ref, dict) else row.line,
              {"entity": row.values["entity"], **fields})  # fmt: skip
    if not isinstance(ref, dict):
        loc.fail(sub, "references", "each reference must be a mapping with 'text' and 'evidence'")
    check_fields(Row(sub.section, sub.number, sub.line, fields), REFERENCE_FIELDS, file)
    span = loc.find(sub, "evidence", ref.get("evidence") or ref["text"])
    return loc.find(sub, "text", ref["text"], within=span)


def _place(row: Row, loc: Locator, field: str = "evidence") -> dict:
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
        validate(df, name, rows, file, typed)
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
                f"{q:g} is not written in its evidence '{one_line(row.values['evidence'])}'",
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
