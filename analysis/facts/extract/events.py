"""Events: one per clause whose verb is an action, read off the dependency parse.

The actor is the clause's subject, resolved to its entity (a pronoun to its person, "which" or
"who" to the noun it follows; a passive's agent, or none); the object is what the verb acts on
(a passive's subject); the date is the date attached to that clause (shared by verbs joined with
"and", inherited by a participle from its clause, never a comparison base such as "compared
with 2016"); the status comes from tense, aspect and modality: done (past, present perfect),
ongoing (progressive, present), planned ("will", "plans to", "is due to", a purpose "to ..."),
possible ("may", "could", "is expected to" of a figure, "if ..."). Not events: speech acts
("said", "told reporters"; the clause they report can be one), states and opinions ("is", "has",
"remains", "hopes"), negated verbs, headlines. "Plans to build" is the event "build"; "began to
build" is "begin". Without a parse (no model, or a long text) the rules of `events_rules` read
events from status cues instead.
"""

from __future__ import annotations

import re

import pandas as pd

from ...constants import (
    ACT_SPEECH_VERBS,
    ASPECT_VERBS,
    COMPARISON_DATES,
    COMPARISON_WORDS,
    FORECAST_SUBJECTS,
    FREQUENCY_WORDS,
    FUTURE_CONJUNCTIONS,
    MODALITY,
    NOT_ACTIONS,
    REQUEST_VERBS,
    SOURCE_NOUNS,
    SPEECH_LEMMAS,
    TIME_PREPOSITIONS,
    VERB_PHRASES,
    WEEKDAYS,
)
from ...reading.dateline import paragraphs
from .dates import DateMention
from .document import Doc
from .events_rules import find_events_by_rules

# the parse's dependencies that start a clause of their own below a verb
CLAUSES = frozenset({"conj", "ccomp", "advcl", "relcl", "acl", "parataxis", "xcomp", "csubj"})
_NOT_IN_PHRASE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "prep"})
_TRIM = " ,.;:\"“”‘’'()-–—\n\t"
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_PASSIVE = frozenset({"nsubjpass", "auxpass", "agent"})
_UNDER_A_HEDGE = frozenset({"dobj", "pobj", "pcomp", "prep", "xcomp", "ccomp", "acl", "relcl"})


def find_events(doc: Doc, dates: list[DateMention], quotes: list[dict], quote_spans) -> list[dict]:
    """The events of the article (see the module's docstring), in text order, E1, E2, ..."""
    if doc.parsed is None:
        return find_events_by_rules(doc, dates, quotes, quote_spans)
    spoken = _spoken(quotes, quote_spans)
    headline = _headline(doc)
    dated = _DateIndex(doc, dates)
    events, seen = [], set()
    for sent in doc.parsed.sents:
        for tok in sent:
            if doc.body_start + tok.idx < headline:
                continue
            found = _event(doc, tok, dated)
            if found is None:
                continue
            key = (found["action"], (found["object"] or "").lower(), found["date"], found["actor"])
            if key in seen and (found["object"] or found["actor"]):
                continue  # the same event told twice: the first telling
            seen.add(key)
            found["speaker"] = _speaker_at(spoken, found["start"])
            events.append(found)
    events.sort(key=lambda r: r["start"])
    for i, ev in enumerate(events, start=1):
        ev["event_id"] = f"E{i}"
    return events


def _spoken(quotes: list[dict], quote_spans) -> list[tuple[int, int, str]]:
    """The spans of the text that someone says, each with its speaker: the words of every
    reported statement and quotation, then the direct quotations' marks to marks."""
    spans = [(q["start"], q["start"] + len(q["text"]), q["speaker"]) for q in quotes]
    return spans + [(a, b, sp) for a, b, sp in quote_spans]


def _speaker_at(spoken: list[tuple[int, int, str]], at: int):
    """Who says the words at `at` (an event's verb): the speaker of the statement they are part
    of; None for the story's own words, though a statement be in the same sentence ("Shares
    fell after the authority said it would raise fees": the fall is the story's, the raise the
    authority's)."""
    return next((sp for a, b, sp in spoken if a <= at < b and pd.notna(sp)), None)


