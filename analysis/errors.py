"""The one error the package raises for input it cannot use."""

from __future__ import annotations

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
