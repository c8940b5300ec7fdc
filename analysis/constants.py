"""Word lists and patterns that more than one part of the package reads, defined once.

The lists themselves are data: `analysis/data/wordlists.yaml`, read here once. This module
gives them the shapes the code reads (frozensets, mappings, the forms of a verb) and builds the
few patterns several modules share.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from types import MappingProxyType

WORDLISTS = Path(__file__).resolve().parent / "data" / "wordlists.yaml"


@cache
def wordlists() -> MappingProxyType:
    """Every list of `wordlists.yaml`, by name, as written there (read once)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(WORDLISTS.read_text(encoding="utf-8"), Loader=loader)
    return MappingProxyType(data)


def verb_forms(lemma: str) -> frozenset[str]:
    """The forms of a verb: itself, 3rd person, past, -ing, made by rule, with the irregular
    forms `wordlists.yaml` lists; a phrasal verb ("point out") keeps its particle."""
    verb, _, particle = lemma.partition(" ")
    if verb.endswith("e"):
        forms = {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        forms = {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    else:
        third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
        forms = {verb, third, verb + "ed", verb + "ing"}
    irregular = wordlists()["irregular_forms"].get(verb)
    if irregular:  # they replace the forms the rule would make wrongly ("sayed", "admiting")
        forms = {f for f in forms if not f.endswith(("ed", "ing"))} | set(irregular)
        if not any(f.endswith("ing") for f in irregular):
            forms.add((verb[:-1] if verb.endswith("e") else verb) + "ing")
    if particle:
        forms = {f"{f} {particle}" for f in forms}
    return frozenset(forms)


def _reported_forms(lemma: str) -> list[str]:
    """The forms that report speech in wire copy: past and 3rd person ("said", "says")."""
    return sorted(f for f in verb_forms(lemma) if not f.split()[0].endswith("ing")
                  and f.split()[0] != lemma.split()[0])  # fmt: skip


_W = wordlists()

MONTHS: dict[str, int] = dict(_W["months"])
WEEKDAYS: list[str] = list(_W["weekdays"])
TIME_ZONES: dict[str, str] = dict(_W["time_zones"])
NUMBER_WORDS: dict[str, int] = dict(_W["number_words"])
SCALES: dict[str, float] = {k: float(v) for k, v in _W["scales"].items()}
ABBREVIATED_SCALES: dict[str, float] = {k: float(v) for k, v in _W["abbreviated_scales"].items()}

# speech: lemmas (the parse's test), every form, and the forms the attribution rules look for
SPEECH_LEMMAS = frozenset(_W["speech_verbs"])
# (one word each: the parse reads a phrasal verb's particle as a token of its own)
SPEECH_FORMS = frozenset(f.split()[0] for lemma in SPEECH_LEMMAS for f in verb_forms(lemma))
SPEECH_WORDS: tuple[str, ...] = tuple(
    dict.fromkeys(f for lemma in _W["attribution_verbs"] for f in _reported_forms(lemma))
)
SPEECH = r"(?:" + "|".join(sorted(SPEECH_WORDS, key=len, reverse=True)) + ")"
DATA_VERB_FORMS: tuple[str, ...] = tuple(
    f for lemma in _W["data_verbs"] for f in _reported_forms(lemma)
)
AUDIENCES: tuple[str, ...] = tuple(_W["audiences"])
AUDIENCE_VERBS: tuple[str, ...] = tuple(_W["audience_verbs"])
# "noted the importance of ...": verb form -> the particle its object follows ("" for none)
TOPIC_FORMS: dict[str, frozenset[str]] = {}
for _lemma in _W["topic_verbs"]:
    for _form in verb_forms(_lemma):
        _verb, _, _particle = _form.partition(" ")
        TOPIC_FORMS[_verb] = TOPIC_FORMS.get(_verb, frozenset()) | {_particle}
# "called it an ...", "describing it as ...": the verbs that put quoted words in a mouth
NAMING_FORMS = frozenset(f for lemma in _W["naming_verbs"] for f in verb_forms(lemma))
CREDIT_CUES = frozenset(_W["credit_cues"])
DATA_NOUNS = frozenset(_W["data_nouns"])
EXPECT_FORMS = frozenset(f for lemma in _W["expectation_verbs"] for f in verb_forms(lemma))
FINDING_FORMS = frozenset(f for lemma in _W["finding_verbs"] for f in verb_forms(lemma))
QUOTING_FORMS = frozenset(f for lemma in _W["quoting_verbs"] for f in verb_forms(lemma))
MEDIA_NOUNS = frozenset(_W["media_nouns"])
IMAGERY_NOUNS = frozenset(_W["imagery_nouns"])
MEETING_NOUNS = frozenset(_W["meeting_nouns"])
OCCASION_PREPOSITIONS = frozenset(_W["occasion_prepositions"])
BODY_NOUNS = frozenset(_W["body_nouns"])
PART_NOUNS = frozenset(_W["part_nouns"])
# the verbs of an attribution to a source ("the ministry reported", "data showed")
SOURCE_VERBS: tuple[str, ...] = (
    tuple(
        dict.fromkeys(
            f
            for lemma in sorted(SPEECH_LEMMAS - set(_W["audience_verbs"]))
            for f in _reported_forms(lemma)
        )
    )
    + DATA_VERB_FORMS
)

MODALITY: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _W["modality"].items()}
NOT_ACTIONS = frozenset(_W["not_actions"])
ACT_SPEECH_VERBS = frozenset(_W["act_speech_verbs"])
REQUEST_VERBS = frozenset(_W["request_verbs"])
PAST_ACTIONS: tuple[str, ...] = tuple(_W["past_actions"])
ING_NOT_VERBS = frozenset(_W["ing_not_verbs"])
ASPECT_VERBS = frozenset(_W["aspect_verbs"])
FREQUENCY_WORDS = frozenset(_W["frequency_words"])
FUTURE_CONJUNCTIONS = frozenset(_W["future_conjunctions"])
TIME_PREPOSITIONS = frozenset(_W["time_prepositions"])
VERB_PHRASES = frozenset(_W["verb_phrases"])
FORECAST_SUBJECTS = frozenset(_W["forecast_subjects"])
COMPARISON_WORDS = frozenset(_W["comparison_words"])
COMPARISON_DATES: tuple[str, ...] = tuple(_W["comparison_dates"])
FUTURE_WORDS: tuple[str, ...] = tuple(_W["future_words"])
SAME_TIME_VERBS = frozenset(_W["same_time_verbs"])
PAST_WORDS: tuple[str, ...] = tuple(_W["past_words"])


def _words_re(words, extra: str = "") -> re.Pattern:
    """Any of the words (or phrases), whole, in any case."""
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w'])(?:{alts}{extra})(?!\w)", re.I)


# a sentence that speaks of the future, or of the past (the year of a date the text leaves open)
FUTURE_RE = _words_re(FUTURE_WORDS)
PAST_RE = _words_re(PAST_WORDS, r"|\w+ed")

TITLES: tuple[str, ...] = tuple(sorted(_W["titles"], key=len, reverse=True))
TITLE_WORDS: tuple[str, ...] = tuple(_W["title_words"])
TITLE_SYNONYMS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _W["title_synonyms"].items()
}
HONORIFIC_WORDS: tuple[str, ...] = tuple(_W["honorifics"])
POST_NOMINALS: tuple[str, ...] = tuple(_W["post_nominals"])
# honorifics a title may put before a name ("Minister Datuk Dr Ahmad Zulkifli Hassan")
HONORIFICS = (
    r"(?:(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HONORIFIC_WORDS, key=len, reverse=True))
    + r")\.?\s+)"
)  # fmt: skip