def _headline(doc: Doc) -> int:
    """Where the body starts once a headline line above it is left out (a headline's clause is
    told again in the body)."""
    d = doc.article.dateline if doc.article is not None else None
    if d is not None and d.headline is not None:
        return d.headline[1]
    paras = paragraphs(doc.text[doc.body_start : doc.body_start + 3000])
    if len(paras) >= 2:
        s, e = paras[0]
        line = doc.text[doc.body_start + s : doc.body_start + e]
        if (
            "\n" not in line
            and len(line) <= 250
            and not line.rstrip().endswith((".", ":", "!", "?", '"', "”"))
        ):
            return doc.body_start + e
    return doc.body_start


# ---- which verbs are events ---------------------------------------------------------------------


def verb_lemma(tok) -> str:
    """The verb's lemma, lower case; where the lemmatizer cut a past form after its stem ("fined"
    read as "fin" + "ed"), the commoner of the two readings ("fine")."""
    lemma, text = tok.lemma_.lower(), tok.lower_
    if text.endswith("ed") and lemma == text[:-2] and len(lemma) > 2:
        from wordfreq import zipf_frequency

        other = text[:-1]
        if zipf_frequency(other, "en") > zipf_frequency(lemma, "en"):
            return other
    return lemma


def _verb(tok) -> bool:
    return tok.pos_ == "VERB" or tok.tag_.startswith("VB") and tok.pos_ != "AUX"


def _governs_goal(tok) -> bool:
    """A verb or adjective whose action is the infinitive after it ("plans to build")."""
    lemma = tok.lemma_.lower()
    return (
        lemma in MODALITY["planned_verbs"] or lemma in MODALITY["possible_verbs"]
        or lemma in MODALITY["planned_adjectives"] or lemma in MODALITY["possible_adjectives"]
    ) and lemma not in ASPECT_VERBS  # fmt: skip


def _infinitive(tok) -> bool:
    """A verb with its "to" ("to build")."""
    return any(a.lower_ == "to" for a in tok.children)


