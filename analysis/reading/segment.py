"""Sentence boundaries with character offsets, tiling the body of an article.

Punkt's way of judging a potential sentence end is kept: the word before the mark, the mark
and the word after it decide. What Punkt learns from training is written down instead, as
rules that wire copy needs (no model, nothing downloaded):

- a period after an abbreviation (`U.S.`, `Mt.`, `Co.`, `Jan.`, `a.m.`), an initial (`E.`) or
  a list label (`1.`, `b.`) ends a sentence only before a word that starts sentences and is no
  name (`The`, `It`, `How`); before a number it never does (`No. 5`, `p. 55`, `Jan. 22`);
- no mark ends a sentence before a word in lower case (`Yahoo! in`, `"Great." she said`);
- periods inside a token never end one (`$100.00`, `belta.by`, `jane.doe@example.com`);
- ellipses: four dots end a sentence before a capital, three only before a sentence starter,
  and `[...]` never does;
- closing quotation marks and brackets stay with the sentence they close;
- numbered, lettered and bulleted lists are split at each item, also without a period.

Paragraphs (blank lines) always end a sentence. The result tiles the body: every character that
is not white space belongs to exactly one sentence, in order. A stretch with no letter or digit
(a stray `. . .`) joins the sentence before it in its paragraph, or the one after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..constants import (
    ABBREVIATED_TITLES,
    ABBREVIATED_WEEKDAYS,
    ABBREVIATIONS,
    MONTHS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_STARTERS,
    WEEKDAYS,
)

# Words written with a period that does not end the sentence, lower case, without the period.
TITLES = ABBREVIATED_TITLES
# months and days as written with a period: `Jan.` (from constants.MONTHS), `Tues.`
CALENDAR = frozenset(m.lower() for m in MONTHS if any(o != m and o.startswith(m) for o in MONTHS))
CALENDAR |= ABBREVIATED_WEEKDAYS
ABBREVIATIONS = TITLES | CALENDAR | ABBREVIATIONS
_DAYS_AND_MONTHS = CALENDAR | {w.lower() for w in (*MONTHS, *WEEKDAYS)}
# Abbreviations only before a number (`No. 5`, `p. 55`); elsewhere they are words (`No.`).
# Capitalised words that start sentences and are no part of a name: after an abbreviation or an
# initial, a sentence ends only before one of these (`in the U.S. How about you?`).

_CLOSERS = "\"'”’»)]}"
# a potential sentence end: marks (with a spaced ellipsis), closing marks, then white space
_END = re.compile(rf"[.!?…‽]+(?:[ ][.…]+)*[{re.escape(_CLOSERS)}]*(?=\s|\Z)")
_NEXT = re.compile(r"\s+[\"'“‘«(\[{*_]*(?P<word>\S*)")
_LETTER_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}")  # U.S, Ph.D, a.m
_AM_PM = re.compile(r"\d*[ap]\.m", re.IGNORECASE)
_TIME_FIRST = re.compile(r"\W*(?:[A-Za-z]+\s+){0,3}(?:\d{1,2}(?:[:.]\d\d)?\s*)?")
_THEN_TIME = re.compile(r"\s+time\b")
_BULLETS = "•⁃▪◦‣"
_BULLET = re.compile(rf"[{_BULLETS}]")
_LABEL = re.compile(rf"[{_BULLETS}]?\s*(?:\d{{1,2}}|[a-z])")  # `1`, `b`, `• 9`, `⁃10`
_LIST_FIRST = re.compile(
    rf"[{_BULLETS}]?\s*(?P<label>\d{{1,2}}|[a-z])(?P<style>\.\)|\)|\.)\s+[A-Z\"“]"
)
_OPENERS = "\"'“‘«([{"
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)[^\S\r\n]*(?:\r\n?|\n)\s*")
_NOT_SPACE = re.compile(r"\S")
_WORDLIKE = re.compile(r"\w")


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text[start:end]`, offsets into `text`.

    The spans tile the stretch: each begins and ends with a character that is not white space,
    they come in order without overlapping, and together they hold every such character.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text, start, end):
        spans += _tile(text, _cuts(text, p_start, p_end), p_start, p_end)
    return spans


def paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph of `text[start:end]`: blank lines separate them."""
    pos = start
    for brk in _PARAGRAPH_BREAK.finditer(text, start, end):
        if brk.start() > pos:
            yield pos, brk.start()
        pos = brk.end()
    if pos < end:
        yield pos, end


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Where the paragraph `text[start:end]` is cut into sentences, in order."""
    items = _list_cuts(text, start, end)  # usually none
    cuts: list[int] = []
    sentence = start  # where the sentence being read began
    for m in _END.finditer(text, start, end):
        if m.end() == end:
            break
        while items and items[0] <= m.start():
            sentence = max(sentence, items.pop(0))
            cuts.append(sentence)
        cut = _decide(text, m, _NEXT.match(text, m.end(), end), sentence)
        if cut is not None:
            cuts.append(cut)
            sentence = cut
    return sorted({*cuts, *items})


def _decide(text: str, m: re.Match, nxt: re.Match, sentence: int) -> int | None:
    """The cut at the potential end `m`, followed by `nxt`, or None: no sentence ends there."""
    after = nxt.group("word")
    first = after[:1]
    if first.islower() and not after[1:2].isupper():  # `in`, `said`; not `iPhone`
        return None
    mark = m.group().rstrip(_CLOSERS)
    if "!" in mark or "?" in mark or "‽" in mark:
        return m.end()
    if _char_before(text, m.start()) in ("(", "["):  # `[...]`, `(.)`: words left out
        return None
    dots = mark.count(".") + 3 * mark.count("…")
    if dots > 1:
        return _decide_ellipsis(text, m, mark, dots, after)
    word = _word_before(text, m.start(), sentence)
    kind = _kind(text, word, m.start(), sentence, after) if word else None
    if kind is None:
        return m.end()
    if kind == "label" or first.isdigit() or not first:
        return None
    if _AM_PM.fullmatch(word):
        return _decide_time(text, m, word, nxt, sentence)
    return m.end() if _starts_sentence(after) else None


def _char_before(text: str, pos: int) -> str:
    return text[pos - 1] if pos > 0 else ""


def _decide_ellipsis(text: str, m: re.Match, mark: str, dots: int, after: str) -> int | None:
    """Four dots end a sentence before a capital, three only before a sentence starter."""
    if dots < 4:
        return m.end() if _starts_sentence(after) and after[:1] != "I" else None
    attached = not _char_before(text, m.start()).isspace()
    if attached and mark[1:2] == " " and m.group() == mark:
        return m.start() + 1  # `ended. . . . Then`: the period ends it, the ellipsis goes on
    return m.end()


def _decide_time(text: str, m: re.Match, word: str, nxt: re.Match, sentence: int) -> int | None:
    """After `a.m.` or `p.m.` a capital starts a sentence, unless it is a day, a month or a time
    zone (`5 p.m. Tuesday`, `9 a.m. GMT`, `9 a.m. Astana time`), or unless the time opens the
    sentence (`At 5 a.m. Mr. Smith went`)."""
    after = nxt.group("word").rstrip(".,;:")
    if (
        after.lower() in _DAYS_AND_MONTHS
        or (2 <= len(after) <= 4 and after.isalpha() and after.isupper())
        or _THEN_TIME.match(text, nxt.end())
    ):
        return None
    head = text[sentence : m.start() - len(word)]
    return None if _TIME_FIRST.fullmatch(head) else m.end()


def _word_before(text: str, pos: int, floor: int) -> str:
    """The word that ends at `pos`: back to white space or `floor`, opening marks left off."""
    i = pos
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:pos].lstrip(_OPENERS)


def _kind(text: str, word: str, pos: int, sentence: int, after: str) -> str | None:
    """What the period at `pos` after `word` marks: "abbreviation" (initials included),
    "label" (of a list item, opening the sentence: `1.`, `• 9.`, `b.`) or None (a word)."""
    lower = word.rsplit("-", 1)[-1].lower()
    if lower in ABBREVIATIONS or (lower in NUMBER_ABBREVIATIONS and after[:1].isdigit()):
        return "abbreviation"
    if len(word) == 1 and word.isupper():  # an initial, unless it is `I` after a lower-case word
        if word != "I" or not _word_before(text, pos - 2, sentence)[:1].islower():
            return "abbreviation"
    if _LETTER_ABBREVIATION.fullmatch(word):
        return "abbreviation"
    if len(word) <= 3 and _LABEL.fullmatch(text, _first_visible(text, sentence, pos), pos):
        return "label"
    return None


def _starts_sentence(word: str) -> bool:
    word = word.rstrip(",;:")
    return word in SENTENCE_STARTERS or (
        word.endswith(("'s", "’s")) and word[:-2] in SENTENCE_STARTERS
    )


def _first_visible(text: str, pos: int, end: int) -> int:
    m = _NOT_SPACE.search(text, pos, end)
    return m.start() if m else end


def _list_cuts(text: str, start: int, end: int) -> list[int]:
    """Cuts before the items of a list: a bullet, or a run of labels `1.` `2.` ... or `a)` `b)`
    ... whose first opens the paragraph, each label before a capital and not after an
    abbreviation (`on Oct. 2. The` is no item)."""
    cuts = [
        b.start()
        for b in _BULLET.finditer(text, start, end)
        if _char_before(text, b.start()).isspace()
    ]
    first = _LIST_FIRST.match(text, _first_visible(text, start, end), end)
    if not first:
        return cuts
    label, style, pos = _next_label(first.group("label")), first.group("style"), first.end()
    while found := _item(label + style).search(text, pos, end):
        pos = found.end()
        before = _word_before(text, found.start() - 1, start)
        if not (before.endswith(".") and before[:-1].lower() in ABBREVIATIONS):
            cuts.append(found.start())
            label = _next_label(label)
    return sorted(set(cuts))


def _next_label(label: str) -> str:
    return chr(ord(label) + 1) if label.isalpha() else str(int(label) + 1)


def _item(label: str) -> re.Pattern:
    return re.compile(rf"(?<=\s)[{_BULLETS}]?\s?{re.escape(label)}\s+[A-Z\"“]")


def _tile(text: str, cuts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The sentences between the cuts, white space trimmed; a stretch with no letter or digit
    joins the sentence before it, or the next one when it comes first."""
    spans: list[tuple[int, int]] = []
    pending = None  # the start of a wordless stretch waiting for the next sentence
    for a, b in zip([start, *cuts], [*cuts, end]):
        piece = text[a:b]
        stripped = piece.strip()
        if not stripped:
            continue
        s = a + len(piece) - len(piece.lstrip())
        e = b - (len(piece) - len(piece.rstrip()))
        if _WORDLIKE.search(stripped):
            spans.append((s if pending is None else pending, e))
            pending = None
        elif spans:
            spans[-1] = (spans[-1][0], e)
        elif pending is None:
            pending = s
    if pending is not None:  # the paragraph has no word at all: it stands alone
        spans.append((pending, _last_visible(text, start, end)))
    return spans


def _last_visible(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip())
