"""Generated hostile input: metadata and facts files of any shape, and pathological texts.
Each gives its tables, or one InputError line naming the file; never another exception."""

import datetime as dt
import uuid

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import InputError
from analysis.facts.curated import FIELDS
from analysis.reading.article import META_KEYS, PUBLISHED_KEYS

STORY = (
    "OSLO, May 2 (Fjord Wire) - The harbour office said on Monday that 12 ferries sailed last "
    'week. "We will add two more next month," said Ingrid Berg, the harbour master.\n'
)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "soon",
            "2015-10-22",
            "9999-12-31",
            "0001-01-01",
            "12 ferries",
            "Ingrid Berg",
            "PERSON",
            "done",
            "day",
            "en",
            "said",
        ]
    ),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.one_of(st.text(max_size=10), st.integers(-5, 5)), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.one_of(st.sampled_from([*META_KEYS, "__line__", "colour"]), st.integers(-3, 3),
                 st.text(max_size=8))  # fmt: skip
PUBLISHED = st.dictionaries(
    st.one_of(st.sampled_from([*PUBLISHED_KEYS, "when"]), st.integers(0, 2)), VALUES, max_size=4
)
META = st.one_of(
    VALUES,
    st.dictionaries(KEYS, VALUES, max_size=6),
    st.fixed_dictionaries({"published": st.one_of(PUBLISHED, VALUES)}),
    st.fixed_dictionaries({}, optional={k: VALUES for k in META_KEYS}),
)

FIELD_NAMES = sorted({f for fields in FIELDS.values() for f in fields})
FACT = st.dictionaries(
    st.one_of(st.sampled_from([*FIELD_NAMES, "stauts"]), st.integers(0, 3)), VALUES, max_size=6
)
FACTS = st.one_of(
    VALUES,
    st.dictionaries(
        st.one_of(st.sampled_from([*FIELDS, "entites"]), st.integers(0, 3)),
        st.one_of(st.lists(st.one_of(FACT, VALUES), max_size=3), VALUES),
        max_size=4,
    ),
)


def _one_line_or_tables(path, companion):
    """The tables of `path`, or an InputError of one line naming `companion`."""
    try:
        tables = analysis.load(path).frames()
    except InputError as err:
        assert str(err).startswith(str(companion)), str(err)
        assert "\n" not in str(err), str(err)
        return None
    assert set(tables) == set(analysis.TABLE_NAMES)
    return tables


def _write(tmp_path, kind, data):
    story = tmp_path / f"{uuid.uuid4().hex}.txt"
    story.write_text(STORY, encoding="utf-8")
    file = story.with_name(f"{story.stem}.{kind}.yaml")
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return story, file


@pytest.mark.slow  # every table of generated files
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(meta=META)
def test_any_metadata_file_gives_tables_or_one_line(tmp_path, meta):
    story, file = _write(tmp_path, "meta", meta)
    tables = _one_line_or_tables(story, file)
    if tables is not None:  # what was accepted is what the charts print
        a = analysis.load(story).article
        assert isinstance(a.meta["source_line"], str) and "\n" not in a.meta["source_line"]
        assert isinstance(a.meta["agency"], str | None) and isinstance(a.meta["language"], str)
        assert all(isinstance(s, str) for s in a.meta["sources"])


@pytest.mark.slow  # every table of generated files
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(facts=FACTS)
def test_any_facts_file_gives_tables_or_one_line(tmp_path, facts):
    story, file = _write(tmp_path, "facts", facts)
    _one_line_or_tables(story, file)


MARKS = st.sampled_from(['"', "“", "”", "'", "«", "(", ")", "[", "]", "{", "-", ".", ",", ":"])
PATHOLOGICAL = st.one_of(
    st.builds(lambda m, n: m * n, MARKS, st.integers(1, 4000)),  # thousands of one mark
    st.builds(lambda ms: "".join(ms), st.lists(MARKS, min_size=1, max_size=4000)),
    st.builds(
        lambda w, m, n: (w + m) * n,
        st.sampled_from(["word ", "We will sail ", "x"]),
        MARKS,
        st.integers(1, 2000),
    ),
    st.builds(lambda n: "(" * n + "ferry" + ")" * n, st.integers(1, 3000)),  # nested brackets
    st.text(
        st.characters(blacklist_categories=["Zs", "Zl", "Zp", "Cc"]), min_size=1, max_size=3000
    ),  # one "word": no white space at all
    st.builds(lambda s: s.replace("\n", " "), st.text(max_size=3000)),  # one line
)


@pytest.mark.slow  # every table of generated texts
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip
@given(text=PATHOLOGICAL)
def test_pathological_text_gives_tables_or_one_line(tmp_path, text):
    story = tmp_path / f"{uuid.uuid4().hex}.txt"
    story.write_text(text, encoding="utf-8")
    tables = _one_line_or_tables(story, story)
    if tables is not None:
        tokens = tables["tokens"]
        assert all(
            text[a:b] == t for a, b, t in zip(tokens["start"], tokens["end"], tokens["token"])
        )
