"""Who a noun phrase names, as a speaker or a source: read off the dependency parse.

The subject of a speech verb, the object of "according to", "citing" or "quoted", is a noun
phrase. It names someone by name ("Ana Ruiz", "the Transport Ministry": the entity, by
its canonical name), by pronoun ("he": the last person who was a subject outside quotation
marks), by description ("the coach", "the 55-year-old", "Chile's health minister": the person
the story describes so, named before it or, failing that, after it), through the body whose
words they are ("a statement from the bank", "the press office of the ministry": the
organisation), or not at all ("a senior official", "official data": the description itself,
without its article).
"""

from __future__ import annotations

from bisect import bisect_left

import pandas as pd

from ...constants import (
    BODY_NOUNS,
    DATA_NOUNS,
    ORG_NOUNS,
    PART_NOUNS,
    TITLE_SYNONYMS,
)
from .document import Doc
from .phrases import (
    AGE,
    BODIES,
    HONORIFICS,
    PERSON_WORDS,
    SOURCE,
    SUBJECTS,
    TITLES,
    Who,
    apposition,
    before_name,
    described_as,
    described_as_person,
    description,
    phrase_tokens,
    reported,
    words_of,
)


class Speakers:
    """The people and bodies of one parsed document, and who each noun phrase names.

    `quoted(pos)` says whether a position is inside a quotation; people named there are what
    the speaker speaks of, never a subject of the story's own sentences.
    """

    def __init__(self, doc: Doc, quoted, skip=lambda pos: False):
        self.doc = doc
        self.quoted = quoted
        self.skip = skip  # position -> in the dateline or the headline: never part of a phrase
        self.base = doc.body_start
        ms, starts = doc.ordered()
        self._ms, self._starts = ms, starts
        self.descriptors = self._descriptors()
        self._people_named = sorted(
            (m["start"], m["entity"]) for m in ms
            if not m["is_indirect"] and doc.entities.get(m["entity"]) == "PERSON"
            and not quoted(m["start"])
        )  # fmt: skip
        self._subject_tokens = doc.tokens_with("DEP", SUBJECTS)
        self._according = [t for t in doc.tokens_with("LOWER", ("according",))
                           if t.i + 1 < len(t.doc)]  # fmt: skip
        self.org_subjects = sorted(
            (self.base + t.idx, who.name) for t in self._subject_tokens
            if (who := self._named(t)) is not None and who.kind == "ORG"
        )  # fmt: skip
        self.groups = self._groups()
        self.subjects: list[tuple[int, str]] = []  # (none while they are being found)
        self.subjects = self._subject_people()

    def phrase(self, head) -> list:
        """The tokens of the noun phrase `head` heads (`phrase_tokens`), outside the dateline."""
        tokens = [t for t in phrase_tokens(head) if not self.skip(self.base + t.idx)]
        return tokens or [head]

    # ---- what the parse says about each person --------------------------------------------

    def mention_at(self, pos: int, direct: bool = True) -> dict | None:
        """The mention that covers a text position (the narrowest), or None."""
        i = bisect_left(self._starts, pos + 1)
        best = None
        for m in reversed(self._ms[max(0, i - 8) : i]):
            if m["start"] <= pos < m["end"] and (not direct or not m["is_indirect"]):
                if best is None or m["end"] - m["start"] < best["end"] - best["start"]:
                    best = m
        return best

    def _is_person(self, tok) -> bool:
        if tok.lower_.rstrip(".") in HONORIFICS:
            return False  # "Datuk Dr": part of the title before a name
        m = self.mention_at(self.base + tok.idx)
        return m is not None and self.doc.entities.get(m["entity"]) == "PERSON"

    def _descriptors(self) -> dict[str, list[tuple[int, frozenset[str]]]]:
        """Each person's descriptions where the story names them: the words of the title or
        description before the name ("their coach Pablo Ruiz", "Ambassador of Chile to Peru
        Ana Torres") and of an apposition after it ("Ruiz, the 55-year-old coach,");
        and the roles the entities stage read."""
        doc, out = self.doc, {}
        for r in doc.roles:
            words = f"{r.get('role') or ''} {r.get('organization') or ''} {r.get('country') or ''}"
            out.setdefault(r["person"], []).append((r["start"], words_of(words)))
        parsed = doc.parsed
        for m in self._ms:
            if m["is_indirect"] or doc.entities.get(m["entity"]) != "PERSON":
                continue
            span = parsed.char_span(m["start"] - self.base, m["end"] - self.base,
                                    alignment_mode="expand")  # fmt: skip
            if span is None or not len(span):
                continue
            words = before_name(span, self._is_person) | apposition(span)
            words |= {t.lower_ for t in span if t.lower_ in PERSON_WORDS}  # ("Winger Tane Ruru")
            if words:
                out.setdefault(m["entity"], []).append((m["start"], frozenset(words)))
        return out

    def _subject_people(self) -> list[tuple[int, str]]:
        """(position, person) of every subject outside quotation marks that names a person:
        by name, by a name in apposition, or by a description the story gives of one."""
        found = []
        for tok in self._subject_tokens:
            at = self.base + tok.idx
            if self.quoted(at) or tok.lower_ in ("he", "she", "i", "we", "they", "it"):
                continue
            if reported(tok):
                continue  # someone the speaker speaks of ("said the candidate X came third")
            tok = self.person_before(tok, tok.head)
            who = self.who(tok)
            if who and (who.kind == "PERSON" or described_as_person(tok)):
                found.append((self.base + tok.idx, who.name))
        for tok in self._according:  # "according to X, ...": X speaks as a subject would
            objs = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if objs and (who := self._named(objs[0])) and who.kind == "PERSON":
                found.append((self.base + objs[0].idx, who.name))
        return sorted(found)

    def _groups(self) -> list[tuple[int, object]]:
        """(position, token) of the subjects and "according to" objects outside quotation marks
        that name a body or a group: a plural noun, an organisation, "police"."""
        found = []
        cited = [
            t for t in self.doc.tokens_with("DEP", ("pobj",)) if t.head.head.lower_ == "according"
        ]
        for tok in sorted([*self._subject_tokens, *cited], key=lambda t: t.i):
            at = self.base + tok.idx
            if self.quoted(at) or tok.tag_ == "PRP":
                continue
            m = self.mention_at(at)
            org = m is not None and self.doc.entities.get(m["entity"]) == "ORG"
            if tok.tag_ in ("NNS", "NNPS") or org or tok.lower_ in SOURCE or tok.lower_ in BODIES:
                found.append((at, tok))
        return found

    def person_before(self, subject, verb):
        """The subject itself, or the person its phrase names right before the verb when the
        parse heads it elsewhere ("Commission on Elections Commissioner Rolando Macasaet
        said": Macasaet, not the commission)."""
        if verb.i == 0 or subject.i > verb.i:
            return subject
        last = verb.doc[verb.i - 1]
        if last.i == subject.i or not (subject.left_edge.i <= last.i <= subject.right_edge.i):
            return subject
        m = self.mention_at(self.base + last.idx)
        if m is not None and self.doc.entities.get(m["entity"]) == "PERSON":
            return last
        return subject

    def full_name(self, word: str, at: int) -> str | None:
        """A surname the entities do not know, as the story first wrote it in full: the run of
        capitalised names it ends or sits in ("Ricardo Villarreal Garza" for "Villarreal")."""
        for tok in self.doc.parsed:
            if self.base + tok.idx >= at:
                break
            if tok.text != word or tok.tag_ != "NNP":
                continue
            head = tok
            while head.dep_ == "compound" and head.head.tag_ == "NNP":
                head = head.head
            chain = [c for c in head.children if c.dep_ == "compound" and c.tag_ == "NNP"]
            names = sorted([*chain, head], key=lambda t: t.i)
            if len(names) >= 2 and names[-1].i - names[0].i == len(names) - 1:
                return " ".join(t.text for t in names)
        return None

    # ---- who a phrase names ------------------------------------------------------------------

    def who(self, head, *, described: bool = True) -> Who | None:
        """Who the noun phrase headed by `head` names (see the module's docstring)."""
        low = head.lower_
        at = self.base + head.idx
        if low in ("he", "she", "him", "her", "his"):
            name = self.pronoun(at)
            return Who(name, "PERSON") if name else None
        if low in ("they", "them"):
            return self.they(at)
        if low in ("i", "we", "me", "us", "you", "it", "this", "that", "which", "who", "what"):
            return None  # (the caller knows whose "I" and "we" these are)
        named = self._named(head)
        if named:
            return named
        if described:
            found = self._described(head)
            if found:
                return found
        org = self._body_of(head)
        if org:
            return org
        tokens = self.phrase(head)
        for conj in (c for c in head.children if c.dep_ == "conj" and c.tag_.startswith("NN")):
            tokens = [
                *tokens,
                *(t for t in head.doc[tokens[-1].i + 1 : conj.i]),
                *self.phrase(conj),
            ]
        words = description(self.doc, tokens)  # ("the works council and the IG Metall union")
        if not words or not head.tag_.startswith("NN"):
            return None
        if head.tag_ in ("NNP", "NNPS") and " " not in words:  # a surname alone: "Moon"
            full = [n for n, t in self.doc.entities.items()
                    if t == "PERSON" and words in n.split()]  # fmt: skip
            if len(full) == 1:
                return Who(full[0], "PERSON")
            if (named := self.full_name(words, at)) is not None:
                return Who(named, "PERSON")
        if head.tag_ in ("NNP", "NNPS") and any(t.lower_ in PERSON_WORDS for t in tokens):
            names = [head]  # the run of names that ends at the head
            while names[0].i > 0 and (t := head.doc[names[0].i - 1]).tag_ in ("NNP", "NNPS"):
                if t.lower_ in PERSON_WORDS or len(names) == 3:
                    break
                names.insert(0, t)
            # "Deputy Minister for Civil Protection Giorgos Kalogeropoulos": a person
            return Who(" ".join(t.text for t in names), "PERSON")
        definite = head.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children
        )
        return Who(words, "description", low, definite)

    def _named(self, head) -> Who | None:
        """The entity named at the head, or by a name in apposition or compound with it."""
        m = self.mention_at(self.base + head.idx)
        if m is None and head.lower_ not in BODIES:  # (a body's name before its noun: below)
            for child in head.children:
                if child.dep_ in ("appos", "compound", "flat") and child.tag_ in ("NNP", "NNPS"):
                    m = self.mention_at(self.base + child.idx)
                    if m is not None and self.doc.entities.get(m["entity"]) == "PERSON":
                        break
                    m = None
        if m is None:
            return None
        name, kind = m["entity"], self.doc.entities.get(m["entity"], "ORG")
        if kind in ("PERSON", "ORG"):  # the description the story gives a name outweighs its type
            kind = "ORG" if described_as(head, BODIES) else kind
            kind = "PERSON" if described_as(head, PERSON_WORDS) else kind
        if " " not in name and head.tag_ == "NNP" and kind == "PERSON":  # a surname alone:
            full = [n for n in self.doc.entities  # the one full name that holds it
                    if name in n.split()[1:] and all(w[:1].isupper() for w in n.split())]  # fmt: skip
            name, kind = (full[0], "PERSON") if len(full) == 1 else (name, kind)
        return Who(name, kind)

    def _described(self, head) -> Who | None:
        """A person by description: 'the coach', 'the PM', 'Chile's health minister'."""
        low = head.lower_
        phrase = self.phrase(head)
        age = AGE.search(description(self.doc, phrase))
        if not (low in PERSON_WORDS or age):
            return None
        if any(t.lower_ in ("a", "an") for t in phrase[:1]):
            return None  # "a senior official": someone the story does not name
        words = words_of(" ".join(t.text for t in phrase))
        wanted = {low} | TITLE_SYNONYMS.get(low, frozenset())
        if age:  # "the 38-year-old": "Jean Moreau, 38," or "the 38-year-old Moreau"
            wanted = {age.group(), age.group(1)}
        at = self.base + head.idx
        before, after = None, None
        for person, described in self.descriptors.items():
            for pos, ds in described:
                if not wanted & ds:
                    continue
                if pos < at and (before is None or (len(words & ds), pos) > before[1]):
                    before = (person, (len(words & ds), pos))
                elif pos > at and (after is None or pos < after[1][1]):
                    after = (person, (len(words & ds), pos))
        if before is None and after is None:
            return self._indirect(at) or self._nearest_subject(head, at)
        return Who((before or after)[0], "PERSON")

    def _nearest_subject(self, head, at: int) -> Who | None:
        """A definite title no one in the story carries ('the prime minister said' where the
        story names him without his title): the last person who was a subject before it, or
        the first after it (a lead that names the speaker in the next paragraph)."""
        age = AGE.search(description(self.doc, self.phrase(head)))
        if (head.lower_ not in TITLES or head.lower_ in SOURCE) and not age:
            return None  # "the official", "the prosecutor": someone the story need not name
        if not any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children
        ):
            return None
        i = bisect_left(self.subjects, (at, ""))
        if i > 0:
            return Who(self.subjects[i - 1][1], "PERSON")
        if i < len(self.subjects):
            return Who(self.subjects[i][1], "PERSON")
        return None

    def _indirect(self, at: int) -> Who | None:
        """The person the references stage read a description as, if any."""
        m = self.mention_at(at, direct=False)
        if m is not None and m["is_indirect"] and self.doc.entities.get(m["entity"]) == "PERSON":
            return Who(m["entity"], "PERSON")
        return None

    def _body_of(self, head) -> Who | None:
        """'a statement from the bank', 'the press office of the ministry', 'data released by
        the customs office', 'results published in The Lancet', 'the Palace press office',
        'the Lima-based institution': the organisation whose words they are."""
        low = head.lower_
        if low in SOURCE or low in BODIES or low in DATA_NOUNS:
            for child in head.children:
                if child.dep_ == "poss" or (
                    child.dep_ in ("compound", "nmod") and low in PART_NOUNS
                ):  # "the ministry's press service", "TVN television"; not "a league official"
                    objs = [child] if child.tag_ != "PRP$" else []
                elif child.dep_ == "prep" and child.lower_ in ("of", "from", "by", "at"):
                    objs = [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "acl":  # "data released by the office", "... published in"
                    objs = [o for a in child.children if a.dep_ in ("agent", "prep")
                            and a.lower_ in ("by", "in") for o in a.children if o.dep_ == "pobj"]  # fmt: skip
                else:
                    continue
                for obj in objs:
                    who = self._named(obj) or self._body_of(obj)
                    if who is not None and who.kind == "ORG":
                        return who
                    if who is not None and child.dep_ == "compound" and who.kind == "PERSON":
                        return Who(who.name, "ORG")  # "the Palace press office": a body
                    if (
                        who is None
                        and child.dep_ in ("prep", "acl")
                        and obj.lower_ in SOURCE | BODIES
                    ):
                        words = description(self.doc, self.phrase(obj))  # "a count by the
                        return Who(words, "description", obj.lower_)  # electoral authorities"
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "both")
                       for c in head.children)  # fmt: skip
        single = low[:-1] if head.tag_ == "NNS" and low.endswith("s") else None
        if definite and single in ORG_NOUNS and single not in BODY_NOUNS:
            return self.organisations_before(self.base + head.idx)  # "the two firms"
        if definite and (low in ORG_NOUNS or low in BODY_NOUNS):
            at = self.base + head.idx
            m = self.mention_at(at, direct=False)
            if m is not None and self.doc.entities.get(m["entity"]) == "ORG":
                return Who(m["entity"], "ORG")
            found = self.organisation_named(head, at)
            if found is None and low in ORG_NOUNS and low not in BODY_NOUNS:
                found = self.last_organisation(at)  # "the lender": any organisation
            return found
        return None

    def organisation_named(self, head, at: int) -> Who | None:
        """'the audit commission', 'the space agency': the last organisation before `at`
        whose name holds the noun, or a word of the phrase besides it ("Union Election
        Commission", "Space Research Organisation")."""
        words = {t.lower_ for t in self.phrase(head) if t.tag_ in ("NN", "NNS", "JJ")}
        low = head.lower_
        if any(t.tag_ in ("NNP", "NNPS") for t in self.phrase(head)):
            return None  # "the Serie A club": a club of the named league, not the league
        for m in reversed(self.doc.between(0, at)):
            name = m["entity"]
            if self.doc.entities.get(name) != "ORG":
                continue
            have = set(name.lower().split())
            if words <= have or (low not in have and words - {low} and (words - {low}) <= have):
                return Who(name, "ORG")
        return None

    def organisations_before(self, at: int) -> Who | None:
        """'the two firms', 'the companies': the last two organisations named before the
        sentence of `at` (its own words may name what the two make together)."""
        names: list[str] = []
        sid = self.doc.sentence_of(at)
        start = self.doc.sentence_span(sid)[0] if sid is not pd.NA else at
        for m in reversed(self.doc.between(0, start)):
            name = m["entity"]
            if self.doc.entities.get(name) == "ORG" and name not in names:
                names.append(name)
            if len(names) == 2:
                return Who(" and ".join(reversed(names)), "ORG")
        return None

    def last_organisation(self, at: int) -> Who | None:
        """The last organisation that was a subject before `at` ("the lender" for the bank)."""
        for pos, name in reversed(self.org_subjects[: bisect_left(self.org_subjects, (at, ""))]):
            return Who(name, "ORG")
        return None

    def they(self, at: int) -> Who | None:
        """'they': the last body or group that was a subject, or the one "according to" which
        a sentence speaks, before `at` ("according to Osaka police. They said ...")."""
        i = bisect_left(self.groups, (at,))
        for pos, tok in reversed(self.groups[max(0, i - 3) : i]):
            who = self.who(tok)
            if who is not None and who.kind in ("ORG", "description"):
                return who
        return None

    def pronoun(self, at: int) -> str | None:
        """'he', 'she': the last person before `at` who was a subject (or the one "according
        to" whom the sentence speaks) outside quotation marks; else the last person named."""
        i = bisect_left(self.subjects, (at, ""))
        if i > 0:
            return self.subjects[i - 1][1]
        i = bisect_left(self._people_named, (at, ""))
        return self._people_named[i - 1][1] if i > 0 else None
