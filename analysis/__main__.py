"""Command line.

python -m analysis tables [--article PATH] [--published DATE] [--out DIR]
python -m analysis charts [--article PATH] [--published DATE] [--out DIR] [--formats png,svg,pdf]
python -m analysis notebooks [--article PATH] [--published DATE] [--out DIR]
python -m analysis corpus PATH [PATH ...] --out DIR [--workers N | --scheduler ADDRESS] [--batch-size N]
    [--tables terms,entities,...] [--no-copies] [--no-topics]

An article is a text file (.txt), a saved web page (.html, .htm) or an http(s):// address: a
page's main text is the article, its metadata fills the article's.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .errors import InputError
from .tables.bundle import load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("tables", help="write every table as DIR/<name>.csv")
    p.add_argument(
        "--article",
        help="article file (.txt, .html), http(s):// address, or a folder of articles "
        "(default: data/raw/article.txt)",
    )
    p.add_argument("--out", help="output folder (default: data/processed/<article name>/)")
    c = sub.add_parser("charts", help="export every chart of the notebooks, with a manifest")
    c.add_argument(
        "--article",
        help="article file, http(s):// address or folder (default: data/raw/article.txt)",
    )
    c.add_argument(
        "--out", help="output folder (default: charts/, or charts/<name>/ for another article)"
    )
    c.add_argument(
        "--formats", default="png,svg,pdf", help="comma-separated: png, svg, pdf (default: all)"
    )
    n = sub.add_parser("notebooks", help="run every notebook headless; save charts and HTML pages")
    n.add_argument(
        "--article", help="article file or http(s):// address (default: data/raw/article.txt)"
    )
    n.add_argument(
        "--out", help="output folder (default: charts/, or charts/<name>/ for another article)"
    )
    for command in (p, c, n):
        command.add_argument(
            "--published",
            help="publication date, YYYY-MM-DD, when the article's metadata does not give it "
            "(relative dates such as 'last month' are resolved against it)",
        )
    _corpus_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "corpus":  # no warnings caught: Dask's own go to the terminal as they come
        return _corpus(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        status = _run(args)
    for w in caught:
        if issubclass(w.category, UserWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    return status


def _run(args) -> int:
    from .tables.output import check_out

    try:
        if args.out:  # refused before anything is built
            check_out(args.out)
        if args.command == "tables":
            from .corpus.folder import write_corpus_tables
            from .tables.output import write_tables

            if args.article and _is_corpus(args.article):
                written = write_corpus_tables(args.out, args.article)
            else:
                written = write_tables(args.out, args.article, args.published)
            print(f"wrote {len(written)} tables to {written[0].parent}")
        elif args.command == "charts":
            from .viz import charts
            from .viz.figures import default_out

            formats = [f.strip() for f in args.formats.split(",") if f.strip()]
            bad = [f for f in formats if f not in charts.FORMATS]
            if bad or not formats:
                print(f"error: --formats: unknown format '{bad[0] if bad else ''}'; choose from png, svg, pdf",
                      file=sys.stderr)  # fmt: skip
                return 2
            tables = load(args.article, args.published)
            out = check_out(args.out or default_out(tables))
            entries = charts.export(out, tables, formats=formats)
            drawn = [e for e in entries if e["files"] and e["name"] in charts.CHARTS]
            left = len([e for e in entries if not e["files"]])
            note = f"; {left} left out (nothing to draw, see the manifest)" if left else ""
            print(
                f"wrote {len(drawn)} charts ({', '.join(formats)}) and manifest.json to {out}{note}"
            )
        elif args.command == "notebooks":
            from . import notebooks
            from .viz.figures import default_out

            out = check_out(args.out) if args.out else None  # before anything is built
            tables = load(args.article, args.published)  # bad input: one line, before any kernel
            out = out or check_out(default_out(tables))
            seconds = notebooks.run(out, args.article, published=args.published)
            for name, s in seconds.items():
                print(f"{name}: {s:.1f} s")
            print(f"charts and HTML pages in {out}")
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def _corpus_parser(sub) -> None:
    k = sub.add_parser(
        "corpus", help="every table of every article, and the corpus tables, as Parquet (Dask)"
    )
    k.add_argument(
        "path", nargs="+",
        help="a folder of articles (.txt, .html), a glob such as 'news/**/*.txt', files or "
        "http(s):// addresses",
    )  # fmt: skip
    k.add_argument("--out", required=True, help="output folder; rerunning into it resumes")
    where = k.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, help="local worker processes (default: one per core)")
    where.add_argument("--scheduler", help="address of a running Dask scheduler, tcp://host:8786")
    k.add_argument("--batch-size", type=int, default=None,
                   help="articles per task at most (default: 50; fewer to give each worker two)")  # fmt: skip
    k.add_argument("--tables", default=None,
                   help="the articles' tables to write, comma-separated (default: all; the "
                        "costly ones are keyphrases, ngrams, stats)")  # fmt: skip
    k.add_argument("--no-copies", dest="copies", action="store_false",
                   help="do not look for copies (relays, reprints): every article a story")  # fmt: skip
    k.add_argument("--no-topics", dest="topics", action="store_false",
                   help="do not fit a topic model on the stories")  # fmt: skip


def _corpus(args) -> int:
    from .corpus.dask_run import run

    size = args.batch_size  # (None: the size of the run before in --out, else 50 at most)
    tables = None if args.tables is None else args.tables.split(",")
    if (size is not None and size < 1) or (args.workers is not None and args.workers < 1):
        print("error: --workers and --batch-size must be 1 or more", file=sys.stderr)
        return 2
    where = args.path[0] if len(args.path) == 1 else args.path
    try:
        if args.scheduler:
            from distributed import Client

            with Client(args.scheduler, timeout="20s") as client:
                result = run(where, args.out, client, batch_size=size, tables=tables,
                             copies=args.copies, topics=args.topics)  # fmt: skip
        else:
            result = run(where, args.out, workers=args.workers, batch_size=size, tables=tables,
                         copies=args.copies, topics=args.topics)  # fmt: skip
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # the scheduler cannot be reached
        print(f"error: --scheduler {args.scheduler}: {err}; check the address", file=sys.stderr)
        return 2
    for f in result["failed"]:
        print(f"error: batch {f['number']} failed: {f['error']}", file=sys.stderr)
    return 1 if result["failed"] else 0


def _is_corpus(article: str) -> bool:
    """A folder holding several articles (.txt, .html; and no article.txt) is a corpus."""
    from .paths import articles_in

    path = Path(article)
    return path.is_dir() and not (path / "article.txt").is_file() and len(articles_in(path)) > 1


if __name__ == "__main__":
    sys.exit(main())
