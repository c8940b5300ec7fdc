"""The tense of the clause a date belongs to, from the dependency parse.

A date the text leaves incomplete ("on Thursday", "in March", "by December") is placed by the
time of the clause it belongs to: "the council will vote on the plan on Thursday" is the
next Thursday, "the bank announced it on Thursday" the last. The parse finds that clause's
verb (the date's head, or the head of the noun it qualifies) and reads its tense:

- future: "will", "shall", "'ll" (and the modals "would", "could", "may", "might", "should"
  before a plain verb: what may happen is still to come); an infinitive under a verb or
  adjective of planning ("plans to", "is due to", "is expected to"); the present, simple or
  progressive ("meets on Sunday", "is meeting on Sunday"): wire copy speaks of the coming days
  so; an adjective of possibility ("more storms were likely through October");
- past: the past tense, a perfect ("has risen", "had fallen"), a past passive ("was signed").

Words before a date can say more than its verb: a date after "ahead of", or after "to" or
"until" in a clause that moves a date ("adjourned the case to June 4"), is still to come; one
after "set for" or "scheduled for" is the nearest.

`clause_tense(parsed, base, start)` gives 1 (future), -1 (past) or None (no verb found);
`tense(doc, start, ctx, end)` and `is_future` read the cues first, then the parse, then the
words of the clause.
"""

from __future__ import annotations

import re

from ...constants import FUTURE_RE, MODALITY, PAST_RE, SAME_TIME_VERBS, verb_forms, wordlists
from .document import Doc

_W = wordlists()
_WILL = {"will", "shall", "'ll", "wo"}
# what may or must happen is still to come ("must repay by March"); "can" speaks of now
_MAY = MODALITY["possible_auxiliaries"] - {"can"} | {"must"}
# what makes the infinitive after it a thing to come ("plans to", "is due to"); not the
# verbs of starting or going on ("began to fall on Monday" is past)
_PLANNING = (MODALITY["planned_verbs"] | MODALITY["planned_adjectives"]) - {
    "begin", "start", "continue", "move", "try", "attempt", "commit", "undertake", "resolve",
    "to", "about", "ready", "bound"}  # fmt: skip
_PLANNING_FORMS = frozenset(f for w in _PLANNING for f in verb_forms(w)) | _PLANNING
_BE = {"is", "are", "was", "were", "be", "been", "am", "'s", "'re"}
_SAME_TIME = frozenset(f for w in SAME_TIME_VERBS for f in verb_forms(w))
_POSSIBLE = MODALITY["possible_adjectives"]
_PAST_AUX = {"has", "have", "had", "was", "were", "did", "'d", "'ve"}


def _date_root(parsed, base: int, start: int, end: int):
    """The root token of the date's words in the parse."""
    a, b = start - base, end - base
    if a < 0 or b > len(parsed.text) or a >= b:
        return None
    span = parsed.char_span(a, b, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _verb_of_date(root):
    """The verb the date hangs on (through a preposition, an adverb or an adjective: "signed
    on Monday", "by late Friday", "likely through October"), and whether it hangs on a noun
    of that verb's clause instead ("the summit Friday", "March shipments"). A date the parse
    hangs on a noun, inside a clause between commas whose own verb stands before it ("Boca,
    who beat Velez on Saturday, will host ..."), is that verb's."""
    inner = _verb_before_in_clause(root)
    if inner is not None:
        return inner, False
    head, on_a_noun = root.head, False
    for _ in range(8):
        if head is root or head.head is head and not _is_verb(head):
            return None, on_a_noun
        if _is_verb(head):
            return head, on_a_noun
        if head.tag_.startswith("JJ") and head.lower_ in _POSSIBLE | _PLANNING_FORMS:
            return head, on_a_noun  # "were likely through October"
        if head.tag_.startswith(("NN", "PRP", "CD")):
            on_a_noun = True
        root, head = head, head.head
    return None, on_a_noun


def _verb_before_in_clause(root):
    """The finite verb of a relative or adverbial clause that the date stands in, before it
    and with no comma between, when the parse hangs the date on a noun outside that clause."""
    if root.head is root or not root.head.tag_.startswith(("NN", "IN")):
        return None
    anchor = root.head if root.head.tag_.startswith("NN") else root.head.head
    if not anchor.tag_.startswith("NN") or anchor.i > root.i:
        return None
    for tok in reversed(root.doc[root.sent.start : root.i]):
        if tok.is_punct and tok.text in ",;:()":
            return None
        if tok.i <= anchor.i:
            return None
        if tok.dep_ in ("relcl", "advcl") and tok.tag_ in ("VBD", "VBZ", "VBP"):
            return tok
    return None


def _is_verb(tok) -> bool:
    return tok.tag_.startswith("VB") or tok.tag_ == "MD"


def _clause_verb(tok):
    """The verb of the clause a token belongs to (itself, or up its heads)."""
    for _ in range(12):
        if _is_verb(tok):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def _tense(verb, depth: int = 0, headline: bool = False) -> int | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _WILL:
        return 1
    if words & _MAY and not words & {"have"}:
        return 1
    if any(c.dep_ == "acomp" and c.lower_ in _POSSIBLE for c in verb.children):
        return 1
    if words & _PAST_AUX or verb.tag_ == "VBD":
        return -1 if not (verb.lower_ in _BE and _planned_after(verb)) else 1
    if verb.tag_ == "VBN" and not words:  # a participle hanging on a noun: "signed in May"
        return -1
    if verb.tag_ in ("VBZ", "VBP") and headline and not words:
        return -1  # a headline's present tells what happened ("Profit jumps in third quarter")
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "'s", "'re"}:
        return 1
    if verb.tag_ == "VB" and "to" in words or verb.tag_ == "VB" and verb.dep_ == "xcomp":
        head = verb.head  # an infinitive: still to come, unless "began to", "failed to"
        if head is verb or depth > 3:
            return None
        if head.lower_ not in _SAME_TIME:
            return 1
        governing = _clause_verb(head)
        return _tense(governing, depth + 1) if governing is not None else None
    return None


