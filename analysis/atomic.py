"""Atomic file writing: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    If anything fails, the previous file is left as it was and the temporary file is removed.
    """
    write_all_atomic({Path(path): data})


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Write several files so that a failure changes none of them.

    Every file is first written in full to a temporary file beside its target; only when all
    are on disk are they renamed into place. If a write fails (a full disk, say), the
    temporaries are removed and every previous file is left as it was.
    """
    done: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            path = Path(path)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            done.append((tmp, path))
            os.fchmod(fd, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
    except BaseException:
        for tmp, _ in done:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise
    for tmp, path in done:
        os.replace(tmp, path)