def _goal(tok):
    """The infinitive a verb governs ("to build" under "plans"), or None."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and _verb(c) and _infinitive(c):
            return c
    return None


def _change_of_figure(tok) -> str | None:
    """ "output was down by 3%": a copula with "up" or "down" is a rise or a fall."""
    if tok.lemma_ != "be":
        return None
    for c in tok.children:
        if c.dep_ in ("advmod", "acomp", "prt") and c.lower_ in ("up", "down"):
            return "rise" if c.lower_ == "up" else "fall"
    return None


def _action(tok) -> str | None:
    """The lemma of the action a verb names ("carry out", "take place"), or None when the verb
    is no action: a state, an opinion, a speech act, a verb whose action is its infinitive."""
    change = _change_of_figure(tok)
    if change:
        return change
    if not _verb(tok) or tok.dep_ in ("amod", "compound", "prep", "aux", "auxpass", "nmod"):
        return None
    if tok.text[:1].isupper() and tok.i > tok.sent.start:
        return None  # a capitalised word inside a sentence is a name ("COFCO")
    lemma = verb_lemma(tok)
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    asks = _request_of(tok)
    if asks is not None:  # "would ask the court to annul": the request is what is planned
        return asks if _modal_status(tok, None) else None
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    after = tok.nbor().lower_ if tok.i + 1 < len(tok.doc) else ""
    if lemma in SPEECH_LEMMAS or {f"{lemma} {particle}", f"{lemma} {after}"} & SPEECH_LEMMAS:
        if lemma not in ACT_SPEECH_VERBS or not _thing_object(tok):
            return None
    if lemma in NOT_ACTIONS and not _goal(tok):
        return None
    if _says_that(tok):
        return None  # "we must note that ...": a verb of saying or knowing, not an act
    if lemma not in ASPECT_VERBS and _goal(tok) is not None:
        return None  # the event is the goal: "plans to build" is "build"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ASPECT_VERBS:
        return None  # "began to build": the event is the beginning
    if _requested(tok):
        return None  # asked for: no event (a request still to come is one, above)
    if particle:
        return f"{lemma} {particle}"
    obj = next((c.lower_ for c in tok.children if c.dep_ == "dobj"), None)
    if obj and f"{lemma} {obj}" in VERB_PHRASES:
        return f"{lemma} {obj}"
    if lemma in NOT_ACTIONS:
        return None
    return lemma


def _request_of(tok) -> str | None:
    """The verb of asking `tok` is ("ask", "call on") when it asks for an action (an
    infinitive it governs), else None."""
    lemma = verb_lemma(tok)
    if lemma not in REQUEST_VERBS:
        phrases = (f"{lemma} {c.lower_}" for c in tok.children if c.dep_ in ("prt", "prep"))
        lemma = next((ph for ph in phrases if ph in REQUEST_VERBS), None)
    if lemma is None:
        return None
    asked = any(c.dep_ in ("xcomp", "ccomp", "advcl") and _infinitive(c) for c in tok.children)
    return lemma if asked else None


def _requested(tok) -> bool:
    """Whether `tok` is the action a verb of asking asks for ("urged residents to leave",
    "were asked to stay", "called on the council to act"): neither done nor decided, no
    event (a request still to come is: "will ask the court to halt the works")."""
    return (
        tok.dep_ in ("xcomp", "ccomp", "advcl")
        and tok.head.i != tok.i
        and _infinitive(tok)
        and _request_of(tok.head) is not None
    )


def _says_that(tok) -> bool:
    """A verb whose complement is a clause with a verb and a subject of its own ("noted that
    it ..."), not a small clause ("make the route faster")."""
    return not any(c.dep_ == "dobj" for c in tok.children) and any(
        c.dep_ == "ccomp"
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in tok.children
    )


def _thing_object(tok) -> bool:
    """A speech verb with a thing for its object is an act: "announced a plan" (not "reported
    the ministry's press service", whose object is who speaks)."""
    things = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return (
        bool(things)
        and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
        and not any(
            t.ent_type_ in ("PERSON", "ORG", "NORP") or t.lower_ in SOURCE_NOUNS for t in things
        )
    )


# ---- status ---------------------------------------------------------------------------------


def _verb_group(tok) -> str:
    """A verb with its auxiliaries, as written: "was launched", "will start", "to be signed"."""
    first = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")])
    return tok.doc[first : tok.i + 1].text


def _auxiliaries(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _reported(tok) -> bool:
    """Whether a clause is what a speech verb reports ("she said the firm would hire ...")."""
    while tok.dep_ in ("ccomp", "conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in SPEECH_LEMMAS:
            return True
    return False


def _hedged(tok) -> str | None:
    """The hedge that leaves an action open, as written, or None: the object of "does not
    rule out" ("... the possibility of implementing"), the clause of "it is possible that"."""
    t = tok
    for _ in range(5):
        if t.head.i == t.i or t.dep_ not in _UNDER_A_HEDGE:
            return None
        t = t.head
        particle = next((c.lower_ for c in t.children if c.dep_ == "prt"), "")
        lemma = f"{t.lemma_.lower()} {particle}".strip()
        if lemma in MODALITY["hedges"] and any(c.dep_ == "neg" for c in t.children):
            return _verb_group(t) + (f" {particle}" if particle else "")
        adjective = next(
            (
                c
                for c in t.children
                if c.dep_ == "acomp" and c.lower_ in MODALITY["possible_adjectives"]
            ),
            None,
        )
        if t.lemma_ == "be" and adjective is not None:
            return f"{t.text} {adjective.text}"
    return None


def _believed(tok) -> bool:
    """A clause a verb of belief or fear governs ("we fear the number will rise")."""
    return (
        tok.dep_ == "ccomp"
        and tok.head.i != tok.i
        and tok.head.lemma_.lower() in MODALITY["belief_verbs"]
    )


def _conditional(tok) -> bool:
    """An "if" clause, or the clause an "if" clause hangs on."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
        for c in tok.children
    )


def _forecast(subject) -> bool:
    return subject is not None and subject.lemma_.lower() in FORECAST_SUBJECTS


def _modal_status(tok, subject) -> str | None:
    """The status a verb's own auxiliaries give it, or None."""
    aux = _auxiliaries(tok)
    if aux & MODALITY["planned_auxiliaries"] or "wo" in aux:  # "wo" of "won't"
        return "planned"
    if "would" in aux:
        return "planned" if _reported(tok) and not _conditional(tok) else "possible"
    if aux & MODALITY["possible_auxiliaries"]:
        return "possible"
    return None


_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_FINITE_BE = _PRESENT_BE | {"was", "were"}


def _tense_status(tok) -> str | None:
    """done, ongoing or None (an infinitive, a bare participle) from tense and aspect."""
    aux = _auxiliaries(tok)
    if tok.tag_ == "VBG" and aux & (_FINITE_BE | {"been", "be"}):
        return "ongoing"
    if _passive_gerund(tok):
        return None  # "after being knocked down": a gerund, its clause's time decides
    if tok.tag_ == "VBN" and "being" in aux:
        return "ongoing"  # "were being treated"
    if (
        tok.tag_ == "VBN"
        and aux & (_PRESENT_BE | {"being"})
        and not aux & {"has", "have", "had", "was", "were", "been"}
    ):
        # "is being built", "are produced annually"; not a state ("is led by", "is named")
        return "ongoing" if "being" in aux or _frequent(tok) else None
    if tok.tag_ == "VBD" or aux & {"has", "have", "had", "'ve", "did", "was", "were"}:
        return "done"
    if tok.tag_ in ("VBZ", "VBP") and _frequent(tok):
        return "ongoing"  # "arrive daily": the simple present of what goes on
    return None  # the simple present mostly states what is (a view, a rank), not an event


def _passive_gerund(tok) -> bool:
    """A participle after a bare "being", no finite "be" before it: "after being arrested",
    "despite being injured"; not "were being treated"."""
    aux = _auxiliaries(tok)
    return tok.tag_ == "VBN" and "being" in aux and not aux & _FINITE_BE


def _frequent(tok) -> bool:
    """An adverb of frequency or of the present in the clause: "daily", "every year", "now"."""
    return any(
        t.lower_ in FREQUENCY_WORDS
        for c in tok.children
        if c.dep_ in ("advmod", "npadvmod")
        for t in c.subtree
    )


def _status(tok, subject) -> tuple[str, str] | None:
    """(status, the words that set it) of an event's verb, or None when nothing sets it."""
    if _conditional(tok):
        return "possible", "if"
    hedge = _hedged(tok)
    if hedge:
        return "possible", hedge
    if tok.lemma_.lower() in MODALITY["possible_verbs"]:
        return "possible", tok.text  # "is considering a reduction"
    if _believed(tok):
        return "possible", f"{tok.head.text} ... {_verb_group(tok)}"
    modal = _modal_status(tok, subject)
    if modal:
        return modal, _verb_group(tok)
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and "to" in _auxiliaries(tok) and head.i != tok.i:
        return _goal_status(tok, head, subject)
    if "to" in _auxiliaries(tok):
        return None  # a purpose ("to boost trade") or an infinitive nothing plans
    tense = _tense_status(tok)
    if tense == "ongoing" and _future_clause(tok):
        return "planned", tok.text  # "once the contract is awarded"
    if tense:
        return tense, _verb_group(tok)
    if tok.tag_ in ("VBZ", "VBP") and _future_clause(tok):
        return "planned", tok.text
    marked = any(c.dep_ == "mark" for c in tok.children)
    if tok.dep_ == "conj" and head.i != tok.i and _verb(head):
        return _status(head, subject)  # "crashed and overturned"
    gerund = tok.tag_ == "VBG" or _passive_gerund(tok)
    if tok.dep_ == "advcl" and gerund and not marked and _verb(head):
        return _status(head, subject)  # "..., killing two people": the clause's status
    if (
        tok.dep_ in ("pcomp", "pobj") and gerund and head.dep_ == "prep"
        and head.lower_ in TIME_PREPOSITIONS and _verb(head.head)
    ):  # fmt: skip
        return _status(head.head, subject)  # "after entering the country", "after being hit"
    return None


def _goal_status(tok, head, subject) -> tuple[str, str] | None:
    """The status of an infinitive from what governs it: planned under "plans", "agreed",
    "is due"; possible under "may", "could", "is expected" (of a figure); the governor's own
    status under any other verb ("was used to build", "would help bolster")."""
    governor = head.lemma_.lower()
    if governor == "be":  # "is due to open", "is ready to invest": the adjective governs
        governor = next((c.lower_ for c in head.children if c.dep_ == "acomp"), governor)
    outer = _status(head, subject)
    if outer and outer[0] == "possible":
        return outer[0], f"{outer[1]} {_verb_group(tok)}"
    plans = MODALITY["planned_verbs"] | MODALITY["planned_adjectives"]
    possible = governor in MODALITY["possible_verbs"] or governor in MODALITY["possible_adjectives"]
    if governor not in plans and not possible:
        return outer
    if governor in ("expect", "forecast", "predict", "project"):
        # "is expected to", "is forecast to": a forecast; "X expects to sign": X's plan
        possible = head.tag_ == "VBN" or _forecast(subject) or not _agent_like(subject)
    return ("possible" if possible else "planned"), f"{head.text} {_verb_group(tok)}"


def _future_clause(tok) -> bool:
    """A clause opened by "once", "after", "when" ...: its present speaks of the future."""
    marks = " ".join(c.lower_ for c in tok.children if c.dep_ == "mark")
    return bool(marks) and marks in FUTURE_CONJUNCTIONS


def _agent_like(subject) -> bool:
    return subject is not None and (
        subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subject.pos_ == "PRON"
    )


# ---- actor, object, date, evidence --------------------------------------------------------------


def _passive(tok) -> bool:
    if any(c.dep_ in _PASSIVE for c in tok.children):
        return True
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        return True
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "conj"
        and _passive(tok.head)
        and not any(c.dep_ in ("aux",) for c in tok.children)
    )


def _subject_token(tok, depth: int = 0):
    """The token that names who acts, looking through conjunctions, infinitives, participles
    and relative clauses; None for a passive without an agent."""
    if depth > 6:
        return None
    if _passive(tok):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj", "expl")), None)
    if subject is not None and subject.dep_ != "expl":
        if subject.lower_ in _RELATIVE and tok.dep_ == "relcl":
            return tok.head  # "a vehicle that collided": the vehicle
        return subject
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "relcl":
        return head
    if tok.dep_ == "xcomp" and _verb(head) and not _passive(tok) and _governs_goal(head):
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:  # "Chile is expected to sell": Chile sells
            return raised
    if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp") and _verb(head):
        return _subject_token(head, depth + 1)
    if tok.dep_ == "xcomp" and head.dep_ == "acomp" and head.head.i != head.i:
        return _subject_token(head.head, depth + 1)  # "the meeting is due to take place"
    if tok.dep_ in ("pcomp", "pobj", "dobj"):
        up = head  # "does not rule out the possibility of implementing": who rules it out
        for _ in range(4):
            if _verb(up) or up.head.i == up.i:
                break
            up = up.head
        return _subject_token(up, depth + 1) if up.i != tok.i and _verb(up) else None
    if tok.dep_ == "acl" and head.dep_ in ("dobj", "attr") and _verb(head.head):
        return _subject_token(head.head, depth + 1)  # "made a decision to build": who made it
    return None


def _phrase_span(tok) -> tuple[int, int]:
    """Character span (in the parse) of a noun phrase without its relative clauses,
    appositions and trailing punctuation."""
    keep = [tok]
    stack = [
        c for c in tok.children if c.dep_ not in _NOT_IN_PHRASE or c.dep_ == "prep" and c.i > tok.i
    ]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "appos", "advcl"))
    lo = min(t.idx for t in keep)
    hi = max(t.idx + len(t) for t in keep)
    return lo, hi


