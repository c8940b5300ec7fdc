"""Run a regular expression only where it can match: at the words that can begin a match.

Python's `re` has no literal prefix to skip ahead on for a pattern such as
`\\b(?:has|have|had)\\s+...`: it tries the pattern at every character of the text, which on a
5 MB article costs a quarter of a second or more per pattern, and the extractor has dozens.

`WordIndex` finds the runs of word characters (`\\w+`) of a text once, with numpy, and groups
them by their text. A pattern is then given with its *head*: a second pattern that the word
run at the start of every match must match at its own start (`(?:has|have|had)` above, with the
same flags). `finditer` tries the pattern only at the starts of the runs that the head accepts,
a few per cent of the text, and yields exactly the matches `rx.finditer(text, pos, endpos)`
would: the pattern itself decides at each candidate, and the matches are kept in order and
without overlap in the same way. A head that accepts too much costs time, never a match; a
head that accepts too little would lose matches, and `tests/test_scan.py` holds every head
the extractor uses equal to the plain scan.

Runs of decimal digits (`\\d+`) are indexed the same way, for patterns whose matches may begin
inside a word but always at the first digit of a number ("2016" in "in2016"). A pattern whose
matches start at no word a head can name gets a function that finds its candidates instead
(the extractor's attributions: a web address may begin after a hyphen).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np

_CLASSES = {"word": re.compile(r"\w"), "digit": re.compile(r"\d"), "space": re.compile(r"\s")}


@dataclass(frozen=True)
class Candidates:
    """A head given as a function: `find(index)` returns where a match may start, sorted.

    It holds for the whole text; `holds_for_spans` says it also holds for spans cut out of it
    (whatever follows a span's end), so that it may be used sentence by sentence.
    """

    find: Callable[[WordIndex], np.ndarray]
    holds_for_spans: bool = False


@cache
def _ascii_table(kind: str) -> np.ndarray:
    rx = _CLASSES[kind]
    return np.array([rx.match(chr(c)) is not None for c in range(128)], dtype=bool)


def code_points(text: str) -> np.ndarray:
    """The text as an array of code points, one per character (as `len` counts them)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def char_mask(cp: np.ndarray, kind: str) -> np.ndarray:
    """Where a character is in the class `\\w`, `\\d` or `\\s` ("word", "digit", "space").

    Decided by `re` itself: by a table for ASCII, and for any other character once per
    distinct code point in the text.
    """
    ascii_ = cp < 128
    out = np.zeros(len(cp), dtype=bool)
    out[ascii_] = _ascii_table(kind)[cp[ascii_]]
    if not ascii_.all():
        rest = ~ascii_
        uniq, inverse = np.unique(cp[rest], return_inverse=True)
        rx = _CLASSES[kind]
        ok = np.array([rx.match(chr(c)) is not None for c in uniq.tolist()], dtype=bool)
        out[rest] = ok[inverse]
    return out


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of the runs of True in a boolean mask."""
    edges = np.diff(mask.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


# Whether a head matches a word, kept from text to text: an article's words are mostly those
# of the articles before it, and each head is asked about each of them. The words seen get a
# number (at most `_MOST_WORDS`: past that, every verdict is forgotten at once), and each head
# an array of verdicts by number, 0 not asked yet, 1 no, 2 yes (at most `_MOST_HEADS`: a head
# made for one article, a person's name, comes and goes; past that, the heads are forgotten).
_MOST_WORDS = 50_000
_MOST_HEADS = 128
_IDS: dict[str, int] = {}
_HEADS: dict[re.Pattern, np.ndarray] = {}
_LOCK = threading.RLock()
_generation = 0  # one more each time the words are forgotten


def _word_ids(words: list[str]) -> tuple[int, np.ndarray]:
    """The numbers of `words` (new words numbered now), and the generation they belong to.
    (Called holding `_LOCK`.)"""
    global _generation
    ids = list(map(_IDS.get, words))
    new = ids.count(None)
    if new and len(_IDS) + new > _MOST_WORDS:
        _IDS.clear()
        _HEADS.clear()
        _generation += 1
        ids = [None] * len(words)
    if new:
        for i, w in enumerate(words):
            if ids[i] is None:
                ids[i] = _IDS.setdefault(w, len(_IDS))
    return _generation, np.array(ids, dtype=np.int64)


def _verdicts(head: re.Pattern, words: list[str], ids: np.ndarray) -> np.ndarray:
    """`[head.match(w) is not None for w in words]` as a boolean array, each verdict on a word
    computed once; `ids` the words' numbers, of this generation. (Called holding `_LOCK`.)"""
    known = _HEADS.get(head)
    if known is None or len(known) < len(_IDS):
        if known is None and len(_HEADS) >= _MOST_HEADS:
            _HEADS.clear()
        grown = np.zeros(max(len(_IDS), 2 * (0 if known is None else len(known))), np.uint8)
        if known is not None:
            grown[: len(known)] = known
        known = _HEADS[head] = grown
    got = known[ids]
    for i in np.flatnonzero(got == 0).tolist():
        got[i] = known[ids[i]] = 2 if head.match(words[i]) is not None else 1
    return got == 2


class _Runs:
    """The runs of one character class: their starts, and which distinct text each has."""

    def __init__(self, text: str, starts: np.ndarray, ends: np.ndarray):
        import pandas as pd

        self.text = text
        self.starts = starts
        self.ends = ends
        words = [text[a:b] for a, b in zip(starts.tolist(), ends.tolist())]
        codes, distinct = pd.factorize(np.array(words, dtype=object))
        self.codes = codes
        self.distinct: list[str] = distinct.tolist()
        self._cache: dict[re.Pattern, np.ndarray] = {}
        self._numbered: tuple[int, np.ndarray] | None = None  # `_word_ids(distinct)`
        self._lists: dict[re.Pattern, list[int]] = {}

    def accepted(self, head: re.Pattern) -> np.ndarray:
        """The starts of the runs whose text `head` matches at its start, in text order."""
        found = self._cache.get(head)
        if found is None:
            with _LOCK:
                if self._numbered is None or self._numbered[0] != _generation:
                    self._numbered = _word_ids(self.distinct)
                ok = _verdicts(head, self.distinct, self._numbered[1])
            found = self._cache[head] = self.starts[ok[self.codes]] if len(ok) else self.starts
        return found

    def accepted_list(self, head: re.Pattern) -> list[int]:
        """`accepted(head)` as a list (bisected by `finditer`: numpy's cost per call is more
        than the search on a short text)."""
        found = self._lists.get(head)
        if found is None:
            found = self._lists[head] = self.accepted(head).tolist()
        return found

    def cut(self, head: re.Pattern, ends: np.ndarray) -> np.ndarray:
        """The starts of the runs that an end (`endpos`) cuts short and that `head` accepts as
        cut: with the string ending inside "20160", the run there is "2016"."""
        ends = np.asarray(ends, dtype=np.int64)
        i = np.searchsorted(self.starts, ends, side="left") - 1  # the last run starting before
        ok = i >= 0
        i, ends = i[ok], ends[ok]
        inside = self.ends[i] > ends  # it goes on past the end
        starts = self.starts[i][inside].tolist()
        return np.array(
            [a for a, e in zip(starts, ends[inside].tolist()) if head.match(self.text[a:e])],
            dtype=np.int64,
        )


class WordIndex:
    """The word runs (and digit runs) of a text, for `finditer`. Built once per text."""

    def __init__(self, text: str):
        self.text = text
        self._cp: np.ndarray | None = None
        self._runs: dict[str, _Runs] = {}

    def build(self) -> WordIndex:
        """Find the word and digit runs now, rather than on first use."""
        self._of("word")
        self._of("digit")
        return self

    def _of(self, kind: str) -> _Runs:
        if kind not in self._runs:
            if self._cp is None:
                self._cp = code_points(self.text)
            starts, ends = runs(char_mask(self._cp, kind))
            self._runs[kind] = _Runs(self.text, starts, ends)
        return self._runs[kind]

    def candidates(self, head, kind: str = "word") -> np.ndarray:
        """Where a match may start: the starts of the `kind` runs that `head` accepts.

        `head` may also be `Candidates`: a function of the index that returns the candidates
        itself, sorted, for a pattern whose matches do not all start at a word it can name.
        """
        if isinstance(head, Candidates):
            return head.find(self)
        return self._of(kind).accepted(head)

    def words_before(self, ends, chunks: int) -> np.ndarray:
        """The starts of the words among the `chunks` runs of non-space text before each of
        `ends` (a phrase of up to that many words can start there), sorted and unique."""
        text, words = self.text, self.word_starts()
        found = []
        for end in ends:
            first = end
            for _ in range(chunks):
                while first > 0 and text[first - 1].isspace():
                    first -= 1
                while first > 0 and not text[first - 1].isspace():
                    first -= 1
            found.append(words[np.searchsorted(words, first) : np.searchsorted(words, end)])
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)

    def word_starts(self) -> np.ndarray:
        """The start of every word run."""
        return self._of("word").starts

    def finditer(
        self,
        rx: re.Pattern,
        head,
        pos: int = 0,
        endpos: int | None = None,
        kind: str = "word",
    ) -> Iterator[re.Match]:
        """The matches of `rx.finditer(text, pos, endpos)`, tried only where `head` allows."""
        text = self.text
        end = len(text) if endpos is None else endpos
        if end >= len(text) and not isinstance(head, Candidates):
            cands = self._of(kind).accepted_list(head)
            at = cands[bisect_left(cands, pos) : bisect_left(cands, end)]
        else:
            found = self.candidates(head, kind)
            if end < len(text):
                if not isinstance(head, Candidates):
                    found = np.union1d(found, self._of(kind).cut(head, np.array([end])))
                elif not head.holds_for_spans:
                    raise ValueError("this candidates function holds for the whole text only")
            lo, hi = np.searchsorted(found, [pos, end])
            at = found[lo:hi].tolist()
        match = rx.match
        after = pos
        for c in at:
            if c < after:
                continue
            m = match(text, c, end)
            if m is not None:
                yield m
                after = m.end() if m.end() > c else c + 1

    def finditer_spans(
        self,
        rx: re.Pattern,
        head,
        starts: np.ndarray,
        ends: np.ndarray,
        kind: str = "word",
    ) -> Iterator[tuple[int, re.Match]]:
        """(i, match) for each match of `rx.finditer(text, starts[i], ends[i])`, span by span.

        The spans (sentences, say) are sorted and do not overlap. Only the spans with a
        candidate in them cost anything. A span that ends inside a run cuts it short there,
        as `endpos` does.
        """
        text = self.text
        if isinstance(head, Candidates):
            if not head.holds_for_spans:
                raise ValueError("this candidates function holds for the whole text only")
            cands = head.find(self)
        else:
            cands = np.union1d(self.candidates(head, kind), self._of(kind).cut(head, ends))
        span = np.searchsorted(starts, cands, side="right") - 1
        inside = span >= 0
        inside[inside] = cands[inside] < ends[span[inside]]
        match = rx.match
        current, after, end = -1, 0, 0
        for c, i in zip(cands[inside].tolist(), span[inside].tolist()):
            if i != current:
                current, after, end = i, int(starts[i]), int(ends[i])
            if c < after:
                continue
            m = match(text, c, end)
            if m is not None:
                yield i, m
                after = m.end() if m.end() > c else c + 1
