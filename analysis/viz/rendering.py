"""Rendering a chart: its bytes in one format, identical on every run, and its files rendered
in a second process while the notebook goes on.

A shown chart is pickled and sent to one worker, a fresh interpreter run as
`python -m analysis.viz.rendering` (not a fork: safe in a notebook kernel with its threads,
and it never re-runs the caller's script). The worker lays the chart out for good and renders
its PNG, SVG and PDF while the notebook draws the next chart, and the export only writes them. `submit` returns a Future; it
is None when no worker can start, and a failed or dead worker fails its Futures: the caller
then renders the chart itself, the same bytes, later.
"""

from __future__ import annotations

import atexit
import os
import pickle
import queue
import subprocess
import sys
import threading
from concurrent.futures import Future

from matplotlib.figure import Figure

from .. import paths
from .style import style

DPI = 200
METADATA = {  # no dates, versions or random ids: the same chart gives the same bytes
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
}
FORMATS = ("png", "svg", "pdf")


def render(fig: Figure, fmt: str, *, dpi: float = DPI) -> bytes:
    """The figure's bytes in one format, identical on every run."""
    import io

    buf = io.BytesIO()
    with style():
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=METADATA[fmt])
    return buf.getvalue()


def freeze(fig: Figure) -> None:
    """Lay the figure out once, so that each format renders it without laying it out again."""
    with style():
        fig.draw_without_rendering()
    fig.set_layout_engine("none")
    # the layout solver can leave noise in the last digits of a position, and SVG clip ids are
    # hashes of the clip box: round the positions so that the same chart gives the same bytes
    for ax in fig.axes:
        box = ax.get_position()
        ax.set_position([round(v, 6) for v in (box.x0, box.y0, box.width, box.height)])


def export(fig: Figure) -> dict[str, bytes]:
    """The figure's files, laid out once for good: PNG (200 dpi), SVG and PDF."""
    freeze(fig)
    return {fmt: render(fig, fmt) for fmt in FORMATS}


class Renderer:
    """One worker process, fed figures in order through a writer thread (a figure is larger
    than a pipe's buffer: the notebook never waits for the worker to read it)."""

    def __init__(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(paths.PACKAGE.parent), env.get("PYTHONPATH")) if p
        )
        # the worker ends when this process does, however it ends (see `_die_with_parent`);
        # the kernel's death signal follows the thread that starts it, so it is asked for only
        # when that thread is the main one, which lives as long as the process
        env[_PARENT] = f"{os.getpid()}:{int(threading.current_thread() is threading.main_thread())}"
        # its stderr is not the terminal's: nothing it says can come after the command's last
        # line (a chart it fails on is rendered here, and says so here)
        self.process = subprocess.Popen([sys.executable, "-m", "analysis.viz.rendering"], env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL,
                                        start_new_session=True)  # (Ctrl-C and a kernel interrupt stay here)  # fmt: skip
        atexit.register(self.close)
        self.pending: dict[int, Future] = {}
        self.lock = threading.Lock()
        self.outbox: queue.Queue = queue.Queue()
        self.next = 0
        threading.Thread(target=self._write, daemon=True).start()
        threading.Thread(target=self._read, daemon=True).start()

    def close(self) -> None:
        """End the worker now (at exit: what it has not sent back is not waited for)."""
        self.outbox.put(None)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        try:
            self.process.stdout.close()
        except (OSError, ValueError):  # (the reader thread may be closing it too)
            pass

    def submit(self, fig) -> Future:
        future: Future = Future()
        with self.lock:
            if self.process.poll() is not None:
                future.set_exception(RuntimeError("the rendering worker has ended"))
                return future
            key, self.next = self.next, self.next + 1
            self.pending[key] = future
        self.outbox.put((key, pickle.dumps(fig, protocol=pickle.HIGHEST_PROTOCOL)))
        return future

    def _write(self) -> None:
        try:
            with self.process.stdin as pipe:
                while (item := self.outbox.get()) is not None:
                    pickle.dump(item, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                    pipe.flush()
        except (OSError, ValueError):
            pass  # the worker is gone: the reader fails what is pending

    def _read(self) -> None:
        try:
            while True:
                key, (status, value) = pickle.load(self.process.stdout)
                with self.lock:
                    future = self.pending.pop(key)
                if status == "ok":
                    future.set_result(value)
                else:
                    future.set_exception(RuntimeError(value))
        except Exception:  # end of the pipe: the worker ended or died
            with self.lock:
                for future in self.pending.values():
                    future.set_exception(RuntimeError("the rendering worker ended"))
                self.pending.clear()


_RENDERER: list[Renderer | None] = []  # started on first use, one per process


def submit(fig) -> Future | None:
    """A figure's files (`export`), rendered by the worker (None: no worker)."""
    if not _RENDERER:
        try:
            _RENDERER.append(Renderer())
        except OSError:
            _RENDERER.append(None)
    renderer = _RENDERER[0]
    try:
        return renderer.submit(fig) if renderer is not None else None
    except Exception:  # a figure that cannot be pickled: rendered by the caller
        return None


def result(future: Future | None) -> dict[str, bytes]:
    """What a Future from `submit` holds, or {} (no worker, or it failed)."""
    try:  # (a worker that has not answered in a minute is not waited for any longer)
        return future.result(timeout=60) if future is not None else {}
    except Exception:
        return {}


_PARENT = "ANALYSIS_RENDERING_PARENT"  # "<pid of the caller>:<1 if started by its main thread>"


def _die_with_parent() -> None:
    """End this worker when the process that started it ends, even mid-render and even when
    that process is killed: the kernel's death signal (Linux, `prctl`), and a thread that
    checks the parent every second (any system; it runs between two renders' C calls)."""
    import signal
    import time

    pid, _, main_thread = os.environ.get(_PARENT, "").partition(":")
    parent = int(pid) if pid.isdigit() else os.getppid()
    if main_thread == "1" and sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(0)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main() -> None:
    """The worker: (key, pickled figure) in on stdin, (key, ("ok", export(figure))) out."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # it ends when its caller does (end of stdin)
    _die_with_parent()
    answer = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints go to stderr
    while True:
        try:
            key, pickled = pickle.load(sys.stdin.buffer)
        except (EOFError, pickle.UnpicklingError, OSError, ValueError):
            break  # the caller ended, perhaps in the middle of sending a figure
        try:
            result = ("ok", export(pickle.loads(pickled)))
        except Exception as exc:  # handed back: the caller renders this one itself
            result = ("error", f"{type(exc).__name__}: {exc}")
        try:
            pickle.dump((key, result), answer, protocol=pickle.HIGHEST_PROTOCOL)
            answer.flush()
        except BrokenPipeError:  # the caller has ended
            break


if __name__ == "__main__":
    main()