def _name(doc: Doc, tok, verb=None) -> str | None:
    """Who or what a noun phrase names: the entity mentioned at its head (a person for "he",
    the entity "the ministry" refers back to), "it", "they" or "we" resolved (see `_pronoun`),
    else its words as written."""
    if tok.lower_ in ("it", "they", "we") and verb is not None:
        return _pronoun(doc, tok, verb)
    base = doc.body_start
    head_at = base + tok.idx
    joined = any(c.dep_ == "conj" for c in tok.children)  # "Belarus and Kazakhstan": both
    for m in doc.between(max(0, head_at - 200), head_at + 1):
        if m["start"] <= head_at < m["end"] and not joined:
            return m["entity"]
    if tok.pos_ == "PRON" or tok.lower_ in _RELATIVE:
        return None  # a pronoun nothing resolved: better no actor than "it"
    for c in tok.children:  # "the national carrier, Air Nova": the name in apposition
        if c.dep_ == "appos":
            named = [
                m for m in doc.between(base + c.idx, base + c.idx + 1) if m["start"] == base + c.idx
            ]
            if named:
                return named[0]["entity"]
    lo, hi = _phrase_span(tok)
    text = doc.text[base + lo : base + hi]
    # never across a paragraph, a sentence stop or the dates before the phrase
    text = re.split(r"\n|(?<=[.!?])\s+(?=[A-Z])", text)[-1]
    text = re.sub(r"\s*\([^)]*(?:\)|$)", "", text)  # a parenthesis is an aside
    text = _LEADING_DATE.sub("", text).strip(_TRIM)
    return " ".join(text.split()) or None


