"""Hostile input: how each ends (exit status, its one line) and how long it takes, beside an
ordinary 5 MB article.

    python benchmarks/bench_hostile.py [--timeout 600] [--only WORDS ...] [--skip-charts]

Every input is made here (nothing is read from elsewhere) and run through the command line in a
fresh process, `python -m analysis tables` and, for the texts, `python -m analysis charts`
(every chart, in the three formats), each with a time limit; a run past it is stopped with
everything it started and reported as such. Two tables are printed:

- texts that must finish in time linear in their size: the ordinary 5 MB article (the seed's
  body repeated, as bench_big.py makes it), the same on one line, 50,000 short lines with no
  full stop, a 20 KB and a 1 MB word, 10,000 quotation marks that are never closed (straight
  and curly), brackets nested 10,000 deep, one sentence of 0.4 MB that is all dates or a list
  of place names, and three short stories with nothing to chart (a dateline alone,
  punctuation alone, nested brackets);
- input that must be refused in one line with exit status 2: dates out of range, metadata and
  facts files of the wrong shape, YAML aliases that would expand to billions of strings,
  devices and a FIFO as the article, a FIFO as its metadata file, an `--out` that cannot be a
  folder, UTF-16 and Latin-1 files.

Writes benchmarks/results/hostile.csv (input, command, status, seconds, message).
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MEMORY_LIMIT = 8 << 30  # address space of each run: a reader without bound fails, not the machine


# ---- the texts ---------------------------------------------------------------------------


def _seed_body() -> str:
    text = (ROOT / "data" / "raw" / "article.txt").read_text(encoding="utf-8")
    return text.split(" - ", 1)[1]


def _repeat(body: str, mb: float, sep: str) -> str:
    return "MINSK. KAZINFORM - " + sep.join([body] * int(mb * 1e6 // len(body)))


def _one_sentence(unit: str, size: int = 400_000) -> str:
    """A dateline and `unit` repeated to `size` characters, numbered ({i}, {d}: 1 to 28), with
    no full stop: one sentence."""
    parts, n, i = [], 0, 0
    while n < size:
        parts.append(unit.format(i=i, d=i % 28 + 1))
        n, i = n + len(parts[-1]), i + 1
    return "OSLO, March 3 (Wire) - " + "".join(parts) + "\n"


def _word(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(letters[(i * 7 + i // 26) % 26] for i in range(n))


TEXTS = {
    "ordinary 5 MB": lambda: _repeat(_seed_body(), 5, "\n\n"),
    "5 MB on one line": lambda: _repeat(_seed_body().replace("\n", " "), 5, " "),
    "50,000 lines, no full stop": lambda: "".join(
        f"Line {i} says hello\n" for i in range(1, 50_001)
    ),
    "a 20 KB word": lambda: _word(20_000),
    "a 1 MB word": lambda: _word(1_000_000),
    "10,000 unclosed quotation marks": lambda: 'The minister said "we will act ' * 10_000,
    "brackets nested 10,000 deep": lambda: "(" * 10_000 + "word" + ")" * 10_000,
    "20,000 curly quotation marks never closed": lambda: _one_sentence("“We go, he said and "),
    "18,452 dates in one sentence": lambda: _one_sentence("on March {d}, 2015 and "),
    "a list of 54,546 place names": lambda: _one_sentence(
        "Oslo, Bergen, Paris, Berlin, Moscow, Tokyo, "
    ),
    "a dateline alone": lambda: "MINSK. KAZINFORM - ",
    "punctuation alone": lambda: "!!! ??? ... ;;; --- ,,, ((( )))\n",
    "nested brackets, one sentence": lambda: "The plan (a draft (of the (new (rules)))) passed.",
}

STORY = (
    "MINSK. KAZINFORM - The ministry said yesterday that 40 trucks crossed the border last "
    "week. Officials expect more next year.\n"
)


def _bomb() -> str:
    """A YAML value whose aliases expand to 9^10 strings (3.5 billion), written in 420 bytes."""
    parts, prev = ['&a "lol"'], "a"
    for name in "bcdefghijk":
        parts.append(f"&{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "[" + ", ".join(parts) + "]"


# name: (companion files {suffix: text}, extra arguments, article path or None for story.txt)
REFUSED: dict[str, tuple[dict[str, str], list[str], str | None]] = {
    "--published 9999-12-31": ({}, ["--published", "9999-12-31"], None),
    "--published 0001-01-01": ({}, ["--published", "0001-01-01"], None),
    "meta: published is a list": ({"meta": "published: [2015, 2016]\n"}, [], None),
    "meta: published is a bare date": ({"meta": "published: 2015-10-22\n"}, [], None),
    "meta: published is 'soon'": ({"meta": "published: soon\n"}, [], None),
    "meta: published.date 9999-12-31": ({"meta": "published:\n  date: 9999-12-31\n"}, [], None),
    "meta: keys are numbers": ({"meta": "1: 2\n3: x\n"}, [], None),
    "meta: language is a list": ({"meta": "language: [en, fr]\n"}, [], None),
    "meta: agency is a list": ({"meta": "agency: [1, 2]\n"}, [], None),
    "meta: aliases, 9^10 strings": ({"meta": f"title: {_bomb()}\n"}, [], None),
    "facts: a number as a section": ({"facts": "1: []\n"}, [], None),
    "facts: a field named by a number": ({"facts": "entities:\n  - 1: a\n"}, [], None),
    "facts: aliases, 9^10 strings": (
        {"facts": f"sources:\n  - name: {_bomb()}\n    role: publisher\n    evidence: 40 trucks\n"},
        [],
        None,
    ),
    "/dev/zero as the article": ({}, [], "/dev/zero"),
    "/dev/urandom as the article": ({}, [], "/dev/urandom"),
    "a FIFO as the article": ({}, [], "FIFO"),
    "a FIFO as the metadata file": ({"meta": "FIFO"}, [], None),
    "--out an existing file": ({}, ["--out", "FILE"], None),
    "--out /dev/null": ({}, ["--out", "/dev/null"], None),
    "--out a folder that cannot be made": ({}, ["--out", "/proc/no/such/folder"], None),
    "charts --out inside data/raw/": ({}, ["--out", "RAW"], None),
    "UTF-16 with a BOM": ({}, [], "UTF16"),
    "UTF-16 without a BOM": ({}, [], "UTF16LE"),
    "Latin-1": ({}, [], "LATIN1"),
}


# ---- running the command line --------------------------------------------------------------


def _limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _descendants(pid: int) -> list[int]:
    """Every process started by `pid`, however far down (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def run(args: list[str], timeout: float) -> tuple[str, float, str]:
    """(status, seconds, the last line of stderr or stdout) of `python -m analysis ARGS`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", *args], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, preexec_fn=_limit, start_new_session=True,
    )  # fmt: skip
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in [*_descendants(proc.pid), proc.pid]:  # the rendering worker has its own session
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.communicate()
        return "timeout", time.perf_counter() - start, f"stopped after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    lines = [line for line in (err or out).splitlines() if line.strip()]
    status = f"exit {proc.returncode}"
    if proc.returncode == 0:
        lines = [line for line in out.splitlines() if line.strip()]
    elif len(lines) > 1:
        status += f", {len(lines)} lines"
    return status, seconds, lines[-1][:160] if lines else ""


def _refused_case(name: str, folder: Path) -> tuple[list[str], Path | None]:
    """The arguments for one refused input, its files written into `folder`; and a path the run
    may create that must be removed afterwards (inside data/raw/)."""
    files, extra, article = REFUSED[name]
    folder.mkdir(parents=True)
    story = folder / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for kind, text in files.items():
        if text == "FIFO":
            os.mkfifo(folder / f"story.{kind}.yaml")
        else:
            (folder / f"story.{kind}.yaml").write_text(text, encoding="utf-8")
    if article == "FIFO":
        story = folder / "fifo.txt"
        os.mkfifo(story)
    elif article in ("UTF16", "UTF16LE"):
        story = folder / "utf16.txt"
        story.write_bytes(STORY.encode("utf-16" if article == "UTF16" else "utf-16-le"))
    elif article == "LATIN1":
        story = folder / "latin1.txt"
        story.write_bytes("LYON - Le ministère a déclaré à la presse que 40 camions sont passés à "
                          "midi.".encode("latin-1"))  # fmt: skip
    elif article is not None:
        story = Path(article)
    extra = list(extra)
    command, cleanup = "tables", None
    if "FILE" in extra:
        (folder / "a_file").write_text("", encoding="utf-8")
        extra[extra.index("FILE")] = str(folder / "a_file")
    if "RAW" in extra:
        command = "charts"
        cleanup = ROOT / "data" / "raw" / f"bench-hostile-{os.getpid()}"
        extra[extra.index("RAW")] = str(cleanup)
        extra += ["--formats", "png"]
    if "--out" not in extra:
        extra += ["--out", str(folder / "out")]
    return [command, "--article", str(story), *extra], cleanup


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run (default 600)")
    ap.add_argument("--only", action="append", help="run the inputs whose name holds these words")
    ap.add_argument("--skip-charts", action="store_true", help="time `tables` only")
    args = ap.parse_args()
    only = args.only
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        print("| text | size | tables | seconds | charts | seconds |")
        print("|---|---:|---|---:|---|---:|")
        for name, make in TEXTS.items():
            if only and not any(o in name for o in only):
                continue
            path = Path(tmp) / f"{len(rows):02d}.txt"
            path.write_text(make(), encoding="utf-8")
            size = path.stat().st_size
            cells = [name, f"{size / 1e6:.2f} MB" if size >= 1e5 else f"{size:,} B"]
            commands = ("tables",) if args.skip_charts else ("tables", "charts")
            for command in commands:
                out = Path(tmp) / f"out-{len(rows)}"
                status, seconds, line = run(
                    [command, "--article", str(path), "--out", str(out)], args.timeout
                )
                shutil.rmtree(out, ignore_errors=True)
                line = line.replace(tmp, "TMP")
                rows.append({"input": name, "command": command, "status": status,
                             "seconds": f"{seconds:.1f}", "message": line})  # fmt: skip
                cells += [status, f"{seconds:.1f}"]
            print("| " + " | ".join(cells) + " |", flush=True)
        print("\n| refused input | command | status | seconds | the line it prints |")
        print("|---|---|---|---:|---|")
        for i, name in enumerate(REFUSED):
            if only and not any(o in name for o in only):
                continue
            argv, cleanup = _refused_case(name, Path(tmp) / f"refused-{i}")
            existed = cleanup is not None and cleanup.exists()
            try:
                status, seconds, line = run(argv, min(args.timeout, 120))
            finally:
                if cleanup is not None and not existed:
                    shutil.rmtree(cleanup, ignore_errors=True)
            line = line.replace(tmp, "TMP").replace(str(ROOT), ".")
            rows.append({"input": name, "command": argv[0], "status": status,
                         "seconds": f"{seconds:.1f}", "message": line})  # fmt: skip
            print(f"| {name} | {argv[0]} | {status} | {seconds:.1f} | {line.replace('|', '/')} |",
                  flush=True)  # fmt: skip
    (HERE / "results").mkdir(exist_ok=True)
    with (HERE / "results" / "hostile.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["input", "command", "status", "seconds", "message"])
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
