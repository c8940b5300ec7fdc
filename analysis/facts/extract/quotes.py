"""Quotes: direct quotations with their speaker, and reported speech."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ...constants import NAME, QUOTE_RE, SPEECH, SPEECH_WORDS
from ...reading.scan import Candidates, WordIndex
from .document import Doc, Scan, _first_words, _head, first_in_sentences
from .references import person_at, resolve_pronoun
from .speech import reported_speech, speaker_near

if TYPE_CHECKING:
    pass

# ---- quotes -------------------------------------------------------------------------------

_AFTER = re.compile(
    rf"^[,.]?\s*(?P<who>(?:[Tt]he\s+[\w\s]+?|[Hh]e|[Ss]he|{NAME}))\s+(?P<cue>{SPEECH})\b|^[,.]?\s*(?P<cue2>{SPEECH})\s+(?P<who2>{NAME}|the\s+[\w\s]+?)(?=[,.])"
)
_BEFORE = re.compile(rf"(?P<who>{NAME}|[Hh]e|[Ss]he)\s+(?P<cue>{SPEECH})\s*:?\s*$")


_NEXT_SENTENCE_SPEAKER = re.compile(rf"\s*(?P<who>{NAME}|[Hh]e|[Ss]he)\s+(?P<cue>{SPEECH})\b")
_IN_HIS_WORDS = re.compile(
    r"(?P<cue>In (?P<pron>his|her) (?:words|opinion|view)|According to (?P<who>[^,]+)),\s*(?P<text>.+?)[.!]?$"
)
_TOLD = re.compile(
    rf"\b(?P<cue>told (?:media|journalists|reporters|the press|[A-Z]\w+)|{SPEECH})\b"
)
_SAID_THAT = re.compile(
    rf"(?P<who>\b(?:[Hh]e|[Ss]he|{NAME}))\s+(?:also\s+)?(?P<cue>{SPEECH}|admitted)\s+that\s+(?P<text>.+?)[.!]?$"
)
_SAID_THAT_VERB = _head(*{re.match(r"\w+", w).group() for w in SPEECH_WORDS}, "admitted")
_THAT_AHEAD = re.compile(r"(?:\s+out)?\s+that\b")
_WORD = re.compile(r"\w+")


def _said_that_starts(index: WordIndex):
    """Where "X said that ..." can start: a word among the four white-space-separated chunks
    before a speech verb followed by "that" (a name of up to three words, and "also").

    It looks only backwards from the verb and at the verb's own "that", so it holds for a
    sentence cut out of the text as well.
    """
    text = index.text
    verbs = [v for v in index.candidates(_SAID_THAT_VERB).tolist()
             if _THAT_AHEAD.match(text, _WORD.match(text, v).end())]  # fmt: skip
    return index.words_before(verbs, 4)


def find_quotes(doc: Doc) -> tuple[list[dict], list[tuple[int, int, str]]]:
    """Direct quotes with their speakers, then reported speech (from the parse where there is
    one, the rules' statements where it found none); and the spans of the direct quotes."""
    quotes, spans = _direct_quotes(doc)
    reported = _reported_by_rules(doc, spans)
    if doc.parsed is None:
        return quotes + reported, spans
    # the parse's reported speech first, the rules' where it has none
    marks = [(m.start(), m.end()) for m in QUOTE_RE.finditer(doc.text, doc.body_start)]
    parsed = reported_speech(doc, marks)
    # the rules' statements in sentences where the parse found none ("In his words, ...")
    done = {doc.sentence_of(q["start"]) for q in parsed}
    ruled = [
        q
        for q in reported
        if doc.sentence_of(q["start"]) not in done and len(q["text"].split()) >= 3
    ]
    return quotes + parsed + _new(ruled, parsed), spans


def _direct_quotes(doc: Doc) -> tuple[list[dict], list[tuple[int, int, str]]]:
    """Quotations of three words or more whose speaker can be found."""
    quotes, spans = [], []
    for m in QUOTE_RE.finditer(doc.text, doc.body_start):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) < 3:
            continue  # a name or a term in quotation marks, not speech
        speaker, cue = _direct_speaker(doc, m)
        if speaker:
            quotes.append({"speaker": speaker, "text": inner.rstrip(" ,."), "kind": "direct", "cue": cue,
                           "start": m.start() + 1})  # fmt: skip
            spans.append((m.start(), m.end(), speaker))
    return quotes, spans