_LEADING_DATE = re.compile(
    r"^(?:(?:on|in|last|this|next)\s+)?(?:" + "|".join(WEEKDAYS) + r"|today|yesterday)\b[\s,]*",
    re.I,
)


def _pronoun(doc: Doc, tok, verb) -> str | None:
    """ "it", "they", "we" as the actor: in a clause a speech verb reports, who speaks ("the
    ministry said it has begun": the ministry; "we" of a person: their country or body);
    "we" in a quotation, its speaker's; "it" or "they" otherwise, the subject of a clause
    before that names no person."""
    v = verb
    while v.dep_ in ("ccomp", "conj", "xcomp", "advcl") and v.head.i != v.i:
        v = v.head
        if v.lemma_.lower() in SPEECH_LEMMAS:
            speaker = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if speaker is not None and speaker.lower_ not in ("it", "they", "we", "i", "you"):
                who = _name(doc, speaker)
                if who and doc.entities.get(who) != "PERSON":
                    return who
                if who and tok.lower_ == "we":
                    return _body_of(doc, who)
            break
    at = doc.body_start + tok.idx
    if tok.lower_ == "we":
        speaker = next((sp for a, b, sp in doc.quote_spans if a <= at < b), None)
        return _body_of(doc, speaker) if speaker else None
    first = tok.doc[max(0, tok.sent.start - 1)].sent.start  # this sentence and the one before
    for t in reversed(tok.doc[first : tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and t.lower_ not in _RELATIVE:
            who = _name(doc, t)
            if who and doc.entities.get(who) != "PERSON":
                return who
    return None


def _body_of(doc: Doc, person: str | None) -> str | None:
    """The country or organisation a person speaks for ("we" in their words), if known."""
    for r in doc.roles:
        if r["person"] == person and (r.get("country") or r.get("organization")):
            return r.get("country") or r.get("organization")
    return None


def _clause(tok) -> list:
    """The tokens of a verb's own clause: itself and its dependents, without the clauses below
    it (joined verbs, reported or relative clauses, participles)."""
    out, stack = [tok], [c for c in tok.children if c.dep_ not in CLAUSES and c.dep_ != "cc"]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSES)
    return out


class _DateIndex:
    """The article's dates by the token they start at (the dateline's date, the day of the
    story, dates no event)."""

    def __init__(self, doc: Doc, dates: list[DateMention]):
        body = doc.dateline[1] if doc.dateline else doc.body_start
        starts = doc.parse_array("IDX")  # where each token starts, in the body
        n = len(starts)
        self.at: dict[int, DateMention] = {}
        for d in dates:
            if d.start < body or any(w in d.text.lower() for w in COMPARISON_DATES):
                continue
            j = doc.first_token_from(d.start)  # the first token inside the date's words
            if j < n and doc.body_start + starts[j] < d.end:
                self.at.setdefault(j, d)

    def in_clause(self, tokens, verb) -> DateMention | None:
        found = [(t.i, self.at[t.i]) for t in tokens if t.i in self.at and not _compared(t, verb)]
        return min(found, key=lambda f: f[0])[1] if found else None


def _compared(tok, verb) -> bool:
    """A date that is no date of the verb's: the base of a comparison ("compared with 2016",
    "than in 2015"), a date inside the subject ("the March strike ended on April 2"), or the
    end of a thing's term ("the programme till 2026")."""
    t = tok
    if tok.lower_ in ("till", "until") and tok.head.pos_ in ("NOUN", "PROPN"):
        return True
    while t.i != verb.i and t.head.i != t.i:
        if t.lemma_.lower() in COMPARISON_WORDS or t.lower_ in COMPARISON_WORDS:
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i:
            return True
        t = t.head
    return False


def _date(tok, dated: _DateIndex, depth: int = 0) -> DateMention | None:
    """The date of a verb's clause; a verb joined to others with "and" shares theirs, a
    participle or an infinitive takes its clause's when it has none of its own."""
    own = dated.in_clause(_clause(tok), tok)
    if own is not None:
        return own
    if tok.dep_ == "conj" or any(c.dep_ == "conj" and _verb(c) for c in tok.children):
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i and _verb(first.head):
            first = first.head
        for v in _conjuncts(first):
            if _time_of(v) != _time_of(tok):
                continue  # "had seen no fraud and will report on Tuesday": two times
            if v.i != tok.i and (_own_subject(v) or _own_subject(tok)):
                continue  # "he deployed the army, and the rate fell last year": two clauses
            found = dated.in_clause(_clause(v), v)
            if found is not None:
                return found
        tok = first  # a participle's date is its clause's: "..., killing two and injuring five"
    head = tok.head
    bare = not any(c.dep_ == "mark" for c in tok.children)
    if tok.dep_ in ("advcl", "xcomp") and bare and head.i != tok.i and _verb(head) and depth < 4:
        return _date(head, dated, depth + 1)
    return None


def _own_subject(verb) -> bool:
    """Whether a verb joined to another by "and" has a subject of its own."""
    return verb.dep_ == "conj" and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
    )


