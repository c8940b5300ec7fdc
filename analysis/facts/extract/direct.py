"""Direct quotations and their speakers, read off the model's dependency parse.

A quotation's speaker is the subject of the speech verb that governs it (`"...," he said`,
`X said: "..."`, `said "..." after ...`), or of a verb in its sentence outside the marks; a
verb that puts words in a mouth ("called it an "...", "describing it as a "..."") does for a
quoted phrase. A quotation with no attribution of its own goes on from the one before it
(`"...," he said. "More..."`, or the next paragraph) or from the statement just before it;
one after a sentence ending "X said:" is X's. A quoted phrase of two words or more is a
quotation of its own (with its speaker) when speech governs it; a phrase in capitals
throughout is a name, not speech.
"""

from __future__ import annotations

from bisect import bisect_right

from ...constants import NAMING_FORMS
from .phrases import Who, char_span
from .quotations import Quotation, is_name
from .speakers import Speakers
from .speech import Reader, Statement
from .verbs import FRAMING, is_speech_verb, is_verb, subject_of


class Direct:
    """The direct quotations of one parsed document with their speakers."""

    def __init__(self, reader: Reader, speakers: Speakers, quotations: list[Quotation],
                 statements: list[Statement]):  # fmt: skip
        self.r, self.s = reader, speakers
        self.doc = reader.doc
        self.base = reader.base
        self.quotations = quotations
        self.statements = statements
        self._starts = [s.at for s in statements]

    def tokens(self, q: Quotation) -> list:
        span = self.doc.parsed.char_span(q.a - self.base, q.b - self.base, alignment_mode="expand")
        return list(span) if span is not None else []

    def find(self) -> list[tuple[Quotation, Who, str, tuple[int, int, int] | None]]:
        """(quotation, speaker, cue, attribution span) for each quotation spoken by someone."""
        text = self.doc.text
        out: list[tuple[Quotation, Who, str, tuple[int, int, int] | None]] = []
        last: tuple[Quotation, Who, int] | None = None  # the last quotation, its speaker, its end
        for q in self.quotations:
            if self.r.skip(q.a) or q.b <= q.a:
                continue
            n = q.n_words(text)
            tokens = self.tokens(q)
            verb = self.governing(q, tokens)
            found = self.by_verb(verb) if verb is not None else None
            if is_name(q.words(text)):
                continue  # a name in quotation marks ("the "Blue Gate" terminal"), not speech
            if n < 3 and (n < 2 or found is None and not self.inside_statement(q)):
                continue  # a term in quotation marks, not speech
            if found is None:
                found = self.from_statement(q)  # inside a reported statement's words
            if found is None:
                verb = self.in_sentence(q, tokens)
                found = self.by_verb(verb) if verb is not None else None
            if found is None:
                found = self.continued(q, last) or self.hung_on(q, tokens)
            if found is None:
                found = self.from_statement(q, before=True)
            if found is None:
                continue
            who, cue, span = found
            out.append((q, who, cue, span))
            end = max(q.end, span[2]) if span else q.end
            last = (q, who, end)
        return out

    # ---- the verb that attributes a quotation ---------------------------------------------

    def governing(self, q: Quotation, tokens: list):
        """The speech (or naming) verb outside the marks that the quoted words hang on."""
        inside = {t.i for t in tokens}
        for t in tokens:
            h, steps = t.head, 0
            while h.i not in inside and steps < 4:
                if self.r.outside(h) and not (q.start <= self.base + h.idx < q.end):
                    if is_speech_verb(h) or (is_verb(h) and h.lower_ in NAMING_FORMS):
                        return h
                if h.head.i == h.i:
                    break
                h, steps = h.head, steps + 1
        return None

    def in_sentence(self, q: Quotation, tokens: list):
        """A speech verb outside the marks in the quotation's last sentence, after it (or in
        its first sentence, before it), nearest first."""
        if not tokens:
            return None
        after = [t for t in tokens[-1].sent if self.base + t.idx >= q.end]
        before = [t for t in tokens[0].sent if self.base + t.idx < q.start]
        for t in after:
            if self.r.quoted(self.base + t.idx):
                break  # the next quotation begins
            if self.attributes(t):
                return t
        for t in reversed(before):
            if self.r.quoted(self.base + t.idx):
                break
            if self.attributes(t):
                return t
        prev = self.previous_sentence(tokens[0])  # "X said:" closing the sentence before
        if prev is not None and prev[-1].text == ":":
            for t in reversed(prev):
                if self.attributes(t):
                    return t
        return None

    def attributes(self, tok) -> bool:
        """A speech verb outside quotation marks that reports words (not "called", "citing")."""
        return is_speech_verb(tok) and self.r.outside(tok) and tok.lower_ not in FRAMING

    def previous_sentence(self, tok):
        start = tok.sent.start
        if start == 0:
            return None
        return list(tok.doc[start - 1].sent)

    def by_verb(self, verb) -> tuple[Who, str, tuple[int, int, int]] | None:
        subject = subject_of(verb, self.r.outside)
        if subject is None:
            return None
        subject = self.s.person_before(subject, verb)
        who = self.s.who(subject)
        if who is None:
            return None
        at, until = char_span(self.doc, [*self.s.phrase(subject), verb])
        return who, verb.text, (at, until, self.base + verb.sent.end_char)

    def hung_on(self, q: Quotation, tokens: list):
        """A phrase quoted inside the story's own sentence ('X urged the parties to join hands
        "for the good of the state"'): the subject of the verb it hangs on, a person or a body."""
        inside = {t.i for t in tokens}
        for t in tokens:
            h = t.head
            while h.i in inside and h.head.i != h.i:
                h = h.head
            while h.i not in inside and not is_verb(h) and h.head.i != h.i:
                h = h.head
            if h.i in inside or not is_verb(h) or not self.r.outside(h):
                continue
            subject = subject_of(h, self.r.outside)
            who = self.s.who(subject) if subject is not None else None
            if who is not None and who.kind in ("PERSON", "ORG"):
                return who, h.text, None
            return None
        return None

    # ---- a quotation with no verb of its own ---------------------------------------------

    def inside_statement(self, q: Quotation) -> Statement | None:
        """The reported statement whose words hold the quotation."""
        for s in self.statements:
            if s.a <= q.start and q.end <= s.b + 2:
                return s
        return None

    def from_statement(self, q: Quotation, before: bool = False):
        """The speaker of the statement that holds the quotation, or (`before`) of the last
        statement whose attribution is in the quotation's paragraph or the one before it."""
        s = self.inside_statement(q)
        if s is None and before:
            i = bisect_right(self._starts, q.start) - 1
            if i >= 0:
                s = self.statements[i]
                lo, _ = self.r.paragraph(q.start)
                prev_lo, _ = self.r.paragraph(max(0, lo - 2))
                if s.at < prev_lo or self._attribution_between(s.until, q.start):
                    s = None
        if s is None:
            return None
        return s.who, s.cue, (s.at, s.until, s.until)

    def _attribution_between(self, lo: int, hi: int) -> bool:
        """Whether another statement's attribution lies between two positions."""
        return any(lo <= s.at < hi for s in self.statements)

    def continued(self, q: Quotation, last) -> tuple[Who, str, None] | None:
        """The speaker of the quotation before, when this one goes on from it: nothing but that
        quotation's attribution stands between them, in its paragraph or the next."""
        if last is None:
            return None
        prev, who, end = last
        lo, _ = self.r.paragraph(q.start)
        prev_lo, _ = self.r.paragraph(prev.start)
        if prev_lo < self.r.paragraph(max(0, lo - 2))[0]:
            return None  # more than one paragraph break away
        if self.doc.text[end : q.start].strip(" \n\t.,;:—–-"):
            return None  # words of the story's own between them
        return who, "", None
