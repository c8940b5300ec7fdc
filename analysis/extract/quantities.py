"""Quantities: numerals and number words with their unit, money, percentages, parts of a total."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from ..constants import NUMBER_WORDS, SCALES
from .dates import DateMention
from .document import Doc, Scan, _head, gazetteer

if TYPE_CHECKING:
    pass

# ---- quantities ---------------------------------------------------------------------------

_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_SCALE = r"(?:\s+(?P<scale>thousand|million|mln|billion|bln|trillion))?"
NUMBER_RE = re.compile(rf"(?<![\w.,-])(?P<num>{_NUM}){_SCALE}\b", re.I)


_OF_ANOTHER = re.compile(r"\s+(?:of|another)\b")
_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b)")
_UNIT_WORDS = re.compile(r"(?:\s+(?:more|other|new))?((?:\s+[a-z][\w-]*){1,4})")
_COLON_AHEAD = re.compile(r"[^:;.,\d]*:")


def _value(num: str, scale: str | None) -> float:
    num = num.lower()
    v = float(NUMBER_WORDS[num]) if num in NUMBER_WORDS else float(num.replace(",", ""))
    return v * SCALES[scale.lower()] if scale else v


def find_quantities(doc: Doc, dates: list[DateMention]) -> list[dict]:
    from ..text import lemma, stopwords

    g = gazetteer()
    stop = stopwords() | {"more", "other", "new", "further", "additional"}
    text = doc.text
    date_starts = [d.start for d in dates]

    def in_date(pos: int) -> bool:
        i = bisect_right(date_starts, pos) - 1
        return i >= 0 and dates[i].start <= pos < dates[i].end

    currencies = sorted(g.currencies, key=len, reverse=True)
    cur_after = re.compile(
        r"\s*(?P<cur>" + "|".join(re.escape(c) for c in currencies if c[0].isalpha()) + r")\b"
    )
    cur_before = re.compile(r"(?P<cur>\$|€|USD|EUR|KZT|RUB)\s?$")
    out: list[dict] = []
    total: dict | None = None
    for m in doc.scan(scans()["number"], doc.body_start):
        if in_date(m.start()):
            continue
        num, scale = m.group("num"), m.group("scale")
        if num.lower() == "one" and _OF_ANOTHER.match(text, m.end()):
            continue
        value = _value(num, scale)
        sid = doc.sentence_of(m.start())
        start, end = m.start(), m.end()
        before = cur_before.search(text[max(0, start - 5) : start])
        after = text[end : end + 60]
        pct = _PERCENT.match(after)
        cur = cur_after.match(after)
        row = None
        money = before or cur  # "$65 million" or "5 billion tenge"
        if money:
            row = {
                "quantity": value,
                "unit": g.currencies[money.group("cur")],
                "category": "money",
                "subject": "money",
            }
            if before:
                start -= len(before.group())
            else:
                end += cur.end()
        elif pct:
            row = {"quantity": value, "unit": "percent", "category": "share", "subject": "percent"}
            end += pct.end()
        else:
            words = _UNIT_WORDS.match(after)
            run = []
            if words:
                for w in words.group(1).split():
                    if w in stop or not w.isalpha() and "-" not in w:
                        break
                    run.append(w)
            if run:
                unit = lemma(run[-1])
                category = " ".join(run[:-1]) or None
                subject = " ".join(run)
                end = end + after.index(run[-1]) + len(run[-1])
            elif total and sid == total["sentence_id"]:
                prev = out[-1] if out and out[-1].get("part_of") == total["subject"] else total
                unit = prev["unit"]
                tail = re.match(
                    r"\s+(?:more\s+)?(?:for|on|in|of)\s+([a-z][\w\s-]*?)(?=[,.;:)]|\s+and\b|$)",
                    after,
                )
                category = tail.group(1).strip() if tail else None
                subject = f"{category} {unit}s" if category else unit
                if tail:
                    end = end + tail.end(1)
            else:
                continue
            if value > 1900 and value < 2100 and not scale:
                continue  # a year
            row = {"quantity": value, "unit": unit, "category": category, "subject": subject}
        row |= {
            "sentence_id": sid,
            "start": start,
            "end": end,
            "evidence": text[start:end],
            "part_of": None,
        }
        colon = _COLON_AHEAD.match(text[row["end"] : row["end"] + 40])
        if total and sid == total["sentence_id"] and start > total["end"] and row["unit"] in (total["unit"], _plural_free(total["unit"])) or (
            total and sid == total["sentence_id"] and start > total["end"] and text[total["end"]:start].lstrip().startswith(":")):  # fmt: skip
            row["part_of"] = total["subject"]
        elif colon:
            total = row
        out.append(row)
        if colon:
            total = row
    # parts of a total that add up are kept; a "total" with no parts is an ordinary quantity
    return out


def _plural_free(unit: str) -> str:
    return unit[:-1] if unit.endswith("s") else unit


@cache
def scans() -> dict[str, Scan]:
    """The number pattern, with its head (see `analysis.extract.scans`)."""
    return {"number": Scan(NUMBER_RE, _head(r"\d", *NUMBER_WORDS, flags=re.I, whole=False))}
