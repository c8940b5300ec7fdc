"""Reported speech read off the model's dependency parse: what was said, and by whom.

"X said (that) ...", "..., police said", "X told reporters ...", "according to X, ...",
"X was quoted as saying ...", "X noted the importance of ...": the clause a speech verb governs
(or, for the verbs that take one, its noun-phrase object) is what is said; its subject, or the
object of "according to", who says it (`speakers.Speakers`). An attribution inside another's
clause is a statement of its own, and the outer one keeps only the words outside it. Nothing
is read inside quotation marks (the speaker's own words), in the dateline or in the headline;
a statement never runs over a paragraph break. Used when the model ran (see `model.py`);
otherwise `quotes.py`'s rules read reported speech alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...constants import (
    AUDIENCES,
    DATA_NOUNS,
    EXPECT_FORMS,
    FINDING_FORMS,
    IMAGERY_NOUNS,
    MEDIA_NOUNS,
    SPEECH_FORMS,
    TOPIC_FORMS,
)
from ...reading.gazetteer import gazetteer
from .document import Doc
from .phrases import Who, char_span, phrase_tokens
from .speakers import Speakers
from .verbs import (
    AUDIENCE_FORMS,
    DATA_FORMS,
    FRAMING,
    NOUN_SLOTS,
    PARTICLES,
    a_clause,
    is_speech_verb,
    is_verb,
    passive,
    subject_of,
    that_clause_in_phrase,
)

_LEAD = re.compile(r"(?:that|whether)\s+", re.I)
_TRAIL = " ,.;:\"“”‘’'—–-"
# a conjunction left at the end when a nested attribution is cut out ("..., while")
_TAIL_WORD = re.compile(r"[\s,;]+(?:while|and|but|whereas|as|although|though)$", re.I)
_CITING = ("citing", "quoting", "referring")  # "X reports, citing Y": the words are Y's
_AUDIENCE = frozenset(w for a in AUDIENCES for w in a.split()) - {"the"}
IN_WORDS = ("words", "view", "opinion")  # "In his words, ..."
_REPORTERS = ("correspondent", "reporter", "journalist")  # an agency's own: its credit line
# the present tense that credits a source at a sentence's end, wire style: "..., BelTA informs"
_CREDIT_LINES = ("reports", "informs", "writes")


@dataclass
class Statement:
    """What a speaker said: `a`..`b` the words (text offsets), `who` the speaker, `cue` the
    words that attribute it, `at`..`until` the attribution (speaker and verb) in the text."""

    who: Who
    a: int
    b: int
    cue: str
    at: int
    until: int
    cut: int  # where the attribution starts in its sentence (a nested one is cut from here)
    verb: object = field(default=None, repr=False)

    def row(self, text: str) -> dict:
        return {"speaker": self.who.name, "text": text[self.a : self.b], "kind": "reported",
                "cue": self.cue, "start": self.a}  # fmt: skip


class Reader:
    """Reads the statements of one parsed document (see the module's docstring)."""

    def __init__(self, doc: Doc, speakers: Speakers, quoted, skip):
        self.doc, self.speakers = doc, speakers
        self.quoted = quoted  # position -> inside quotation marks
        self.skip = skip  # position -> in the dateline, the headline or a credit line
        self.base = doc.body_start
        self.paragraph_breaks = [m.start() for m in re.finditer(r"\n", doc.text)]
        self.publishers = _publishers(doc)
        # every attribution met: (who, cue, at, until, the head noun of the phrase)
        self.credited: list[tuple[Who, str, int, int, str]] = []
        self.citing = False  # whether the verb being read credits the source it cites

    def outside(self, tok) -> bool:
        at = self.base + tok.idx
        return not self.quoted(at) and not self.skip(at)

    # ---- every statement ------------------------------------------------------------------

    def statements(self) -> list[Statement]:
        """Every reported statement, in text order, each nested one cut out of its host."""
        found = []
        for sent in self.doc.parsed.sents:
            for tok in sent:
                found.extend(self.statement(tok, sent))
        kept = _nested_cut(self.doc, found)
        return [s for s in kept if not self.mostly_quoted(s.a, s.b)]

    def statement(self, tok, sent) -> list[Statement]:
        """The statements `tok` attributes ("said", "according"): one per clause it governs
        ("said that A, and that B" is two). Every attribution met, with words or without, is
        kept in `credited`."""
        if not self.outside(tok):
            return []
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            who = self.same_as_before(objs[0], self.speakers.who(objs[0])) if objs else None
            if who is None:
                return []
            at, until = char_span(self.doc, [tok, *self.speakers.phrase(objs[0])])
            self.credited.append((who, "according to", at, until, objs[0].lower_))
            phrase = {t.i for t in tok.subtree} | {t.i for t in tok.nbor().subtree}
            phrase |= set(range(tok.i, objs[0].right_edge.i + 1))  # (however the parse hangs it)
            span = self.clause(sent, [t for t in sent if t.i not in phrase], tok)
            return [Statement(who, *span, "according to", at, until, at, tok)] if span else []
        if tok.lower_ == "in":
            return self._in_words(tok, sent)
        low = tok.lower_
        if low in PARTICLES and not any(c.lower_ in PARTICLES[low] for c in tok.children):
            return []  # "talking over plans" is not "talking about" them
        if tok.dep_ in NOUN_SLOTS or low in FRAMING:
            return []  # "the ruling party"; "citing data", "called it" (credits.py, direct.py)
        verb = is_verb(tok) or (tok.dep_ == "ROOT" and low in SPEECH_FORMS)  # ("..., X reports"
        if not verb or not (low in SPEECH_FORMS or low in TOPIC_FORMS or low in DATA_FORMS
                                    or low in EXPECT_FORMS or low in FINDING_FORMS):  # fmt: skip
            return []
        subject = subject_of(tok, self.outside)
        if subject is None or passive(tok, subject):
            return []  # "the cost is estimated at": no one speaks
        who = self.speakers.who(self.speakers.person_before(subject, tok))
        outer = tok.head if tok.dep_ == "ccomp" and is_speech_verb(tok.head) else None
        if outer is not None and subject.lower_ in ("he", "she") and subject_of(outer) is not None:
            who = self.speakers.who(subject_of(outer)) or who  # "Ruiz said he believes": Ruiz
        shows = low in DATA_FORMS and low not in SPEECH_FORMS and low not in TOPIC_FORMS
        scene = subject.lower_ in MEDIA_NOUNS or subject.lower_ in IMAGERY_NOUNS
        if shows and subject.lower_ not in DATA_NOUNS and not scene:
            return []  # "data showed", "state television showed"; not "prices showed"
        speaker = self.same_as_before(subject, who)
        who = self._cited(tok, speaker)
        if who is None:
            return []
        self.citing = (
            who is not speaker
        )  # "the agency reports, with reference to the office": its words
        if self.skip(self.base + min(t.idx for t in phrase_tokens(subject))):
            return []  # "the Agency's correspondent reports": the story's own credit line
        phrase = self.speakers.phrase(subject)
        at, until = char_span(self.doc, [*phrase, tok])
        own = subject.head.i == tok.i  # "Ruiz told ..." rather than "..., adding that"
        cut = char_span(self.doc, [*phrase, tok] if own else [tok])[0]
        out = []
        if shows and scene:  # "footage showed rescuers digging":
            self.credited.append((who, tok.text, at, until, subject.lower_))  # a source, no words
            return out
        for tokens in self.said(tok, subject, sent):
            span = self.clause(sent, tokens, tok)
            if span is not None:
                out.append(Statement(who, *span, tok.text, at, until, cut, tok))
        if out or self._speaks(tok):  # ("police found", "declared him the winner": no words)
            self.credited.append((who, tok.text, at, until, subject.lower_))
        return out

    def _speaks(self, verb) -> bool:
        """Whether a speech verb with no statement of its own still credits words: a quotation
        beside it ('"...," the ministry said'), or a wire's credit line ("..., the agency reports")."""
        if verb.lower_ not in SPEECH_FORMS and verb.lower_ not in TOPIC_FORMS:
            return False
        if verb.lower_ in _CREDIT_LINES or any(c.dep_ == "ccomp" for c in verb.children):
            return True  # "..., the ministry reports."; "an official said prices rose"
        return any(self.quoted(self.base + t.idx) for t in verb.sent)

    def _in_words(self, tok, sent) -> list[Statement]:
        """'In his words, ...', 'In the minister's view, ...': the rest of the sentence is his."""
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if noun is None or noun.lower_ not in IN_WORDS:
            return []
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        who = self.speakers.who(owner) if owner is not None else None
        if who is None:
            return []
        at, until = char_span(self.doc, list(tok.subtree))
        self.credited.append((who, f"In {owner.text} {noun.text}", at, until, owner.lower_))
        phrase = {t.i for t in tok.subtree}
        span = self.clause(sent, [t for t in sent if t.i not in phrase], tok)
        return (
            [Statement(who, *span, f"In {owner.text} {noun.text}", at, until, at, tok)]
            if span
            else []
        )

    def same_as_before(self, head, who: Who | None) -> Who | None:
        """'the data', 'the official', 'the statement': the source credited before under the
        same noun ("figures released by the customs office ... according to the figures")."""
        if who is None or who.kind != "description":
            return who
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            return who
        for earlier, *_, noun in reversed(self.credited):
            if noun == head.lower_ and earlier.kind in ("ORG", "description"):
                return earlier
        return who

    def _cited(self, verb, who: Who | None) -> Who | None:
        """An agency's "reports, citing Y" / "informs referring to Y": the words are Y's; the
        story's own publisher (or its correspondent) crediting itself is no statement."""
        agencies = set(gazetteer().agencies.values())
        if who is not None and who.name in agencies | self.publishers:
            for t in verb.subtree:
                if t.lower_ in _CITING or (t.lower_ == "reference" and t.head.lower_ == "with"):
                    objs = [c for c in t.subtree if c.dep_ in ("dobj", "pobj") and c.i > t.i
                            and c.lower_ not in ("to", "reference")]  # fmt: skip
                    for obj in objs:
                        cited = self.speakers.who(obj)
                        if cited is not None:
                            return cited
        if who is not None and who.name in self.publishers:
            return None
        if who is not None and who.kind == "description":
            named = [p for p in self.publishers | agencies if p in who.name]
            if named and who.head in _REPORTERS:
                return None  # "the Agency's correspondent reports": the story's own
        return who

    def said(self, verb, subject, sent) -> list[list]:
        """The tokens of each clause a speech verb says (see the module's docstring)."""
        low = verb.lower_
        said = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i != subject.i]
        said = [c for c in said if (is_verb(c) or c.dep_ == "ccomp") and a_clause(c)
                and not _far(verb, c)]  # fmt: skip
        said = said or that_clause_in_phrase(verb)  # "said in a statement that ..."
        if said:  # (clauses joined by "and that" are one statement, as a reader quotes them)
            tokens = sorted((t for c in said for t in c.subtree), key=lambda t: t.i)
            if tokens[-1].i < verb.i:  # "..., Chairman of the board X told": no title
                if verb.lower_ in _CREDIT_LINES and not self.citing:
                    return []  # "..., the ministry reports.": a credit line (see _beside)
                tokens = _without_apposition([t for t in tokens if t.i < subject.left_edge.i])
            return [tokens]
        if low in EXPECT_FORMS:  # "economists expect the rate to stay at 3%"
            obj = next(
                (c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i), None
            )
            to = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if obj is not None and to is not None and low not in SPEECH_FORMS:
                return [[*obj.subtree, *to.subtree]]
            if low not in SPEECH_FORMS:
                return []
        inverted = subject.i > verb.i  # "..., reported the press office": no topic
        topic = self._topic(verb) if low in TOPIC_FORMS and not inverted else []
        if topic or (low not in SPEECH_FORMS and low not in FINDING_FORMS):
            return [topic] if topic else []
        only_before = low not in SPEECH_FORMS  # "..., the court heard." (not "police found X")
        return [t] if (t := self._beside(verb, subject, sent, only_before)) else []

    def _beside(self, verb, subject, sent, only_before: bool = False) -> list:
        """What a speech verb with no clause of its own attributes: the clause before it ("...,
        police said"), the whole sentence around it ("X, the President said, was Y"), or the
        clause after it ("he said based on the data, the figure was")."""
        if any(c.dep_ == "mark" for c in verb.children):
            return []  # "after Nowak asked him to ...": a clause of time, not an attribution
        if verb.lower_ in _CREDIT_LINES and not self.citing:
            return []  # "..., the agency reports.": the wire's credit of a source, not its words
        if verb.lower_ not in AUDIENCE_FORMS and any(
            c.dep_ == "dobj" and c.i != subject.i for c in verb.children
        ):
            return []  # "the index added 178 points": a verb with an object of its own
        own = [c for c in verb.children  # (not a second subject: "Trucks overturned, police said")
               if c.dep_ not in ("nsubj", "nsubjpass") or c.i == subject.i]  # fmt: skip
        attribution = {t.i for c in own for t in c.subtree if not t.is_punct} | {verb.i}
        attribution |= {t.i for t in subject.subtree if not t.is_punct}
        first, last = min(attribution), max(attribution)
        before = [t for t in sent if t.i < first]
        after = [t for t in sent if t.i > last]
        comma_before = first > sent.start and sent.doc[first - 1].text in (",", "”", '"')
        if only_before:
            ends = _ends_sentence(after) and comma_before
            return _without_apposition(before) if ends else []
        clause_dep = verb.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        if (
            clause_dep
            and comma_before
            and after
            and after[0].text == ","
            and not _ends_sentence(after[1:])
            and not any(t.lower_ in SPEECH_FORMS and is_verb(t) for t in before + after)
        ):
            return before + after  # "X, the President said, was Y": the whole sentence
        if clause_dep and comma_before and verb.head.i < verb.i:
            return [t for t in verb.head.subtree if t.i < first]  # "The bus crashed, police said"
        if _ends_sentence(after) and any(t.text == "," for t in sent if t.i < verb.i):
            return _without_apposition(before)  # "..., he said." / "..., said the minister."
        if (
            after
            and (after[0].text == "," or verb.head.i > verb.i)
            and any(is_verb(t) for t in after)
        ):  # "he said based on the data, the figure was ..."; "to which the governor replied, ..."
            return after
        return []

    def _topic(self, verb) -> list:
        """'noted the importance of ...', 'touched upon the results': the object said, with
        what the verb's phrase goes on to say after it."""
        particles = TOPIC_FORMS[verb.lower_]
        for child in verb.children:
            if "" in particles and child.dep_ == "dobj":
                obj = child
            elif child.dep_ in ("prep", "prt") and child.lower_ in particles:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
            else:
                continue
            if obj.tag_.startswith("PRP") or obj.lower_ in _AUDIENCE:
                return []
            aside = {t.i for c in verb.children if c.dep_ in ("conj", "cc", "punct")
                     for t in c.subtree}  # fmt: skip
            tokens = []  # from the object on, up to what is joined to the verb ("and stated")
            goes_on = {t.i for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                       and c.lower_ in TOPIC_FORMS for t in c.subtree}  # fmt: skip
            goes_on |= {i - 1 for i in goes_on if i - 1 in aside}  # (its comma)
            for t in verb.subtree:
                if t.i < obj.left_edge.i:
                    continue
                if t.i not in goes_on and (t.i in aside or (t.dep_ == "conj" and is_verb(t))):
                    break
                tokens.append(t)  # (", highlighting ...": what it says goes on)
            if len(tokens) >= 3:
                return tokens
        return []

    def clause(self, sent, tokens, verb) -> tuple[int, int] | None:
        """Text offsets of what is said: the tokens' span within the speech verb's paragraph,
        outside the dateline and headline, trimmed of 'that' and punctuation."""
        lo, hi = self.paragraph(self.base + verb.idx)
        tokens = sorted(
            (t for t in tokens if sent.start <= t.i < sent.end and self.outside_frame(t, lo, hi)),
            key=lambda t: t.i,
        )
        while tokens and (tokens[-1].is_space or tokens[-1].text.strip(_TRAIL) == ""):
            tokens.pop()  # (a full stop hung on the verb would stretch the span over its cue)
        if not tokens:
            return None
        a, b = trim(self.doc.text, *char_span(self.doc, tokens))
        if len(self.doc.text[a:b].split()) < 3 or self.quoted(a) or self.mostly_quoted(a, b):
            return None  # words in quotation marks: a direct quotation, not a statement
        return a, b

    def mostly_quoted(self, a: int, b: int) -> bool:
        return sum(1 for i in range(a, b) if self.quoted(i)) > (b - a) / 2

    def outside_frame(self, tok, lo: int, hi: int) -> bool:
        at = self.base + tok.idx
        return lo <= at < hi and not self.skip(at)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """The line (paragraph) a position is in."""
        from bisect import bisect_left

        i = bisect_left(self.paragraph_breaks, pos)
        lo = self.paragraph_breaks[i - 1] + 1 if i > 0 else 0
        hi = self.paragraph_breaks[i] if i < len(self.paragraph_breaks) else len(self.doc.text)
        return lo, hi