def _time_of(verb) -> str:
    """Whether a verb speaks of what is to come ("will report", "may open") or not."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (
        "to come" if aux & {"will", "shall", "'ll", "wo", "would", "may", "might", "could"} else ""
    )


def _conjuncts(first) -> list:
    """A verb and the verbs joined to it with "and", in order."""
    out, stack = [], [first]
    while stack:
        v = stack.pop(0)
        out.append(v)
        stack.extend(c for c in v.children if c.dep_ == "conj" and _verb(c))
    return out


def _evidence(doc: Doc, tok, subject) -> tuple[int, int]:
    """Text offsets of the words that show the event: from its subject (or verb) to the end
    of its own clause."""
    base = doc.body_start
    # without the word that joins it to another clause ("when", "since", "that")
    clause = [t for t in _clause(tok) if not (t.dep_ == "mark" and t.head.i == tok.i)]
    lo = min(t.idx for t in clause)
    hi = max(t.idx + len(t) for t in clause)
    if subject is not None and subject.i < tok.i and subject.head.i == tok.i:
        lo = min(lo, _phrase_span(subject)[0])
    elif tok.dep_ == "xcomp" and subject is not None and tok.head.i > subject.i >= tok.sent.start:
        lo = min(lo, _phrase_span(subject)[0])  # "X plans to build ...": from X
    a, b = base + lo, base + hi
    text = doc.text
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _object(doc: Doc, tok) -> str | None:
    """What the action is done to: its object, or a passive's subject."""
    base = doc.body_start
    for c in tok.children:
        if c.dep_ == "dobj" and f"{tok.lemma_.lower()} {c.lower_}" in VERB_PHRASES:
            continue  # "take place": the object is part of the action
        if c.dep_ in ("dobj", "nsubjpass", "attr", "dative") and c.lower_ not in _RELATIVE:
            lo, hi = _phrase_span(c)
            words = doc.text[base + lo : base + hi].strip(_TRIM).split()
            return " ".join(words[:12]) or None
    return None