ORG_HEADS = frozenset(_W["org_heads"])
SUB_BODIES = frozenset(_W["sub_bodies"])
COMPANY_WORDS = frozenset(_W["company_words"])
CLUB_WORDS = frozenset(_W["club_words"])
EVENT_HEADS = frozenset(_W["event_heads"])
LOC_HEADS = frozenset(_W["loc_heads"])
DOCUMENT_HEADS = frozenset(_W["document_heads"])
PLACE_KINDS: tuple[str, ...] = tuple(_W["place_kinds"])
NATURAL_KINDS: tuple[str, ...] = tuple(_W["natural_kinds"])
EVENT_LEADS: tuple[str, ...] = tuple(_W["event_leads"])
COMPETITION_NOUNS = frozenset(_W["competition_nouns"])
INDEX_NOUNS = frozenset(_W["index_nouns"])
PRODUCT_NOUNS = frozenset(_W["product_nouns"])
TOOL_NOUNS = frozenset(_W["tool_nouns"])
LABEL_WORDS: tuple[str, ...] = tuple(_W["label_words"])
INDEX_HEADS = frozenset(_W["index_heads"])
COMPASS_WORDS: tuple[str, ...] = tuple(_W["compass_words"])
EVENT_KINDS: tuple[str, ...] = tuple(_W["event_kinds"])
CAMPUS_HEADS = frozenset(_W["campus_heads"])
PLACE_TITLES: tuple[str, ...] = tuple(_W["place_titles"])
PERSON_NOUNS = frozenset(_W["person_nouns"])
ORG_NOUNS = frozenset(_W["org_nouns"])
SETTLEMENT_NOUNS = frozenset(_W["settlement_nouns"])
FACILITY_WORDS = frozenset(_W["facility_words"])
PRICE_VERBS: tuple[str, ...] = tuple(_W["price_verbs"])
FACILITY_KINDS = frozenset(_W["facility_kinds"])
WIRE_MARKERS = frozenset(_W["wire_markers"])
PLACE_PARTICLES = frozenset(_W["place_particles"])
PERSON_PARTICLES = frozenset(_W["person_particles"])
AGENCY_WORDS = frozenset(_W["agency_words"])
REFERENCE_NOUNS: dict[str, str] = dict(_W["reference_nouns"])
SOURCE_NOUNS: tuple[str, ...] = tuple(_W["source_nouns"])
WEB_DOMAINS: tuple[str, ...] = tuple(_W["web_domains"])
PRONOUNS = frozenset(_W["pronouns"])
CASUALTY_VERBS: tuple[str, ...] = tuple(_W["casualty_verbs"])

