"""Quotation marks paired into quotations, as wire copy writes them.

Straight, curly, angle and low-high marks, mixed within one quotation (an opening curly mark
closed by a straight one, or the reverse); a mark's side read from the characters beside it;
a quotation that runs over a paragraph break (its paragraph ends with no closing mark and the
next opens with a mark, news style: one quotation, the break included); single marks inside
double ones are part of the words. `quotations(text, start)` returns them in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = re.compile(r"[\"“”„«»]")
# characters after which a straight mark opens a quotation
_OPEN_AFTER = " \t\n([{—–-:;,/"
_TRAIL = " \t\n,."


@dataclass(frozen=True)
class Quotation:
    """A quotation: `start` at its opening mark, `end` after its closing mark (or at the end
    of its paragraph when it is never closed); `a`, `b` the words inside, without the final
    comma or full stop."""

    start: int
    end: int
    a: int
    b: int
    closed: bool = True

    def words(self, text: str) -> str:
        return text[self.a : self.b]

    def n_words(self, text: str) -> int:
        return len(text[self.a : self.b].split())


def _side(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at i, from the mark and its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    space_before = before in _OPEN_AFTER
    space_after = after.isspace() or after in ",.;:!?)]}—–"
    if ch in "«„":
        return "open"
    if ch == "»":
        return "close"
    if (
        ch == "“"
    ):  # opening, unless written where a closing mark goes (after a word, before a space)
        return "close" if not space_before and space_after else "open"
    if ch == "”":  # closing, unless written where an opening mark goes
        return "open" if space_before and not space_after else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _lines(text: str, start: int):
    """(start, end, blank_after) of each non-empty line from `start`: blank_after says whether
    a blank line (a paragraph break) follows it."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        a, b = start + m.start(), start + m.end()
        if text[a:b].strip():
            out.append([a, b, False])
    for i in range(len(out) - 1):
        out[i][2] = "\n" in text[out[i][1] : out[i + 1][0]].replace("\n", "", 1)
    return [tuple(x) for x in out]


def _first_mark(text: str, a: int, b: int) -> bool:
    """Whether the line a..b opens with a quotation mark."""
    m = re.match(r"\s*[\"“„«]", text[a:b])
    return m is not None


def quotations(text: str, start: int = 0) -> list[Quotation]:
    """Every quotation from `start`, in text order (see the module's docstring)."""
    lines = _lines(text, start)
    out: list[Quotation] = []
    opened: int | None = None
    for n, (a, b, blank_after) in enumerate(lines):
        for m in MARKS.finditer(text, a, b):
            i = m.start()
            side = _side(text, i)
            if opened is None:
                if side in ("open", "either"):
                    opened = i
            elif side in ("close", "either") or (text[i] == STRAIGHT and side == "open"):
                if _continues_into(text, lines, n, i, opened):
                    continue
                out.append(_quotation(text, opened, i + 1, closed=True))
                opened = None
            # an opening curly mark inside an open quotation: a quotation nested, kept whole
        if opened is None:
            continue
        nxt = lines[n + 1] if n + 1 < len(lines) else None
        if nxt is not None and _first_mark(text, nxt[0], nxt[1]):
            continue  # the quotation goes on in the next paragraph, which reopens it
        if nxt is not None and not blank_after:
            continue  # a line wrapped inside its paragraph
        out.append(_quotation(text, opened, b, closed=False))
        opened = None
    return out


def _continues_into(text: str, lines, n: int, i: int, opened: int) -> bool:
    """Whether the mark at i reopens a quotation carried over from the line before (the
    paragraph's first character), rather than closing it."""
    a = lines[n][0]
    if opened >= a:
        return False
    return text[a:i].strip() == ""


def _quotation(text: str, start: int, end: int, closed: bool) -> Quotation:
    a = start + 1
    b = end - 1 if closed else end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return Quotation(start, end, a, b, closed)


def is_name(words: str) -> bool:
    """Whether quoted words are a name rather than speech: every word capitalised (but small
    linking words), as "Silk Way" or "One Belt, One Road" are written."""
    tokens = re.findall(r"[^\W\d_][\w’'-]*", words)
    if not tokens:
        return True
    small = {w for w in tokens if len(w) <= 3 and w.islower()}
    return all(w[0].isupper() for w in tokens if w not in small) and len(small) < len(tokens) / 2