def _far(verb, clause) -> bool:
    """Whether a clause the parse hangs on a verb lies past another verb after it ('found
    "kinks" ..., which the researchers say is the strongest evidence that ...')."""
    lo = clause.left_edge.i
    return lo > verb.i and any(is_verb(t) for t in verb.doc[verb.i + 1 : lo])


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """a..b without punctuation at either end, a leading "that" or a trailing conjunction."""
    while a < b and text[a] in _TRAIL:
        a += 1
    lead = _LEAD.match(text, a, b)
    a = lead.end() if lead else a
    while b > a:
        tail = _TAIL_WORD.search(text, a, b)
        if tail:
            b = tail.start()
        elif text[b - 1] in _TRAIL:
            b -= 1
        else:
            break
    return a, b


def _publishers(doc: Doc) -> set[str]:
    """The story's own agencies: the dateline's and the credit lines'."""
    g = gazetteer()
    article = doc.article
    found = set()
    d = getattr(article, "dateline", None)
    if d is not None and d.agency:
        found.add(g.agencies.get(d.agency, g.agencies.get(d.agency.upper(), d.agency)))
    for c in getattr(article, "credits", ()) or ():
        if c.role == "publisher":
            found.add(c.name)
    return found


def _ends_sentence(after: list) -> bool:
    """Whether only a few words (a date, a place) follow the attribution to the sentence end."""
    words = [t for t in after if not t.is_punct]
    return len(words) <= 6 and not any(is_verb(t) and t.dep_ != "aux" for t in words)


