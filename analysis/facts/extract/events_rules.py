"""Events by rule, for a text the parse does not read (no model, or too long): clauses with a
status cue (done, ongoing, planned, possible), the actor the last name before the cue."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ...constants import ING_NOT_VERBS, MODALITY, PAST_ACTIONS, SPEECH
from .dates import DateMention
from .document import Doc, Scan, _head, in_sentences

if TYPE_CHECKING:
    pass

# ---- events -------------------------------------------------------------------------------


def _alt(words) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


_PAST = _alt(PAST_ACTIONS)
_MAYBE = _alt(MODALITY["possible_auxiliaries"] - {"would", "should", "must"})
STATUS_CUES = [
    ("possible", rf"\b(?:does|do|did)\s+not\s+rule\s+out\b|\bit\s+is\s+possible\b|\b(?:{_MAYBE})\s+(?:also\s+)?(?:be\s+)?(?P<v1>[a-z]+)\b|\b(?:is|are)\s+considering\b|\bwould\s+(?P<v2>[a-z]+)"),
    ("planned", r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:likely|due|scheduled|expected|set|planned|going|to\s+be\s+held)\s+to\s+(?P<v3>[a-z]+)|\bwill\s+(?:also\s+)?(?:be\s+)?(?P<v4>[a-z]+)|\bshall\s+(?P<v5>[a-z]+)|\b(?:plans?|planned|intends?|aims?|agreed)\s+to\s+(?P<v6>[a-z]+)|\b(?:is|are)\s+to\s+(?P<v7>[a-z]+)"),
    ("ongoing", r"\b(?:is|are)\s+(?:now\s+|currently\s+|also\s+)?(?P<v8>[a-z]+ing)\b"),
    ("done", rf"\b(?:has|have|had)\s+(?:already\s+|also\s+|recently\s+|successfully\s+)?(?:been\s+)?(?P<v9>[a-z]+(?:ed|en|wn|t|ne|un|ld|ught))\b|\b(?:was|were)\s+(?:\w+ly\s+)?(?P<v10>[a-z]+(?:ed|en|wn|t|ld|ught))\b|\btold\s+(?:media|journalists|reporters|the\s+press)\b|\b(?P<v11>{_PAST})\b|\b(?:he|she|it|we|they)\s+(?P<v12>[a-z]+ed)\b"),
]  # fmt: skip
_CUE_HEADS = {  # the word each cue starts with
    "possible": ("does", "do", "did", "it", *MODALITY["possible_auxiliaries"], "is", "are"),
    "planned": ("is", "are", "was", "were", "will", "shall", "plans?", "planned", "intends?", "aims?", "agreed"),
    "ongoing": ("is", "are"),
    "done": ("has", "have", "had", "was", "were", "told", *{w.split()[0] for w in PAST_ACTIONS},
             "he", "she", "it", "we", "they"),
}  # fmt: skip
_CUE_SCANS = [
    (status, Scan(re.compile(rx, re.I), _head(*_CUE_HEADS[status], flags=re.I)))
    for status, rx in STATUS_CUES
]
PRIORITY = {"possible": 0, "planned": 1, "done": 2, "ongoing": 3}  # when two cues start together


_SPEECH_WORD = re.compile(SPEECH)
_TO_AHEAD = re.compile(r"\s+to\b")
_CLAUSE_BREAK = re.compile(r"[,;]")
_CLAUSE_REST = re.compile(r"[^,;.:()]*")


def find_events_by_rules(
    doc: Doc, dates: list[DateMention], quotes: list[dict], quote_spans
) -> list[dict]:
    """One event per status cue kept in a sentence: who acts (the last mention before the cue),
    the action and its object, the place and date nearest it, its status and its speaker."""
    speaker_of = speakers_by_sentence(doc, quotes, quote_spans)
    cues_in = _cues_by_sentence(doc)
    index = doc.ordered()  # every mention is in by now
    date_starts = [d.start for d in dates]
    events = []
    for i in sorted(cues_in):
        sid, s, e = doc.sentences[i]
        in_sentence = dates[bisect_left(date_starts, s) : bisect_left(date_starts, e)]
        around = _Sentence(doc, s, e, in_sentence, index)
        for cue in _kept(cues_in[i], doc.text[s:e]):
            events.append(_event(doc, cue, (sid, s, e), around, speaker_of.get(sid), index))
    events.sort(key=lambda r: r["start"])
    for i, ev in enumerate(events, start=1):
        ev["event_id"] = f"E{i}"
    return events


def speakers_by_sentence(doc: Doc, quotes: list[dict], quote_spans) -> dict:
    """sentence -> who speaks in it (reported speech, or inside a quotation). By sentence, not by
    the statement's own words as `events` does with a parse: without one, the statements found
    are too narrow to hold the clauses they report ("the judge said the man had shown ... and had
    tried ..." keeps only its quotation)."""
    speaker_of = {}
    for q in quotes:
        speaker_of.setdefault(doc.sentence_of(q["start"]), q["speaker"])
    for qa, qb, sp in quote_spans:
        first, last = doc.sentence_of(qa + 1), doc.sentence_of(max(qa, qb - 2))
        if pd.notna(first) and pd.notna(last):
            for i in range(int(first), int(last) + 1):
                speaker_of.setdefault(i, sp)
    return speaker_of


def _cues_by_sentence(doc: Doc) -> dict[int, list[tuple[int, int, str, str | None]]]:
    """The status cues of each sentence, (start, end) within it, status and verb (matched in
    the sentence alone, as if cut out of the text)."""
    cues_in: dict[int, list[tuple[int, int, str, str | None]]] = {}
    for status, scan in _CUE_SCANS:
        for i, m in in_sentences(doc, scan):
            verb = next((v for v in m.groups() if v), None)
            if verb and (verb.lower() in ING_NOT_VERBS or _SPEECH_WORD.fullmatch(verb.lower())):
                continue
            _, s, e = doc.sentences[i]
            if (
                status == "ongoing"
                and verb
                and verb.lower().endswith("ing")
                and _TO_AHEAD.match(doc.text, m.end(), e)
            ):
                continue
            cues_in.setdefault(i, []).append((m.start() - s, m.end() - s, status, verb))
    return cues_in


def _kept(cues: list, sentence: str) -> list:
    """The cues of a sentence in order, none overlapping another; a hedge ("It is possible
    that ...") governs the rest of its clause, so no other cue is kept inside it."""
    cues.sort(key=lambda c: (c[0], PRIORITY[c[2]]))
    kept: list[tuple[int, int, str, str | None]] = []
    # The kept cues do not overlap and come in order, so only the last can overlap the next
    # cue; and of the hedges kept, the last is the one with no clause break before the next
    # cue if any has none (`hedge_break`: where its clause ends). Each cue is looked at once.
    hedge_break: int | None = None
    hedge = None
    for c in cues:
        if kept and (kept[-1][0] <= c[0] < kept[-1][1] or c[0] <= kept[-1][0] < c[1]):
            continue
        if hedge is not None and (hedge_break is None or hedge_break >= c[0]):
            continue
        kept.append(c)
        if c[2] == "possible":
            hedge = c
            found = _CLAUSE_BREAK.search(sentence, c[1])
            hedge_break = found.start() if found else None
    return kept


class _Sentence:
    """What every cue of one sentence reads around it, found once for the sentence: where its
    clauses break, its dates in order, and which of its mentions are places."""

    def __init__(self, doc: Doc, s: int, e: int, dates: list[DateMention], index):
        ms, mention_starts = index
        self.breaks = [m.start() for m in _CLAUSE_BREAK.finditer(doc.text, s, e)]
        self.dates = dates
        self.date_starts = [d.start for d in dates]
        lo, hi = bisect_left(mention_starts, s), bisect_left(mention_starts, e)
        self.places = [j for j in range(lo, hi) if doc.entities[ms[j]["entity"]] == "GPE"]

    def clause_start(self, s: int, a: int) -> int:
        """Where the clause of a cue at `a` starts: after the last comma or semicolon before it."""
        i = bisect_left(self.breaks, a)
        return self.breaks[i - 1] + 1 if i else s

    def place_from(self, j: int) -> int | None:
        """The first mention from the j-th on that is a place, or None."""
        i = bisect_left(self.places, j)
        return self.places[i] if i < len(self.places) else None

    def nearest_date(self, b: int) -> DateMention | None:
        """The first date at or after `b`, else the last before it (the first of those that
        start together)."""
        i = bisect_left(self.date_starts, b)
        if i < len(self.dates):
            return self.dates[i]
        if not self.dates:
            return None
        return self.dates[bisect_left(self.date_starts, self.date_starts[-1])]


_REACH = 1000  # characters an event reads either side of its cue: a clause, not a book


def _event(doc: Doc, cue, sentence, around: _Sentence, speaker, index) -> dict:
    """The event of one cue: its actor, object, place and date read around it."""
    text, (ms, mention_starts) = doc.text, index
    c_start, c_end, status, verb = cue
    sid, s, e = sentence
    a, b = s + c_start, s + c_end
    clause_start = max(around.clause_start(s, a), a - _REACH)
    rest = _CLAUSE_REST.match(text, b, min(e, b + _REACH))
    obj = rest.group().strip() if rest else ""
    lo, hi = bisect_left(mention_starts, clause_start), bisect_left(mention_starts, a)
    actor = ms[hi - 1]["entity"] if hi > lo else (  # the last mention before the cue
        " ".join(text[clause_start:a].split()[-4:]) or None)  # fmt: skip
    j = around.place_from(hi)  # the first place named after it
    place = ms[j]["entity"] if j is not None else None
    date = around.nearest_date(b)
    ev_end = rest.end() if rest else b  # the match runs on the text itself
    return {
        "actor": actor, "action": (verb or text[a:b].split()[-1]).lower(),
        "object": " ".join(obj.split()[:10]) or None,
        "place": place,
        "date_text": date.text if date else None, "date": date.date if date else None,
        "status": status, "cue": text[a:b], "speaker": speaker, "sentence_id": sid,
        "evidence": text[min(clause_start, a):ev_end].strip(), "start": a,
    }  # fmt: skip


@cache
def scans() -> dict[str, Scan]:
    """The status cues, with their heads (see `analysis.facts.extract.scans`)."""
    return {f"cue: {status}": scan for status, scan in _CUE_SCANS}
