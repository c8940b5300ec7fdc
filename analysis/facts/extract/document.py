"""The document the stages read and write: its text, sentences, mentions; the gazetteer."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from ...constants import QUOTE_RE
from ...reading.scan import Candidates, WordIndex

if TYPE_CHECKING:
    pass

# ---- gazetteer ------------------------------------------------------------------------------


class Scan(NamedTuple):
    """A pattern, the head its matches start with (None: anywhere) and the runs it starts on."""

    rx: re.Pattern
    head: re.Pattern | Candidates | None  # or a function that finds the candidates
    kind: str = "word"  # "word": runs of \\w; "digit": runs of \\d


def _head(*alternatives: str, flags: int = 0, whole: bool = True) -> re.Pattern:
    """A head for `Doc.scan`: the word a match starts with is one of these (a prefix of it when
    not `whole`)."""
    return re.compile("(?:" + "|".join(alternatives) + ")" + (r"\Z" if whole else ""), flags)


def _first_words(literals, flags: int = 0) -> re.Pattern | None:
    """A head for an alternation of literal strings: the first word of each, or None (scan
    everywhere) when one of them does not begin with a word character. Kept for the same
    literals (some heads are asked for on every article: the gazetteer's hundreds of agencies;
    others once, a person's name: the cache is bounded)."""
    return _first_words_of(tuple(literals), flags)


@lru_cache(maxsize=1024)
def _first_words_of(literals: tuple[str, ...], flags: int) -> re.Pattern | None:
    firsts = set()
    for lit in literals:
        m = re.match(r"\w+", lit)
        if m is None:
            return None
        firsts.add(re.escape(m.group()))
    return _head(*sorted(firsts, key=len, reverse=True), flags=flags, whole=False)


# the mentions `Doc.last_before` looks back through: a wire story holds a few dozen, a long
# report a few hundred; past that a reference is to something nearer
LOOKBACK = 500

# ---- the document being read --------------------------------------------------------------


@dataclass
class Doc:
    """The article as the stages read it, and what they write (see `pipeline` for who writes
    what). Its own indexes over the mentions are kept by its methods."""

    text: str
    sentences: list[tuple[int, int, int]]  # (sentence_id, start, end)
    body_start: int
    ref_date: dt.date | None
    ref_precision: str | None
    article: Any = None  # the Article it was read from: dateline, credits, metadata
    index: WordIndex | None = None  # the text's word index, if it is built already
    entities: dict[str, str] = field(default_factory=dict)  # canonical -> type
    parsed: object = None  # the statistical model's reading of the body, if it ran
    dateline: tuple[int, int] | None = None  # read for its facts, never part of a statement
    year_inferred: tuple[int, str] | None = None  # (year, how) when no date gave the year
    mentions: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    dates: list = field(default_factory=list)  # DateMention, in text order
    quotes: list[dict] = field(default_factory=list)
    quote_spans: list[tuple[int, int, str]] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)  # who is credited with words, where
    quantities: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)

    def __post_init__(self):
        # indexes that keep every look-up logarithmic or linear in the span, not in the article:
        # a 5 MB file holds a hundred thousand mentions
        self._keys: set[tuple[str, int, int]] = set()
        self._direct = bytearray(len(self.text))  # 1 where a mention by name covers a character
        self._any = bytearray(len(self.text))  # 1 where any mention covers a character
        self._starts = [s for _, s, _ in self.sentences]
        self._snapshot: tuple[int, list[dict], list[int]] | None = None
        if self.index is not None and self.index.text != self.text:
            self.index = None  # an index of another text
        self._span_arrays = None
        self._quoted: list[tuple[int, int]] | None = None
        self._subjects: list[tuple[int, int]] | None = None
        self._parse_arrays: dict[str, Any] = {}

    def word_index(self) -> WordIndex:
        """The text's word index (built on first use)."""
        if self.index is None:
            self.index = WordIndex(self.text)
        return self.index

    def scan(self, scan: Scan, pos: int = 0):
        """`rx.finditer(text, pos)`, tried only at the words its head accepts (see scan.py)."""
        if scan.head is None:
            return scan.rx.finditer(self.text, pos)
        return self.word_index().finditer(scan.rx, scan.head, pos, None, scan.kind)

    def span_arrays(self):
        """The sentences' starts and ends as arrays."""
        import numpy as np

        if self._span_arrays is None:
            self._span_arrays = (
                np.array([s for _, s, _ in self.sentences], dtype=np.int64),
                np.array([e for _, _, e in self.sentences], dtype=np.int64),
            )
        return self._span_arrays

    def sentence_ids(self, positions):
        """The sentence of each position (an Int64 array; <NA> outside every sentence)."""
        import numpy as np

        starts, ends = self.span_arrays()
        ids = np.array([sid for sid, _, _ in self.sentences], dtype=np.int64)
        if not len(ids):
            return pd.array([pd.NA] * len(positions), dtype="Int64")
        i = np.searchsorted(starts, positions, side="right") - 1
        inside = (i >= 0) & (positions < ends[np.maximum(i, 0)])
        return pd.arrays.IntegerArray(np.where(inside, ids[np.maximum(i, 0)], 0), ~inside)

    def sentence_of(self, pos: int):
        i = bisect_right(self._starts, pos) - 1
        if i >= 0:
            sid, s, e = self.sentences[i]
            if s <= pos < e:
                return sid
        return pd.NA

    def sentence_span(self, sid) -> tuple[int, int]:
        i = int(sid) - 1 if pd.notna(sid) else -1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] == sid:
            return self.sentences[i][1], self.sentences[i][2]
        return 0, 0

    def add_mention(self, name: str, etype: str, start: int, end: int, indirect: bool = False):
        if name not in self.entities:
            self.entities[name] = etype
        key = (name, start, end)
        if key in self._keys:
            return
        self._keys.add(key)
        self.mentions.append({"entity": name, "start": start, "end": end, "is_indirect": indirect})
        self._any[start:end] = b"\x01" * (end - start)
        if not indirect:
            self._direct[start:end] = b"\x01" * (end - start)

    def rename(self, alias: dict[str, str]) -> None:
        """Mentions of each old name become mentions of the new one (an acronym, say)."""
        kept, keys = [], set()
        for m in self.mentions:
            name = alias.get(m["entity"], m["entity"])
            if (name, m["start"], m["end"]) not in keys:
                keys.add((name, m["start"], m["end"]))
                kept.append(m | {"entity": name})
        self.mentions, self._keys, self._snapshot = kept, keys, None
        named = {m["entity"] for m in kept}
        self.entities = {n: t for n, t in self.entities.items() if n in named or n not in alias}

    def drop(self, names: set[str]) -> None:
        """These entities and every mention of them, gone (words taken for names wrongly)."""
        if not names:
            return
        self.mentions = [m for m in self.mentions if m["entity"] not in names]
        self.entities = {n: t for n, t in self.entities.items() if n not in names}
        self._keys = {(m["entity"], m["start"], m["end"]) for m in self.mentions}
        self._direct = bytearray(len(self.text))
        self._any = bytearray(len(self.text))
        for m in self.mentions:
            self._any[m["start"] : m["end"]] = b"\x01" * (m["end"] - m["start"])
            if not m["is_indirect"]:
                self._direct[m["start"] : m["end"]] = b"\x01" * (m["end"] - m["start"])
        self._snapshot = None

    # ---- the parse, read once: the stages ask it for a few tokens, not every token each ----

    def parse_array(self, attr: str):
        """One attribute ("IDX", "DEP", "LOWER") of every token of the parse, as the array
        `Doc.to_array` gives, made once."""
        found = self._parse_arrays.get(attr)
        if found is None:
            found = self._parse_arrays[attr] = self.parsed.to_array(attr)
        return found

    def tokens_with(self, attr: str, values: tuple[str, ...]) -> list:
        """The parse's tokens whose `attr` ("DEP", "LOWER") is one of `values`, in order."""
        import numpy as np

        strings = self.parsed.vocab.strings
        hashes = np.array([strings[v] for v in values], dtype=np.uint64)
        parsed = self.parsed
        return [parsed[int(i)] for i in np.flatnonzero(np.isin(self.parse_array(attr), hashes))]

    def first_token_from(self, pos: int) -> int:
        """The index of the parse's first token that starts at or after text offset `pos`
        (the number of tokens if none does)."""
        import numpy as np

        return int(np.searchsorted(self.parse_array("IDX"), pos - self.body_start, side="left"))

    def token_at(self, pos: int):
        """The parse's token that starts at text offset `pos`, or None."""
        j = self.first_token_from(pos)
        starts = self.parse_array("IDX")
        return self.parsed[j] if j < len(starts) and starts[j] == pos - self.body_start else None

    def subjects(self) -> list[tuple[int, int]] | None:
        """The spans of the parse's sentence subjects (text offsets, in order: "Deputy Minister
        ... Nino Kapanadze" in "... Nino Kapanadze noted"); None without a parse."""
        if self.parsed is None:
            return None
        if self._subjects is None:
            base, deps = self.body_start, ("nsubj", "nsubjpass")
            spans = {
                (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
                for t in self.tokens_with("DEP", deps)
            }
            self._subjects = sorted((base + a, base + b) for a, b in spans)
        return self._subjects

    def quoted(self) -> list[tuple[int, int]]:
        """The spans of the text inside quotation marks, in order (found once)."""
        if self._quoted is None:
            self._quoted = [
                (m.start(), m.end()) for m in QUOTE_RE.finditer(self.text, self.body_start)
            ]
        return self._quoted

    def taken(self, start: int, end: int) -> bool:
        """Whether a mention by name already covers any of this span."""
        return self._direct.find(1, start, end) >= 0

    def covered(self, pos: int) -> bool:
        """Whether any mention covers this character."""
        return 0 <= pos < len(self._any) and self._any[pos] == 1

    def ordered(self) -> tuple[list[dict], list[int]]:
        """Mentions sorted by start, and their starts (re-sorted only after new mentions)."""
        if self._snapshot is None or self._snapshot[0] != len(self.mentions):
            ms = sorted(self.mentions, key=lambda m: (m["start"], m["end"]))
            self._snapshot = (len(self.mentions), ms, [m["start"] for m in ms])
        return self._snapshot[1], self._snapshot[2]

    def between(self, lo: int, hi: int) -> list[dict]:
        """Mentions that start in [lo, hi)."""
        ms, starts = self.ordered()
        return ms[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def last_before(self, pos: int, ok, snapshot=None) -> str | None:
        """The entity of the last mention starting before `pos` that `ok(name, type)` accepts,
        among the `LOOKBACK` mentions before it: what "he" or "the company" refers to is named
        a few sentences back, and a long text costs the same per reference as a short one."""
        ms, starts = snapshot or self.ordered()
        last = bisect_left(starts, pos) - 1
        for i in range(last, max(last - LOOKBACK, -1), -1):
            name = ms[i]["entity"]
            if ok(name, self.entities[name]):
                return name
        return None


def in_sentences(doc: Doc, scan: Scan):
    """(sentence index, match) for every match of `rx` in each sentence on its own, in order.

    The same matches as `rx.finditer(text[s:e])` sentence by sentence, at text offsets: each
    starts at a word the head accepts, where looking back past the sentence start sees a
    boundary either way, and the sentence end ends the string for it.
    """
    starts, ends = doc.span_arrays()
    return doc.word_index().finditer_spans(scan.rx, scan.head, starts, ends, scan.kind)


def first_in_sentences(doc: Doc, scan: Scan) -> dict[int, re.Match]:
    """Sentence index -> the first match in that sentence alone (see in_sentences)."""
    first: dict[int, re.Match] = {}
    for i, m in in_sentences(doc, scan):
        first.setdefault(i, m)
    return first