CURRENCY_CODES: tuple[str, ...] = tuple(_W["currency_codes"])
CURRENCY_SIGNS: dict[str, str] = dict(_W["currency_signs"])
# a word after an amount, or an ISO code written as a word
CURRENCY_WORDS: dict[str, str] = {**dict(_W["currency_words"]), **{c: c for c in CURRENCY_CODES}}
# single letters that are a currency only before an amount with a scale or separators ("R5 million")
CURRENCY_LETTERS: dict[str, str] = dict(_W["currency_letters"])
# a currency's smaller units ("cents", "sen"): the currency they divide by default, and how many
# make one; the currencies whose smaller unit is a thousandth
CURRENCY_SUBUNITS: dict[str, tuple[str, int]] = {
    k: tuple(v) for k, v in _W["currency_subunits"].items()
}
MINOR_DIGITS_3 = frozenset(_W["minor_digits_3"])
SHARED_SUBUNITS = frozenset(_W["shared_subunits"])

# the sentence splitter's abbreviations, and the words that start sentences
ABBREVIATED_TITLES = frozenset(_W["abbreviated_titles"])
ABBREVIATED_WEEKDAYS = frozenset(_W["abbreviated_weekdays"])
ABBREVIATIONS = frozenset(_W["abbreviations"])
NUMBER_ABBREVIATIONS = frozenset(_W["number_abbreviations"])
SENTENCE_STARTERS = frozenset(_W["sentence_starters"])
NOT_UNITS = frozenset(_W["not_units"])
VERBS_AFTER_A_NUMBER = frozenset(_W["verbs_after_a_number"])
FRACTION_WORDS: dict[str, float] = dict(_W["fraction_words"])
MULTIPLE_WORDS: dict[str, int] = dict(_W["multiple_words"])
FRACTION_CUES = frozenset(_W["fraction_cues"])
IDENTIFIER_WORDS = frozenset(_W["identifier_words"])
SMALLER_UNITS: dict[str, tuple[str, float]] = {k: tuple(v) for k, v in _W["smaller_units"].items()}
UNITS_IN_YEARS: dict[str, float] = dict(_W["units_in_years"])
SPAN_WORDS = frozenset(_W["span_words"])
UNITS_BEFORE = frozenset(_W["units_before"])
UNIT_SYMBOLS: tuple[str, ...] = tuple(_W["unit_symbols"])
YOUNG_NOUNS = frozenset(_W["young_nouns"])
PARENT_NOUNS: tuple[str, ...] = tuple(_W["parent_nouns"])
CASUALTY_NOUNS: tuple[str, ...] = tuple(_W["casualty_nouns"])
PEOPLE_VERBS: tuple[str, ...] = tuple(_W["people_verbs"])
CHANGE_VERBS = frozenset(_W["change_verbs"])
QUANTITY_QUALIFIERS: tuple[str, ...] = tuple(_W["quantity_qualifiers"])

# a name of two or three capitalised words
# a person's name: two or three capitalised words, and a surname after particles ("da Silva")
NAME = (
    r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}(?:(?:\s+(?:"
    + "|".join(sorted(PERSON_PARTICLES, key=len, reverse=True))
    + r")){1,3}\s+[A-Z][a-z’'-]+)?"
)

# a quotation in straight, curly, angle or low-high marks, within a paragraph line; an opening
# mark never closed is passed over at the next opening one (else every one of thousands of
# them was read to the line's end)
QUOTE_RE = re.compile(r'"(?P<a>[^"\n]+)"|“(?P<b>[^“”\n]+)”|«(?P<c>[^«»\n]+)»|„(?P<d>[^„“\n]+)“')

CALENDAR_WORDS = frozenset(_W["calendar_words"])
# words every month of a corpus uses whatever happened in it, for charts of terms over time to
# leave out: the speech verbs in every form ("said", "told"), months, weekdays, calendar words
STEADY_WORDS = frozenset(
    SPEECH_FORMS | {m.lower() for m in MONTHS} | {d.lower() for d in WEEKDAYS} | CALENDAR_WORDS
)
