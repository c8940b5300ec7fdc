"""Speech verbs in the model's parse: which words attribute speech, and their subjects.

A speech verb (`constants.SPEECH_FORMS`; a phrasal one only with its particle: "talked about")
attributes words when it is a verb of its clause, not a modifier ("the ruling party") or an
infinitive ("needed to confirm"); verbs that frame quoted words ("called it a ...") or cite a
source ("citing data") are read apart (`direct.py`, `credits.py`). Its subject is its own, or
the phrase before it in commas, or the name after it, or the subject of the clause it hangs on
(`subject_of`).
"""

from __future__ import annotations

from ...constants import (
    AUDIENCE_VERBS,
    DATA_VERB_FORMS,
    NAMING_FORMS,
    QUOTING_FORMS,
    SPEECH_FORMS,
    SPEECH_LEMMAS,
    verb_forms,
)

AUDIENCE_FORMS = frozenset(f for lemma in AUDIENCE_VERBS for f in verb_forms(lemma))
# verbs that frame words rather than report them: a quoted phrase's ("called it a ...") or a
# source's ("citing data"); read by `direct.py` and `credits.py`
FRAMING = NAMING_FORMS | QUOTING_FORMS
DATA_FORMS = frozenset(DATA_VERB_FORMS)  # "data showed": speech when a source is the subject
# a phrasal speech verb's particles, by form: "talked about", "touched upon"
PARTICLES: dict[str, frozenset[str]] = {}
for _lemma in SPEECH_LEMMAS:
    for _form in verb_forms(_lemma):
        _verb, _, _particle = _form.partition(" ")
        if _particle:
            PARTICLES[_verb] = PARTICLES.get(_verb, frozenset()) | {_particle}
_ALONE = {f for lemma in SPEECH_LEMMAS if " " not in lemma for f in verb_forms(lemma)}
for _verb in [v for v in PARTICLES if v in _ALONE]:
    del PARTICLES[_verb]  # ("point out" and "point" alike: the verb speaks alone too)
# where a word the tagger calls a verb is a noun's or a modifier's: "the ruling party", "no
# tsunami warning was issued"
NOUN_SLOTS = frozenset({"amod", "compound", "nmod", "npadvmod", "nsubj", "nsubjpass", "dobj",
                         "pobj", "attr"})  # fmt: skip


def is_verb(tok) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def is_speech_verb(tok) -> bool:
    return is_verb(tok) and tok.lower_ in SPEECH_FORMS


def subject_of(verb, outside=None):
    """The subject of a speech verb: its own; else, for a verb joined to a clause that has
    one, the phrase right before it in commas ("A bridge was opened ..., the press office of
    the agency said") or the name right after it ("..., reported Prensa Latina"); else the
    subject of the clause it hangs on ("was quoted as saying", "adding that", "describing it
    as", past a relative pronoun). A subject in the dateline gives way to its apposition, and
    one on another line (a parse that runs a headline into the first sentence) to the noun
    right before the verb. `outside(token)` says whether a token may be read."""
    outside = outside or (lambda t: True)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    before = [c for c in subjects if c.i < verb.i]  # ("Two trucks overturned, police said")
    found = before[-1] if before else (subjects[0] if subjects else None)
    if found is None:
        found = _phrase_before(verb) or _name_after(verb)
    if found is not None and found.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head  # "the court, which found that ...": the court
    head = verb
    while (found is None or found.tag_ in ("WDT", "WP")) and head.head.i != head.i:
        head = head.head
        if is_verb(head):
            found = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if head.lower_ in QUOTING_FORMS:  # "Xinhua quoted officials as saying": officials
                found = next((c for c in head.children if c.dep_ == "dobj"), found)
    if found is not None and not outside(found):
        found = next((c for c in found.children if c.dep_ == "appos" and outside(c)), None)
    if found is not None and not _apart(found, verb):
        return found
    return _noun_before(verb)


