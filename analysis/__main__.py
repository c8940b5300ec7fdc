"""Command line: `python -m analysis tables [--article PATH] [--out DIR]`."""

from __future__ import annotations

import argparse
import sys

from .errors import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("tables", help="write every table as DIR/<name>.csv")
    p.add_argument("--article", help="article file or folder (default: data/raw/article.txt)")
    p.add_argument("--out", help="output folder (default: data/processed/<article name>/)")
    args = parser.parse_args(argv)
    try:
        if args.command == "tables":
            from .store import write_tables

            written = write_tables(args.out, args.article)
            print(f"wrote {len(written)} tables to {written[0].parent}")
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
