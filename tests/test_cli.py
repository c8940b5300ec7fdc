"""The command line: tables written as CSV, and bad input refused with one clear line."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis import TABLE_NAMES, paths, schemas
from analysis.__main__ import main
from analysis.tables import output


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd
    )


def test_tables_writes_every_table(tmp_path):
    out = tmp_path / "out"
    assert main(["tables", "--out", str(out)]) == 0
    assert sorted(p.stem for p in out.glob("*.csv")) == sorted(TABLE_NAMES)
    terms = pd.read_csv(out / "terms.csv")
    assert terms.set_index("term").loc["kazakhstan", "count"] == 9
    assert list(terms.columns)[:3] == ["term", "count", "per_1k"]
    assert (out / "sentences.csv").read_bytes().startswith(b"sentence_id,start,end,text,n_tokens\n")
    assert len(pd.read_csv(out / "sentences.csv")) == 17
    assert pd.read_csv(out / "quantities.csv")["quantity"].tolist() == [4, 2, 2]


def test_article_without_facts_gets_extracted_facts(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("A satellite was launched on Monday. Another follows.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", "--article", str(story), "--out", str(out)]) == 0
    events = pd.read_csv(out / "events.csv")
    assert list(events.columns) == list(schemas.TABLES["events"])
    assert events[["status", "cue", "origin"]].values.tolist() == [
        ["done", "was launched", "extracted"]
    ]
    assert pd.read_csv(out / "topics.csv").empty  # topics are curated only


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "cp1251.txt").write_bytes("Минск. Казахстан не исключает".encode("cp1251"))
    (tmp_path / "nothing_here").mkdir()
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(25 * 1024 * 1024)
    return {
        "missing.txt": "no such file",
        "empty.txt": "is empty",
        "blank.txt": "is empty",
        "binary.txt": "is a binary file",
        "cp1251.txt": "is not UTF-8 text",
        "nothing_here": "no article (.txt or .html file) in this folder",
        "huge.txt": "too large for one article",
    }


def test_bad_input_one_line_exit_2_nothing_written(tmp_path):
    cases = _bad_inputs(tmp_path)
    for name, problem in cases.items():
        out = tmp_path / f"out-{name}"
        r = run("tables", "--article", str(tmp_path / name), "--out", str(out))
        assert r.returncode == 2, (name, r.stderr)
        assert r.stdout == ""
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
        assert lines[0].startswith(f"error: {tmp_path / name}") and problem in lines[0]
        assert not out.exists()


def test_folder_with_one_article(tmp_path):
    (tmp_path / "story.txt").write_text("One sentence here. And a second.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", "--article", str(tmp_path), "--out", str(out)]) == 0
    assert len(pd.read_csv(out / "sentences.csv")) == 2


def test_never_writes_into_raw_data():
    before = {p: p.stat().st_mtime_ns for p in paths.RAW.iterdir()}
    assert main(["tables", "--out", str(paths.RAW)]) == 2
    assert {p: p.stat().st_mtime_ns for p in paths.RAW.iterdir()} == before


def test_windows_line_endings_and_bom(tmp_path):
    raw = paths.ARTICLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    story = tmp_path / "crlf.txt"
    story.write_bytes(("\ufeff" + raw).encode("utf-8"))
    import analysis

    s = analysis.load(story).sentences
    assert len(s) == 17
    text = story.read_bytes().decode("utf-8")
    assert all(text[a:b] == t for a, b, t in zip(s["start"], s["end"], s["text"]))


@pytest.mark.parametrize(
    "args, says",
    [
        (["tables", "--help"], ["--article", "--published", "--out"]),
        (["--help"], ["tables", "charts"]),
    ],
)
def test_help(args, says):
    r = run(*args)
    assert r.returncode == 0
    assert all(word in r.stdout for word in says), r.stdout


# ---- CSV: written column by column, byte for byte what pandas writes ---------------------------


@pytest.mark.parametrize(
    "article",
    [None, *sorted((paths.ROOT / "data" / "eval").glob("*.txt"))],
    ids=lambda p: getattr(p, "stem", "seed"),
)
def test_csv_is_what_pandas_writes(article):
    for name, df in analysis.load(article).frames().items():
        assert output.to_csv(df) == df.to_csv(index=False, lineterminator="\n").encode(), name


ODD = st.text(alphabet=st.sampled_from(list("ab,\"\n\r\t \x85\u2028;'é\x00")), max_size=8)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            ODD | st.none(),
            st.integers(-3, 10**12) | st.none(),
            st.booleans() | st.none(),
            st.integers(0, 9),
        ),
        max_size=12,
    )
)
def test_csv_of_odd_values_is_what_pandas_writes(rows):
    df = pd.DataFrame(
        {
            'text, with "quotes"': pd.array([r[0] for r in rows], dtype="string"),
            "n": pd.array([r[1] for r in rows], dtype="Int64"),
            "flag": pd.array([r[2] for r in rows], dtype="boolean"),
            "k": np.array([r[3] for r in rows], dtype=np.int64),
            "kind": pd.Categorical([("x" if r[3] % 2 else "y,z") for r in rows]),
        }
    )
    assert output.to_csv(df) == df.to_csv(index=False, lineterminator="\n").encode()


def test_a_table_with_float_columns_reads_back_to_the_same_values(seed):
    import io

    keyness = seed["keyness"]  # floats: per_1k, reference_per_1k, log_likelihood, log_ratio
    data = output.to_csv(keyness)
    lines = data.decode("utf-8").split("\n")
    assert lines[0] == ",".join(schemas.TABLES["keyness"])  # the header, no index column
    assert lines[1].startswith("kazakhstan,9,28.03738317757009")  # 9 of 321 words, per 1,000
    assert len(lines) == len(keyness) + 2  # every row, and the last line ended
    back = pd.read_csv(io.BytesIO(data))
    assert back["term"].tolist() == keyness["term"].tolist()
    for column in ("per_1k", "reference_per_1k", "log_likelihood", "log_ratio"):
        assert back[column].tolist() == keyness[column].tolist(), column  # every digit kept


def test_every_submodule_imports_and_is_reachable_in_a_fresh_interpreter():
    import pkgutil

    import analysis

    names = [m.name for m in pkgutil.walk_packages(analysis.__path__, "analysis.")]
    code = "import analysis, importlib\n" + "".join(
        f"importlib.import_module({n!r})\n" for n in names
    )
    code += "".join(f"analysis.{n.split('.')[1]}\n" for n in names if n.count(".") == 1)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-c", "import analysis; analysis.facts.curated.has_curated"],
                       capture_output=True, text=True)  # fmt: skip
    assert r.returncode == 0, r.stderr
