"""The extractor as a declared pipeline: stages run in one order over one shared `Doc`.

Each stage is a callable `stage(doc) -> doc` that says what it reads (`needs`) and what it
writes (`writes`), as spaCy's components do; `PIPELINE` is the one ordered list, and
`pipe_names()` prints it. A stage reads only what the `Doc` was built with or what an earlier
stage declared it writes, and writes only what it declares (`run(doc, check=True)` holds every
stage to that; the tests run it so).

What each `Doc` field holds (besides its text, sentences, article and reference date):

- `dates`: every date expression (`DateMention`), resolved to ISO 8601, with how its year is
  known; read again once the parse can tell each date's tense ("date tenses");
- `year_inferred`: (year, how) when no publication date gave the year and the text did, else
  None (returned, never written into the article's metadata);
- `parsed`: spaCy's parse of the body, or None (no model, or a long text);
- `mentions`, `entities`, `roles`: names and references, their entities and people's roles;
- `quotes`, `quote_spans`: direct and reported quotations, and the direct ones' spans;
- `attributions`: who the story credits with words (a name, or a description), and where;
- `quantities`, `events`, `sources`: the rows of those tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .dates import dates_by_tense, dates_with_inferred_year
from .document import Doc
from .entities import dateline_mentions, find_entities
from .events import find_events
from .model import parse
from .quantities import find_quantities
from .quotes import find_quotes
from .references import quotation_spans, resolve_first_person, resolve_references
from .sources import find_sources

# what a Doc holds when it is built: no stage writes these
GIVEN = ("text", "sentences", "body_start", "article", "dateline", "index")


@dataclass(frozen=True)
class Stage:
    """One step of the extraction: `run(doc) -> doc`, with what it reads and writes."""

    name: str
    run: Callable[[Doc], Doc]
    needs: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        return self.run(doc)


def stage(name: str, *, needs: Sequence[str] = (), writes: Sequence[str] = ()):
    """Declare a function `f(doc) -> doc` as a stage (a decorator)."""

    def declare(run: Callable[[Doc], Doc]) -> Stage:
        return Stage(name, run, tuple(needs), tuple(writes))

    return declare


# ---- the stages -----------------------------------------------------------------------------


@stage(
    "dates",
    needs=("text", "sentences", "reference", "article"),
    writes=("dates", "reference", "year_inferred"),
)
def _dates(doc: Doc) -> Doc:
    doc.dates = dates_with_inferred_year(doc, doc.article)
    return doc


@stage("parse", needs=("text",), writes=("parsed",))
def _parse(doc: Doc) -> Doc:
    doc.parsed = parse(doc)
    return doc


@stage("date tenses", needs=("dates", "parsed", "reference", "article"), writes=("dates",))
def _date_tenses(doc: Doc) -> Doc:
    """The dates whose place in time depends on their clause's tense ("on Thursday", "in
    March"), read again with the parse."""
    doc.dates = dates_by_tense(doc)
    return doc


@stage("dateline", needs=("article",), writes=("mentions", "entities"))
def _dateline(doc: Doc) -> Doc:
    dateline_mentions(doc, doc.article)
    return doc


@stage("entities", needs=("parsed", "mentions"), writes=("mentions", "entities", "roles"))
def _entities(doc: Doc) -> Doc:
    find_entities(doc)
    return doc


@stage("references", needs=("mentions", "roles", "parsed"), writes=("mentions", "entities"))
def _references(doc: Doc) -> Doc:
    resolve_references(doc, quotation_spans(doc))
    return doc


@stage(
    "quotes",
    needs=("mentions", "roles", "parsed"),
    writes=("quotes", "quote_spans", "attributions"),
)
def _quotes(doc: Doc) -> Doc:
    doc.quotes, doc.quote_spans, doc.attributions = find_quotes(doc)
    return doc


@stage("first person", needs=("quote_spans",), writes=("mentions",))
def _first_person(doc: Doc) -> Doc:
    resolve_first_person(doc, doc.quote_spans)
    return doc


@stage("quantities", needs=("dates", "parsed", "mentions", "entities"), writes=("quantities",))
def _quantities(doc: Doc) -> Doc:
    doc.quantities = find_quantities(doc, doc.dates)
    return doc


@stage("events", needs=("dates", "mentions", "quotes", "quote_spans", "parsed"), writes=("events",))
def _events(doc: Doc) -> Doc:
    doc.events = find_events(doc, doc.dates, doc.quotes, doc.quote_spans)
    return doc


@stage("sources", needs=("article", "mentions", "entities", "attributions"), writes=("sources",))
def _sources(doc: Doc) -> Doc:
    doc.sources = find_sources(doc, doc.article)
    return doc


PIPELINE: tuple[Stage, ...] = (
    _dates, _parse, _date_tenses, _dateline, _entities, _references, _quotes, _first_person,
    _quantities, _events, _sources,
)  # fmt: skip


def with_parse(parsed, stages: Sequence[Stage] = PIPELINE) -> tuple[Stage, ...]:
    """The stages with the parse given: the `parse` stage writes `parsed` (a spaCy document
    that `model.parse` would make of this Doc, or None) instead of running the model. For a
    caller that parses many articles together (`model.parse_many`); the stage declares what it
    did before, and does it."""

    def given(doc: Doc) -> Doc:
        doc.parsed = parsed
        return doc

    return tuple(Stage(s.name, given, s.needs, s.writes) if s is _parse else s for s in stages)


def pipe_names(stages: Sequence[Stage] = PIPELINE) -> list[str]:
    """The stages' names, in the order they run."""
    return [s.name for s in stages]


# ---- running it ---------------------------------------------------------------------------------

# the Doc's fields a stage may write, and "reference" for the date dates are resolved against
FIELDS = ("dates", "year_inferred", "parsed", "mentions", "entities", "roles", "quotes",
          "quote_spans", "attributions", "quantities", "events", "sources")  # fmt: skip


def _state(doc: Doc) -> dict[str, object]:
    """What each writable field holds now: its object and size (for lists and dicts, which
    stages extend in place), or its value."""
    state = {}
    for name in FIELDS:
        value = getattr(doc, name)
        state[name] = (id(value), len(value)) if isinstance(value, list | dict) else id(value)
    state["reference"] = (doc.ref_date, doc.ref_precision)
    return state


def run(doc: Doc, stages: Sequence[Stage] = PIPELINE, *, check: bool = False) -> Doc:
    """Run the stages in order. With `check`, a stage that reads what no earlier stage wrote,
    or writes what it did not declare, raises RuntimeError."""
    written = set(GIVEN) | {"reference"}
    for s in stages:
        if check:
            missing = [n for n in s.needs if n not in written]
            if missing:
                raise RuntimeError(
                    f"stage {s.name!r} needs {missing}, which no stage before it writes"
                )
            before = _state(doc)
        doc = s(doc)
        if check:
            after = _state(doc)
            changed = {n for n in after if after[n] != before[n]}
            undeclared = changed - set(s.writes)
            if undeclared:
                raise RuntimeError(
                    f"stage {s.name!r} wrote {sorted(undeclared)} without declaring it"
                )
        written |= set(s.writes)
    return doc