def _marked_future(verb) -> bool:
    """Whether a verb's future is said by a word ("will", "could", "plans to"), not by the
    present tense alone."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(words & (_WILL | _MAY)) or verb.head.lower_ in _PLANNING_FORMS


def _planned_after(verb) -> bool:
    """ "was due to", "were set to": a past "be" with a word of planning after it."""
    return any(
        c.lower_ in _PLANNING_FORMS and c.dep_ in ("acomp", "attr", "xcomp") for c in verb.children
    )


def clause_tense(
    parsed, base: int, start: int, end: int, through_nouns: bool = False, headline: bool = False
) -> int | None:
    """1 where the clause of the date at `start`-`end` speaks of the future, -1 of the past,
    None where the parse gives no verb the date hangs on (`through_nouns`: a date of a noun
    takes its clause's tense, whatever it is: "sales in eight months were 4% higher")."""
    root = _date_root(parsed, base, start, end)
    if root is None:
        return None
    verb, on_a_noun = _verb_of_date(root)
    if verb is None:
        return None
    if verb.tag_.startswith("JJ"):
        return 1
    found = _tense(verb, headline=headline)
    # a date of a noun ("the decision on Thursday") takes only a future the clause says
    # outright ("will announce its decision on Thursday"); a past or present verb may speak
    # of another time than the noun's ("contracts for March shipment fell")
    if through_nouns or not on_a_noun or found == 1 and _marked_future(verb):
        return found
    return None


# ---- the tense of a date, from the words around it and the parse -----------------------------


def phrases(words) -> str:
    """An alternation of words or phrases, longest first, any spacing between their words."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# a date after "to" or "until" in a clause that moves a date is still to come ("adjourned the
# case to June 4"); so is a date after "ahead of" ("ahead of Sunday's vote")
MOVED = re.compile(
    r"\b(?:" + phrases({f for v in _W["rescheduling_verbs"] for f in verb_forms(v)}) + r")\b",
    re.I,
)
_TO_BEFORE = re.compile(r"\b(?:to|until|till)\s+(?:the\s+)?$", re.I)
_TO_IN = re.compile(r"(?:until|till)\b", re.I)
_TO_COME = re.compile(
    r"\b(?:" + phrases(_W["before_a_date_to_come"]) + r")\s+(?:the\s+|this\s+)?$", re.I
)
_SET_FOR = re.compile(
    r"\b(?:" + phrases(_W["before_a_date_set"]) + r")\s+(?:the\s+|this\s+)?$", re.I
)
# the same with what is set between the verb and "for": "set sentencing for", "scheduled
# the vote for", "fixed a new hearing for"
_SET_X_FOR = re.compile(
    r"\b(?:"
    + phrases({w.split()[0] for w in _W["before_a_date_set"]})
    + r")\s+(?:[\w-]+\s+){1,3}for\s+(?:the\s+|this\s+)?$",
    re.I,
)
# a state that lasts until a date: "has suspended classes until Monday" (to come)
_UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:the\s+|this\s+|next\s+)?$", re.I)
# a participle of a noun that says when what is named starts or ends ("a strike starting on
# Wednesday", "a sale ending Friday"): still to come, whatever the clause's tense
_SCHEDULE_PARTICIPLES = frozenset(_W["schedule_participles"])
_BOUNDARY = re.compile(r"[.;:!?,(]|\bthat\b")


def _clause_before(doc: Doc, start: int) -> str:
    """The words of the clause before a date, from the last comma, colon or "that" on."""
    lo, _ = doc.sentence_span(doc.sentence_of(start))
    before = doc.text[lo:start]
    cut = [m.end() for m in _BOUNDARY.finditer(before)]
    return before[cut[-1] if cut else 0 :]


def tense(doc: Doc, start: int, ctx=None, end: int | None = None, nouns: bool = False) -> int:
    """1 where the clause of a date speaks of the future, -1 of the past, else 0: from the
    parse where there is one (`clause_tense`), else from the words leading to the date.
    A date after "ahead of", or after "to"/"until" in a clause that moves a date ("adjourned
    the case to June 4"), is still to come."""
    if _ahead(doc, start):
        return 1
    if _set_for(doc, start) or _moved_to(doc, start, end):
        return 0  # "the hearing was set for Sept 30", "adjourned to June 4": the nearest
    if ctx is not None and ctx.parsed is not None and end is not None:
        if _lasting_until(doc, start, ctx, end) or _scheduled(ctx, start, end):
            return 1
        found = clause_tense(ctx.parsed, ctx.base, start, end, nouns, _in_headline(ctx, start))
        if found is not None:
            return found
    clause = _clause_before(doc, start)
    if FUTURE_RE.search(clause):
        return 1
    return -1 if PAST_RE.search(clause) else 0


def _ahead(doc: Doc, start: int) -> bool:
    """Whether words before a date make it one still to come ("ahead of Sunday's vote")."""
    lo, _ = doc.sentence_span(doc.sentence_of(start))
    return _TO_COME.search(doc.text, max(lo, start - 60), start) is not None


def _moved_to(doc: Doc, start: int, end: int | None) -> bool:
    """Whether a date is the one another was moved to ("adjourned the case to June 4"): after
    the moving, so near the story's day, whatever the verb's tense."""
    lo, _ = doc.sentence_span(doc.sentence_of(start))
    before = doc.text[max(lo, start - 60) : start]
    if _TO_BEFORE.search(before) or _TO_IN.match(doc.text, start, end or start):
        return MOVED.search(doc.text, lo, start) is not None
    return False


def _lasting_until(doc: Doc, start: int, ctx, end: int) -> bool:
    """Whether a date ends a state that holds now: after "until" in a clause of the present
    or its perfect ("has suspended classes until Monday", "stays closed until Friday")."""
    lo, _ = doc.sentence_span(doc.sentence_of(start))
    if _UNTIL.search(doc.text, max(lo, start - 30), start) is None:
        return False
    root = _date_root(ctx.parsed, ctx.base, start, end)
    verb = _clause_verb(root.head) if root is not None else None
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & {"has", "have", "is", "are", "remains", "remain"}) or (
        not aux and verb.tag_ in ("VBZ", "VBP")
    )


def _scheduled(ctx, start: int, end: int) -> bool:
    """Whether a date hangs on a participle of a noun that says when it starts or ends ("a
    strike starting on Wednesday")."""
    root = _date_root(ctx.parsed, ctx.base, start, end)
    for _ in range(4):
        if root is None or root.head is root:
            return False
        root = root.head
        if root.lower_ in _SCHEDULE_PARTICIPLES and root.dep_ in ("acl", "amod", "advcl"):
            return True
        if _is_verb(root):
            return False
    return False


def _in_headline(ctx, start: int) -> bool:
    """Whether a position is in the headline line above the dateline."""
    return ctx.headline is not None and ctx.headline[0] <= start < ctx.headline[1]


def _set_for(doc: Doc, start: int) -> bool:
    """Whether words that set a date stand before it ("was set for", "scheduled for", "set
    sentencing for")."""
    lo, _ = doc.sentence_span(doc.sentence_of(start))
    return (
        _SET_FOR.search(doc.text, max(lo, start - 40), start) is not None
        or _SET_X_FOR.search(doc.text, max(lo, start - 60), start) is not None
    )


def is_future(doc: Doc, start: int, end: int, ctx) -> bool:
    """Whether the clause around a date speaks of the future ("will meet on Friday")."""
    if _ahead(doc, start) or _set_for(doc, start) or _moved_to(doc, start, end):
        return True
    if ctx.parsed is not None and (
        _lasting_until(doc, start, ctx, end) or _scheduled(ctx, start, end)
    ):
        return True
    if ctx.parsed is not None:
        found = clause_tense(ctx.parsed, ctx.base, start, end, headline=_in_headline(ctx, start))
        if found is not None:
            return found == 1
    clause = _clause_before(doc, start)
    if len(clause.split()) < 2:
        _, hi = doc.sentence_span(doc.sentence_of(start))
        after = doc.text[end:hi]
        stop = _BOUNDARY.search(after)
        clause = after[: stop.start() if stop else len(after)]
    return FUTURE_RE.search(clause) is not None


def on_a_noun(m: re.Match, ctx) -> bool:
    """Whether the parse makes a date a word of the noun after it ("Q3 profit")."""
    if ctx.parsed is None or m.start() < ctx.base:
        return False
    span = ctx.parsed.char_span(m.start() - ctx.base, m.end() - ctx.base, alignment_mode="expand")
    root = span.root if span is not None and len(span) else None
    return (
        root is not None
        and root.dep_ in ("compound", "amod", "nmod")
        and root.head.i > root.i
        and root.head.tag_.startswith("NN")
    )
