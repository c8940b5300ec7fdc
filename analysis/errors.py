"""The one error the package raises for input it cannot use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


class InputError(ValueError):
    """An article or a curated file that cannot be used.

    The message is one line: the file, what is wrong, and what to do about it. The command line
    prints it and exits with status 2; nothing is written.
    """

    def __init__(self, path: str | Path | None, problem: str):
        self.path = None if path is None else Path(path)
        self.problem = problem
        message = problem if path is None else f"{path}: {problem}"
        # one line, whatever it quotes (a key, a value or a file name may hold a line break)
        super().__init__(" ".join(message.splitlines()))

    def __reduce__(self):  # raised in a worker process, re-raised in this one
        return (type(self), (self.path, self.problem))


def one_line(value, n: int = 50) -> str:
    """A value as one short line, for a message: its white space runs made one space, and cut
    at `n` characters with an ellipsis."""
    s = " ".join(str(value).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def describe(value) -> str:
    """What a YAML value is, for a message: "a list", "the number 2", "'soon'"."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, (int, float)):
        return f"the number {one_line(value, 40)}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        return f"'{one_line(value, 40)}'" if value.strip() else "an empty text"
    if isinstance(value, (list, tuple)):
        return "a list"
    return "a mapping" if isinstance(value, dict) else type(value).__name__
