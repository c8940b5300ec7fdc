"""Quotes: direct quotations with their speaker, and reported speech."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ...constants import NAME, QUOTE_RE, SPEECH, SPEECH_WORDS
from ...reading.scan import WordIndex
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


_said_that_starts.holds_for_spans = True


def find_quotes(doc: Doc) -> tuple[list[dict], list[tuple[int, int, str]]]:
    text = doc.text
    quotes, spans = [], []
    for m in QUOTE_RE.finditer(text, doc.body_start):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) < 3:
            continue  # a name or a term in quotation marks, not speech
        q_start = m.start() + 1
        q_text = inner.rstrip(" ,.")
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
        else:
            b = _BEFORE.search(before)
            if b:
                cue = b.group("cue")
                w_at = m.start() - len(before) + b.start("who")
                speaker = person_at(doc, w_at, w_at + len(b.group("who"))) or resolve_pronoun(
                    doc, w_at
                )
        if speaker is None:
            # attribution in the next sentence: "... ." He said / the minister noted
            sid = doc.sentence_of(m.end() - 1)
            nxt = doc.sentence_span(sid + 1) if pd.notna(sid) else (0, 0)
            n = _NEXT_SENTENCE_SPEAKER.match(text, nxt[0], nxt[1])
            if n:
                cue = n.group("cue")
                speaker = person_at(doc, n.start("who"), n.end("who")) or resolve_pronoun(
                    doc, nxt[0]
                )
        if speaker is None and doc.parsed is not None:
            near = speaker_near(doc, m.start(), m.end())
            if near:
                speaker, cue = near
        if speaker:
            quotes.append(
                {"speaker": speaker, "text": q_text, "kind": "direct", "cue": cue, "start": q_start}
            )
            spans.append((m.start(), m.end(), speaker))
    # reported speech, sentence by sentence (not inside a direct quotation)
    roles_by_person: dict[str, tuple[list[int], list[dict]]] = {}  # by start, for bisection
    for r in sorted(doc.roles, key=lambda r: r["start"]):
        starts_, rs = roles_by_person.setdefault(r["person"], ([], []))
        starts_.append(r["start"])
        rs.append(r)
    quoted_sentences = set()
    for a, b, _ in spans:
        first, last = doc.sentence_of(a), doc.sentence_of(max(a, b - 1))
        if pd.notna(first) and pd.notna(last):
            quoted_sentences.update(range(int(first), int(last) + 1))
    told_in = first_in_sentences(doc, scans()["told"])
    said_that_in = first_in_sentences(doc, scans()["said that"])
    for i, (sid, s, e) in enumerate(doc.sentences):
        if sid in quoted_sentences:
            continue
        r = _IN_HIS_WORDS.match(text, s, e)  # offsets in the text; `$` is the sentence end
        if r:
            if r.group("pron"):
                speaker = resolve_pronoun(doc, s)
            else:
                speaker = person_at(doc, r.start("who"), r.end("who"))
            if speaker:
                quotes.append({"speaker": speaker, "text": r.group("text"), "kind": "reported",
                               "cue": r.group("cue").split(" ", 2)[0] + " " + r.group("cue").split(" ", 2)[1] if r.group("pron") else "According to",
                               "start": r.start("text")})  # fmt: skip
                if r.group("pron"):
                    quotes[-1]["cue"] = r.group("cue")
                continue
        t = told_in.get(i)
        if t:
            cue_at = t.start()
            before = [x for x in doc.between(s, cue_at) if x["end"] <= cue_at and cue_at - x["end"] <= 2
                      and doc.entities[x["entity"]] == "PERSON"]  # fmt: skip
            if before:
                who = before[-1]
                starts_, rs = roles_by_person.get(who["entity"], ([], []))
                near = rs[bisect_left(starts_, s) : bisect_left(starts_, who["end"])]
                lead = min([r["start"] for r in near if r["end"] >= who["end"]] + [who["start"]])
                comma = text.rfind(",", s, lead)
                if comma > s:
                    quotes.append({"speaker": who["entity"], "text": text[s:comma].strip(), "kind": "reported",
                                   "cue": t.group("cue"), "start": s})  # fmt: skip
                    continue
        h = said_that_in.get(i)
        if h:
            w_at = h.start("who")
            speaker = person_at(doc, w_at, h.end("who")) or resolve_pronoun(doc, w_at)
            if speaker:
                quotes.append({"speaker": speaker, "text": h.group("text"), "kind": "reported", "cue": h.group("cue"),
                               "start": h.start("text")})  # fmt: skip
    if doc.parsed is not None:  # the parse's reported speech first, the rules' where it has none
        marks = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text, doc.body_start)]
        direct = [q for q in quotes if q["kind"] == "direct"]
        parsed = reported_speech(doc, marks)
        # the rules' statements in sentences where the parse found none ("In his words, ...")
        done = {doc.sentence_of(q["start"]) for q in parsed}
        ruled = [q for q in quotes if q["kind"] == "reported"
                 and doc.sentence_of(q["start"]) not in done and len(q["text"].split()) >= 3]  # fmt: skip
        quotes = direct + parsed + _new(ruled, parsed)
    return quotes, spans


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
    return {"told": Scan(_TOLD, speech), "said that": Scan(_SAID_THAT, _said_that_starts)}