def _event(doc: Doc, tok, dated: _DateIndex) -> dict | None:
    action = _action(tok)
    if action is None:
        return None
    subject = _subject_token(tok)
    status = _status(tok, subject)
    date = _date(tok, dated)
    if status is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and date is not None:
        status = ("done", tok.text)  # "the losses reported in 2021": a dated participle
    if status is None and tok.tag_ in ("VBZ", "VBP") and date is not None and date.date:
        ahead = doc.ref_date is not None and date.date[:10] > doc.ref_date.isoformat()
        status = ("planned" if ahead else "ongoing", tok.text)  # "They play on Tuesday"
    if status is None:
        return None
    a, b = _evidence(doc, tok, subject)
    if a >= b:
        return None
    actor = _name(doc, subject, tok) if subject is not None else None
    place = next(
        (m["entity"] for m in doc.between(a, b) if doc.entities.get(m["entity"]) == "GPE"), None
    )
    return {
        "actor": actor, "action": action, "object": _object(doc, tok), "place": place,
        "date_text": date.text if date else None, "date": date.date if date else None,
        "status": status[0], "cue": status[1], "sentence_id": doc.sentence_of(doc.body_start + tok.idx),
        "evidence": doc.text[a:b], "start": doc.body_start + tok.idx,
    }  # fmt: skip


def _sentence_na(value):
    return pd.NA if value is None else value
