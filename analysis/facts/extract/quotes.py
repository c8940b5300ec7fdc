"""Quotes: direct quotations with their speaker, and reported speech.

With the model's parse, `speech.Reader` reads the statements and `direct.Direct` the speakers
of quotations (`speakers.Speakers` says who each phrase names); without it, the rules below
read "X said that ...", "..., X told reporters", "In his words, ..." and the attributions
beside a quotation. Both take the quotations from `quotations.quotations`."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ...constants import NAME, SPEECH, SPEECH_WORDS
from ...reading.scan import Candidates, WordIndex
from .credits import credits
from .direct import Direct
from .document import Doc, Scan, _first_words, _head, first_in_sentences
from .quotations import Quotation, is_name, quotations
from .references import person_at, resolve_pronoun
from .speakers import Speakers
from .speech import Reader

if TYPE_CHECKING:
    pass

# ---- quotes -------------------------------------------------------------------------------

# a name of two or three capitalised words, or a surname alone ('"...," Kalnina said')
_WHO = rf"(?:{NAME}|[A-Z][a-z’'-]+)"
_AFTER = re.compile(
    rf"^[,.]?\s*(?P<who>(?:[Tt]he\s+[\w\s]+?|[Hh]e|[Ss]he|{_WHO}))\s+(?P<cue>{SPEECH})\b|^[,.]?\s*(?P<cue2>{SPEECH})\s+(?P<who2>{_WHO}|the\s+[\w\s]+?)(?=[,.])"
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


def find_quotes(doc: Doc) -> tuple[list[dict], list[tuple[int, int, str]], list[dict]]:
    """Direct quotations and reported statements with their speakers, in text order; the spans
    of the direct ones (start, end, speaker); and every attribution (who is credited with
    words, and where: the sources stage reads them). From the parse where there is one, by
    the rules otherwise."""
    found = quotations(doc.text, doc.body_start)
    quoted = _marks(doc, found)
    skip = _frame(doc)
    if doc.parsed is None:
        quotes, spans = _direct_quotes(doc, found, skip)
        reported = _reported_by_rules(doc, spans)
        rows = sorted(quotes + reported, key=lambda q: q["start"])
        return rows, spans, []
    speakers = Speakers(
        doc, lambda pos: bool(quoted[pos]) if 0 <= pos < len(quoted) else False, skip
    )
    reader = Reader(doc, speakers, speakers.quoted, skip)
    statements = reader.statements()
    rows = [s.row(doc.text) for s in statements]
    spans = []
    attributions = [_attribution(*c[:4]) for c in reader.credited + credits(reader)]
    for q, who, cue, span in Direct(reader, speakers, found, statements).find():
        rows.append({"speaker": who.name, "text": q.words(doc.text), "kind": "direct",
                     "cue": cue or pd.NA, "start": q.a})  # fmt: skip
        spans.append((q.start, q.end, who.name))
    rows.sort(key=lambda q: q["start"])
    attributions.sort(key=lambda a: a["start"])
    return rows, spans, attributions


def _attribution(who, cue: str, at: int, until: int) -> dict:
    return {"name": who.name, "kind": who.kind, "head": who.head, "definite": who.definite,
            "cue": cue, "start": at, "end": until}  # fmt: skip


def _marks(doc: Doc, found: list[Quotation]) -> bytearray:
    """1 at every character inside a quotation of two words or more."""
    marks = bytearray(len(doc.text))
    for q in found:
        if q.n_words(doc.text) >= 2:
            marks[q.start : q.end] = b"\x01" * (q.end - q.start)
    return marks


def _frame(doc: Doc):
    """A test for the positions no statement is read in: the dateline, the headline above the
    story, and the credit lines."""
    spans = []
    if doc.dateline:
        spans.append(doc.dateline)
    article = doc.article
    d = getattr(article, "dateline", None)
    if d is not None and d.headline is not None:
        spans.append(d.headline)
    elif doc.body_start == 0:
        first = re.match(r"\s*([^\n]+)\n\s*\n", doc.text)
        if first and _is_headline(first.group(1)):
            spans.append((first.start(1), first.end(1)))
    for c in getattr(article, "credits", ()) or ():
        spans.append((c.start, c.end))
    return lambda pos: any(a <= pos < b for a, b in spans)


def _is_headline(line: str) -> bool:
    """A first line that reads as a headline: short, with no full stop at its end."""
    line = line.strip()
    return len(line.split()) <= 25 and not re.search(r"[.!?][\"”’']?$", line)


def _direct_quotes(
    doc: Doc, found: list[Quotation], skip
) -> tuple[list[dict], list[tuple[int, int, str]]]:
    """By the rules: quotations of three words or more whose speaker can be found, or that go
    on from the quotation before them."""
    quotes, spans = [], []
    last = None
    for q in found:
        if skip(q.a) or q.n_words(doc.text) < 3 or is_name(q.words(doc.text)):
            continue
        speaker, cue = _direct_speaker(doc, q)
        if speaker is None and last is not None and _goes_on(doc, last, q):
            speaker, cue = last[1], pd.NA
        if speaker:
            quotes.append({"speaker": speaker, "text": q.words(doc.text), "kind": "direct",
                           "cue": cue, "start": q.a})  # fmt: skip
            spans.append((q.start, q.end, speaker))
            last = (q, speaker)
    return quotes, spans


def _goes_on(doc: Doc, last, q: Quotation) -> bool:
    """Whether a quotation goes on from the one before: only its attribution (a few words and
    a full stop) stands between them, over one paragraph break at most."""
    gap = doc.text[last[0].end : q.start]
    if gap.count("\n") > 2 or len(gap.split()) > 8:
        return False
    return not gap.strip() or re.search(r"[.:]\s*$", gap) is not None


def _direct_speaker(doc: Doc, m: Quotation) -> tuple[str | None, str | None]:
    """(speaker, cue) of a quotation, by the rules: after it, before it, or in the next sentence."""
    text = doc.text
    after = text[m.end : m.end + 160]
    before = text[max(doc.body_start, m.start - 120) : m.start]
    speaker, cue = None, None
    a = _AFTER.match(after)
    if a:
        who = a.group("who") or a.group("who2")
        cue = a.group("cue") or a.group("cue2")
        w_at = m.end + after.index(who)
        speaker = person_at(doc, w_at, w_at + len(who)) or (
            resolve_pronoun(doc, m.start) if who.lower() in ("he", "she") else None)  # fmt: skip
    elif b := _BEFORE.search(before):
        cue = b.group("cue")
        w_at = m.start - len(before) + b.start("who")
        speaker = person_at(doc, w_at, w_at + len(b.group("who"))) or resolve_pronoun(doc, w_at)
    if speaker is None:
        # attribution in the next sentence: "... ." He said / the minister noted
        sid = doc.sentence_of(m.end - 1)
        nxt = doc.sentence_span(sid + 1) if pd.notna(sid) else (0, 0)
        n = _NEXT_SENTENCE_SPEAKER.match(text, nxt[0], nxt[1])
        if n:
            cue = n.group("cue")
            speaker = person_at(doc, n.start("who"), n.end("who")) or resolve_pronoun(doc, nxt[0])
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


@cache
def scans() -> dict[str, Scan]:
    """The attribution patterns of quotes, with their heads (see `analysis.facts.extract.scans`)."""
    speech = _first_words(SPEECH_WORDS)
    return {
        "told": Scan(_TOLD, speech),
        "said that": Scan(_SAID_THAT, Candidates(_said_that_starts, holds_for_spans=True)),
    }
