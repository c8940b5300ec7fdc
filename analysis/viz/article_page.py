"""The article as HTML with its facts in place: every highlight built from the tables.

Mentions (by entity type), dates, quantities, quotes and event cues are marked; hovering a
mark shows its row (entity and type, event status and date, quantity and unit, speaker). The
text is escaped, so an article holding `<script>` or `&amp;` shows them as text. The page is
self-contained: inline CSS, no script, no external file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from ..tables.bundle import Tables
from .style import TYPE_COLOURS

KINDS = {
    # kind: (legend label, CSS)
    "quote": ("quote", "background:#e8f1fa;"),
    "mention": ("mention (colour by type)", "border-bottom:2px solid var(--c);"),
    "date": ("date", "outline:1.5px solid #009E73;border-radius:3px;"),
    "quantity": ("quantity", "background:#fdebc8;"),
    "cue": ("event cue (status)", "font-weight:bold;text-decoration:underline dotted #CC79A7;"),
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    note: str
    colour: str | None = None


def _find(text: str, phrase, lo: int, hi: int) -> tuple[int, int] | None:
    if not isinstance(phrase, str) or not phrase or pd.isna(phrase):
        return None
    m = re.compile(re.escape(phrase), re.IGNORECASE).search(text, lo, hi)
    return (m.start(), m.end()) if m else None


def marks(tables: Tables) -> list[Mark]:
    """Every highlight of the article, from the fact tables.

    A fact's evidence, quote or cue is looked for in its own sentence (from the sentence's
    start; a phrase may run past its end), never in the whole text: a phrase that occurs
    several times is marked where its fact is, and a long article costs time in proportion
    to its length."""
    text = tables.article.text
    sentences = tables["sentences"]
    spans = dict(zip(sentences["sentence_id"].tolist(),
                     zip(sentences["start"].tolist(), sentences["end"].tolist())))  # fmt: skip
    types = dict(zip(tables["entities"]["entity"], tables["entities"]["type"].astype(str)))
    out: list[Mark] = []

    def sentence_span(sid) -> tuple[int, int]:
        if pd.isna(sid) or int(sid) not in spans:
            return 0, tables.article.body_start
        return spans[int(sid)]

    def in_sentence(sid, phrase) -> tuple[int, int] | None:
        """Where `phrase` stands, starting in sentence `sid` (anywhere, when it has none)."""
        if pd.isna(sid) or int(sid) not in spans:
            return _find(text, phrase, 0, len(text))
        lo, hi = spans[int(sid)]
        return _find(text, phrase, lo, hi + len(phrase) if isinstance(phrase, str) else hi)

    for m in tables["mentions"].itertuples():
        t = types.get(m.entity, "OTHER")
        how = "indirect reference to " if m.is_indirect else ""
        out.append(
            Mark(
                int(m.start),
                int(m.end),
                "mention",
                f"{how}{m.entity} ({t})",
                TYPE_COLOURS.get(t, "#777777"),
            )
        )
    for q in tables["quotes"].itertuples():
        at = in_sentence(q.sentence_id, q.text)
        if at:
            out.append(Mark(*at, "quote", f"{q.kind} quote, {q.speaker} ({q.cue})"))
    for e in tables["events"].itertuples():
        lo, hi = sentence_span(e.sentence_id)
        if pd.notna(e.evidence):
            ev = in_sentence(e.sentence_id, e.evidence)
            if ev:
                lo, hi = min(lo, ev[0]), max(hi, ev[1])
        what = f"{e.event_id} {e.status}: {e.action}" + (
            f" {e.object}" if pd.notna(e.object) else ""
        )
        cue = _find(text, e.cue, lo, hi)
        if cue:
            out.append(Mark(*cue, "cue", f"{what} (cue for '{e.status}')"))
        date = _find(text, e.date_text, lo, hi)
        if date:
            iso = e.date if pd.notna(e.date) else "no exact date"
            out.append(Mark(*date, "date", f"date of {e.event_id}: {iso}"))
    for q in tables["quantities"].itertuples():
        ev = in_sentence(q.sentence_id, q.evidence)
        if ev:
            number = re.search(r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred)\b",
                               text[ev[0] : ev[1]], re.IGNORECASE)  # fmt: skip
            start = ev[0] + number.start() if number else ev[0]
            part = f", part of {q.part_of}" if pd.notna(q.part_of) else ""
            out.append(
                Mark(start, ev[1], "quantity", f"{q.quantity:g} {q.unit}: {q.subject}{part}")
            )
    return out


def article_html(tables: Tables, *, full_page: bool = True) -> str:
    """The article as HTML, every fact highlighted with its row on hover, and a legend."""
    text = tables.article.text
    found = marks(tables)
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    # one sweep over the cuts: a mark is active from the cut at its start to the one at its end
    # (the marks of a piece in the order `marks` gives them, as each piece's title lists them)
    by_start = sorted(range(len(found)), key=lambda i: found[i].start)
    ends: dict[int, list[int]] = {}
    active: set[int] = set()
    nxt = 0
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active.difference_update(ends.pop(a, ()))
        while nxt < len(by_start) and found[by_start[nxt]].start <= a:
            i = by_start[nxt]
            nxt += 1
            if found[i].end > a:
                active.add(i)
                ends.setdefault(found[i].end, []).append(i)
        here = [found[i] for i in sorted(active)]
        chunk = html.escape(text[a:b]).replace("\n", "<br>\n")
        if not here:
            pieces.append(chunk)
            continue
        kinds = sorted({m.kind for m in here}, key=list(KINDS).index)
        colour = next((m.colour for m in here if m.colour), None)
        style = f' style="--c:{colour}"' if colour else ""
        title = html.escape("\n".join(dict.fromkeys(m.note for m in here)), quote=True)
        pieces.append(f'<span class="{" ".join(kinds)}"{style} title="{title}">{chunk}</span>')
    legend = "".join(
        f'<span class="{k}" style="--c:#0072B2">{html.escape(label)}</span> '
        for k, (label, _) in KINDS.items()
    )
    types = "".join(
        f'<span class="mention" style="--c:{c}">{t}</span> ' for t, c in TYPE_COLOURS.items()
    )
    css = "".join(f".fa .{k}{{{rule}}}" for k, (_, rule) in KINDS.items())
    meta = tables.article.meta
    body = (
        f'<div class="fa"><style>.fa{{font:15px/1.7 Georgia,serif;max-width:46em}}'
        f".fa .legend{{font:12px/2 sans-serif;color:#333}}.fa .legend span{{margin-right:.6em;padding:0 .2em}}"
        f".fa [title]{{cursor:help}}{css}</style>"
        f'<p class="legend">Highlights: {legend}<br>Entity types: {types}</p>'
        f"<p>{''.join(pieces)}</p>"
        f'<p class="legend">{html.escape(str(meta.get("source_line", "")))}</p></div>'
    )
    if not full_page:
        return body
    title = html.escape(str(meta.get("title") or tables.article.name))
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(str(meta.get("language") or "en"))}"><head><meta charset="utf-8">'
        f"<title>{title}: the article with its facts</title></head>\n<body><h1>{title}</h1>\n{body}\n</body></html>\n"
    )


class ArticleView:
    """The highlighted article, for a notebook cell to display."""

    def __init__(self, tables: Tables):
        self.tables = tables

    def _repr_html_(self) -> str:
        return article_html(self.tables, full_page=False)