def _without_apposition(tokens: list) -> list:
    """'..., Chairman of the Presidium Vladimir Gusakov told': the clause ends at the comma
    before a title that has no verb of its own."""
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if commas and not any(is_verb(t) for t in tokens[commas[-1] :]):
        return tokens[: commas[-1]]
    return tokens


def _has_verb(parsed, base: int, a: int, b: int) -> bool:
    span = parsed.char_span(a - base, b - base, alignment_mode="expand")
    return span is not None and any(is_verb(t) for t in span)


def _nested_cut(doc: Doc, found: list[Statement]) -> list[Statement]:
    """Statements inside another's words. The same speaker's ("he said he believed ...") is
    the host's own; another's ("X told Y that ..., an official said") is cut out of the host,
    which keeps the longest run of words outside it ("X discussed ..., saying Y, an official
    said": the official's words end before "saying") or, under three words, is dropped; one
    whose words another statement already has is dropped too."""
    text = doc.text

    def inside(o: Statement, s: Statement) -> bool:
        return o is not s and s.a <= o.cut < s.b

    found = [o for o in found
             if not any(inside(o, s) and s.who.name == o.who.name for s in found)]  # fmt: skip
    out = []
    for s in found:
        # a nested statement goes with its words after it ("Ruiz told Lopes that ..."); one
        # whose words come before it ("..., reported the press office") leaves them
        cuts = sorted((o.cut, max(o.b, o.until)) if o.a >= o.cut else (min(o.at, o.cut), o.until)
                      for o in found if inside(o, s))  # fmt: skip
        a, b = s.a, s.b
        if cuts:
            runs, pos = [], a
            for ca, cb in cuts:
                runs.append((pos, min(ca, b)))
                pos = max(pos, cb)
            runs.append((pos, b))
            a, b = trim(text, *max(runs, key=lambda r: len(text[r[0] : r[1]].split())))
            if len(text[a:b].split()) < 3 or not _has_verb(s.verb.doc, doc.body_start, a, b):
                continue  # what is left is no clause ("on state radio")
        if any(o.a <= a and b <= o.b or o.a == a for o in out):
            continue  # (a relay's words: "X said A, the agency reports" is X's A)
        s.a, s.b = a, b
        out.append(s)
    return sorted(out, key=lambda s: s.a)