def _direct_speaker(doc: Doc, m: re.Match) -> tuple[str | None, str | None]:
    """(speaker, cue) of a quotation: after it, before it, in the next sentence, or by the parse."""
    text = doc.text
    after = text[m.end() : m.end() + 160]
    before = text[max(doc.body_start, m.start() - 120) : m.start()]
    speaker, cue = None, None
    a = _AFTER.match(after)
    if a:
        who = a.group("who") or a.group("who2")
        cue = a.group("cue") or a.group("cue2")
        w_at = m.end() + after.index(who)
        speaker = person_at(doc, w_at, w_at + len(who)) or (
            resolve_pronoun(doc, m.start()) if who.lower() in ("he", "she") else None)  # fmt: skip
    elif b := _BEFORE.search(before):
        cue = b.group("cue")
        w_at = m.start() - len(before) + b.start("who")
        speaker = person_at(doc, w_at, w_at + len(b.group("who"))) or resolve_pronoun(doc, w_at)
    if speaker is None:
        # attribution in the next sentence: "... ." He said / the minister noted
        sid = doc.sentence_of(m.end() - 1)
        nxt = doc.sentence_span(sid + 1) if pd.notna(sid) else (0, 0)
        n = _NEXT_SENTENCE_SPEAKER.match(text, nxt[0], nxt[1])
        if n:
            cue = n.group("cue")
            speaker = person_at(doc, n.start("who"), n.end("who")) or resolve_pronoun(doc, nxt[0])
    if speaker is None and doc.parsed is not None:
        near = speaker_near(doc, m.start(), m.end())
        if near:
            speaker, cue = near
    return speaker, cue


def _reported_by_rules(doc: Doc, spans: list[tuple[int, int, str]]) -> list[dict]:
    """Reported speech, sentence by sentence (not inside a direct quotation): "In his words,
    ...", "..., X told reporters", "X said that ..."."""
    quoted = set()
    for a, b, _ in spans:
        first, last = doc.sentence_of(a), doc.sentence_of(max(a, b - 1))
        if pd.notna(first) and pd.notna(last):
            quoted.update(range(int(first), int(last) + 1))
    told_in = first_in_sentences(doc, scans()["told"])
    said_that_in = first_in_sentences(doc, scans()["said that"])
    roles = _roles_by_person(doc)
    quotes = []
    for i, (sid, s, e) in enumerate(doc.sentences):
        if sid in quoted:
            continue
        found = _in_his_words(doc, s, e)
        if found is None and (t := told_in.get(i)):
            found = _told(doc, t, s, roles)
        if found is None and (h := said_that_in.get(i)):
            w_at = h.start("who")
            speaker = person_at(doc, w_at, h.end("who")) or resolve_pronoun(doc, w_at)
            if speaker:
                found = {"speaker": speaker, "text": h.group("text"), "kind": "reported", "cue": h.group("cue"),
                         "start": h.start("text")}  # fmt: skip
        if found is not None:
            quotes.append(found)
    return quotes


def _in_his_words(doc: Doc, s: int, e: int) -> dict | None:
    """ "In his words, ..." / "According to X, ..." at the start of the sentence s..e."""
    r = _IN_HIS_WORDS.match(doc.text, s, e)  # offsets in the text; `$` is the sentence end
    if not r:
        return None
    speaker = (
        resolve_pronoun(doc, s) if r.group("pron") else person_at(doc, r.start("who"), r.end("who"))
    )
    if not speaker:
        return None
    return {"speaker": speaker, "text": r.group("text"), "kind": "reported",
            "cue": r.group("cue") if r.group("pron") else "According to", "start": r.start("text")}  # fmt: skip


def _roles_by_person(doc: Doc) -> dict[str, tuple[list[int], list[dict]]]:
    """Each person's roles in text order, with their starts (for bisection)."""
    by_person: dict[str, tuple[list[int], list[dict]]] = {}
    for r in sorted(doc.roles, key=lambda r: r["start"]):
        starts, rs = by_person.setdefault(r["person"], ([], []))
        starts.append(r["start"])
        rs.append(r)
    return by_person


def _told(doc: Doc, t: re.Match, s: int, roles) -> dict | None:
    """ "..., the minister X told reporters": the words before the comma, said by the person
    just before the cue (with the role that leads his name)."""
    cue_at = t.start()
    before = [x for x in doc.between(s, cue_at) if x["end"] <= cue_at and cue_at - x["end"] <= 2
              and doc.entities[x["entity"]] == "PERSON"]  # fmt: skip
    if not before:
        return None
    who = before[-1]
    starts, rs = roles.get(who["entity"], ([], []))
    near = rs[bisect_left(starts, s) : bisect_left(starts, who["end"])]
    lead = min([r["start"] for r in near if r["end"] >= who["end"]] + [who["start"]])
    comma = doc.text.rfind(",", s, lead)
    if comma <= s:
        return None
    return {"speaker": who["entity"], "text": doc.text[s:comma].strip(), "kind": "reported",
            "cue": t.group("cue"), "start": s}  # fmt: skip


def _new(found: list[dict], known: list[dict]) -> list[dict]:
    """The statements of `found` that overlap none of `known`."""
    spans = [(q["start"], q["start"] + len(q["text"])) for q in known]
    return [
        q
        for q in found
        if not any(a < q["start"] + len(q["text"]) and q["start"] < b for a, b in spans)
    ]


@cache
def scans() -> dict[str, Scan]:
    """The attribution patterns of quotes, with their heads (see `analysis.facts.extract.scans`)."""
    speech = _first_words(SPEECH_WORDS)
    return {
        "told": Scan(_TOLD, speech),
        "said that": Scan(_SAID_THAT, Candidates(_said_that_starts, holds_for_spans=True)),
    }
