"""Reading a file a user names, bounded: only a regular file, and never more than a limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import InputError

MIB = 1024 * 1024

_FILE_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def read_bounded(path: Path, limit: int, what: str, split: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, its size checked before anything
    is read; else an InputError (`what` the file is, "one article"; `split`, what to do with a
    file over the limit).

    A device or a FIFO is refused before it is read; a FIFO is opened without waiting for a
    writer (O_NONBLOCK), so it never blocks.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror}); check its permissions") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            raise InputError(path, f"is {what}, not a text file; pass a regular file")
        if info.st_size > limit:
            raise InputError(path, f"{_mib(info.st_size)} is too large for {what} (the limit "
                             f"is {_mib(limit)}); {split}")  # fmt: skip
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(limit + 1)  # (a file that grew since it was measured: no more)
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror}); check its permissions") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(path, f"is too large for {what} (the limit is {_mib(limit)}); {split}")
    return data


def _mib(n: int) -> str:
    return f"{n // MIB} MiB" if n % MIB == 0 else f"{n / MIB:.1f} MiB"