def _phrase_before(verb):
    """'..., the press office of the agency said': the head of the phrase between the last
    comma and the verb, when the verb ends its clause."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and doc[i].text not in (",", ";", "\n", "\n\n") and verb.i - i <= 25:
        if is_verb(doc[i]):
            return None
        i -= 1
    if i < 0 or doc[i].text != "," or i == verb.i - 1:
        return None
    span = doc[i + 1 : verb.i]
    words = [t for t in span if not t.is_punct]
    if words and words[0].dep_ == "mark":  # ", after a source close to the group said"
        span, words = doc[words[0].i + 1 : verb.i], words[1:]
    has_clause = any(c.dep_ == "ccomp" for c in verb.children)
    if not words or not (has_clause or _closes(verb)):
        return None
    heads = [t for t in words if not (span.start <= t.head.i < span.end)]
    if len(heads) == 1 and heads[0].tag_.startswith("NN"):
        return heads[0]
    if words[0].tag_ in ("DT", "PRP$") and words[-1].tag_.startswith(("NN", "JJ")):
        return words[-1]  # "..., the 38-year-old said": the parse hangs each word on the verb
    return None


_NP_TAGS = ("DT", "NNP", "NNPS", "NN", "NNS", "POS", "JJ", "HYPH", "CD")


def _name_after(verb):
    """'..., reported Prensa Latina.', '..., reported the ministry's press office on Monday':
    the noun phrase right after a verb that follows a comma and ends its clause."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"') or verb.tag_ == "VBG":
        return None  # (not "describing the project as ...": a participle's object)
    j = verb.i + 1
    while j < len(doc) and (doc[j].tag_ in _NP_TAGS or doc[j].lower_ == "of") and j - verb.i <= 10:
        j += 1
    span = doc[verb.i + 1 : j]
    if not any(t.tag_.startswith("NN") for t in span):
        return None
    if any(is_verb(t) for t in doc[j : verb.sent.end]):
        return None  # a clause goes on: the phrase is the verb's object, not its speaker
    heads = [t for t in span if not (span.start <= t.head.i < span.end) and t.tag_.startswith("NN")]
    return heads[0] if len(heads) == 1 else None


def _closes(verb) -> bool:
    """Whether only a few words without a verb follow a verb to its clause's end (the
    sentence's, or a comma before another attribution: "told media on Monday, BelTA informs")."""
    rest = []
    for t in verb.doc[verb.i + 1 : verb.sent.end]:
        if t.text in (",", ";") or t.is_space:
            break
        if not t.is_punct:
            rest.append(t)
    return len(rest) <= 6 and not any(is_verb(t) for t in rest)


def that_clause_in_phrase(verb) -> list:
    """A "that" clause the parse hangs on a noun of the verb's phrase: "said in a statement
    that the government would ..."."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
                ):
                    return [clause]
    return []


def a_clause(verb) -> bool:
    """Whether a governed verb heads a clause of its own: with a subject, or finite ("said
    would help"); not an infinitive or a gerund ("asked him to move", "admitting assisting")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return True
    if verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def passive(verb, subject) -> bool:
    """A speech verb in the passive, or a participle, with no one speaking ("is estimated
    at", "which is said to have", "bodies believed to be"), unlike "was quoted as saying"."""
    quoted_as = any(c.dep_ in ("xcomp", "advcl") and c.tag_ == "VBG" for c in verb.children)
    if quoted_as:
        return False
    if subject.dep_ == "nsubjpass" and (
        subject.head.i == verb.i or verb.tag_ == "VBN" or verb.dep_ == "conj"
    ):
        return True  # (also "has been jailed and told he must ...": the passive goes on)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "would be needed to confirm", "declined to say": no one says it yet
    if subject.head.i != verb.i and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    ):
        return True  # "the boat, thought to belong to": a hedge, no one's words
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod", "advcl", "relcl")
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _apart(a, b) -> bool:
    """Whether a line break lies between two tokens."""
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


def _noun_before(verb):
    """The noun right before a verb on its line ("Peru's coach said"), or None."""
    for t in reversed(verb.doc[: verb.i]):
        if "\n" in t.text or is_verb(t) or t.is_punct:
            return None
        if t.tag_.startswith("NN") or t.tag_ == "PRP":
            return t
    return None
