"""A private JupyterLab server for the end-to-end test (tests/test_lab_e2e.py).

`start()` runs `python -m jupyter lab` on 127.0.0.1 with a port chosen by the OS, a fresh random
token and throw-away Jupyter config, runtime, data and settings folders, so that nothing of the
user's own set-up (in ~/.jupyter, ~/.local/share/jupyter) changes what the test sees and nothing
is written there. The settings overrides given to `start()` are the lab's defaults for that run.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


class LabServerError(RuntimeError):
    """The server did not start, or did not answer in time; the message ends with its log."""


@dataclass
class LabServer:
    base_url: str  # http://127.0.0.1:<port>
    token: str
    root_dir: Path
    process: subprocess.Popen
    log_path: Path

    def lab_url(self, notebook: str) -> str:
        """The address that opens `notebook` (relative to root_dir) in JupyterLab, logged in.

        `reset` starts from an empty workspace: without it the lab would reopen every notebook
        a previous page had open (the layout is saved on the server).
        """
        return f"{self.base_url}/lab/tree/{quote(notebook)}?reset&token={self.token}"

    def api(self, method: str, path: str, timeout: float = 10):
        """Call the REST API (`/api/...`) with the token; the decoded JSON answer, or None."""
        request = urllib.request.Request(
            self.base_url + path,
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every running kernel (the browser page leaves them running)."""
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}", timeout=30)

    def log(self, tail: int = 4000) -> str:
        """The last `tail` characters of the server's output (stdout and stderr)."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-tail:]
        except OSError:
            return ""

    def stop(self, timeout: float = 10) -> None:
        """Stop the server and its kernels: SIGTERM, then SIGKILL after `timeout` seconds."""
        # The server runs in its own process group (start_new_session), its kernels with it.
        if self.process.poll() is None:
            _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)
        # kernels left behind by a server that was killed or crashed
        _signal_group(self.process.pid, signal.SIGKILL)


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass  # the group is empty: every process in it has ended


def start(
    workdir: Path, root_dir: Path, *, overrides: dict | None = None, timeout: float = 60
) -> LabServer:
    """Start JupyterLab serving `root_dir`; its private folders and log go in `workdir`.

    Returns once `/api/status` answers; raises LabServerError (with the server's log) when the
    server exits or does not answer within `timeout` seconds. The caller must call `stop()`.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    dirs = {
        name: workdir / name
        for name in ("config", "runtime", "data", "ipython", "app-settings", "user-settings",
                     "workspaces")
    }  # fmt: skip
    for d in dirs.values():
        d.mkdir(exist_ok=True)
    # Overrides are read from <app_settings_dir>/overrides.json; the default app settings dir
    # is inside the virtualenv (sys.prefix/share/jupyter/lab/settings), so it is moved here.
    (dirs["app-settings"] / "overrides.json").write_text(
        json.dumps(overrides or {}, indent=2), encoding="utf-8"
    )
    token = secrets.token_urlsafe(32)
    env = {
        **os.environ,
        "JUPYTER_TOKEN": token,  # in the environment, not on the command line (ps shows that)
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "JUPYTER_DATA_DIR": str(dirs["data"]),
        "IPYTHONDIR": str(dirs["ipython"]),
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH"):  # no extra folders from the caller
        env.pop(name, None)
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port=0",  # the OS picks a free port; read back from the server info file
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root_dir}",
        "--ServerApp.terminals_enabled=False",
        f"--LabApp.app_settings_dir={dirs['app-settings']}",
        f"--LabApp.user_settings_dir={dirs['user-settings']}",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        # no announcements and no update check: they would fetch from the internet
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",  # the default one searches PyPI
    ]  # fmt: skip
    if os.geteuid() == 0:  # containers and CI runners often run as root
        command.append("--allow-root")
    log_path = workdir / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=root_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends the kernels too
        )
    server = LabServer("", token, root_dir, process, log_path)
    try:
        server.base_url = _wait_until_ready(server, dirs["runtime"], time.monotonic() + timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: LabServer, runtime_dir: Path, deadline: float) -> str:
    """The server's base URL, once it answers /api/status with the token."""
    base_url = None
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise LabServerError(
                f"JupyterLab exited with status {server.process.returncode}:\n{server.log()}"
            )
        if base_url is None:
            # jpserver-<pid>.json is written once the port is bound; ours is the only server
            # using this runtime folder.
            for info_file in runtime_dir.glob("jpserver-*.json"):
                try:
                    info = json.loads(info_file.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue  # being written
                base_url = f"http://127.0.0.1:{info['port']}"
        if base_url is not None:
            server.base_url = base_url
            try:
                status = server.api("GET", "/api/status", timeout=2)
            except (OSError, ValueError) as err:  # refused, HTTP error (URLError), bad JSON
                last_error = err
            else:
                if isinstance(status, dict) and "started" in status:
                    return base_url
        time.sleep(0.2)
    raise LabServerError(
        f"JupyterLab did not answer in time (last error: {last_error!r}):\n{server.log()}"
    )
