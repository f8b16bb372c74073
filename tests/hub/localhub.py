"""A real JupyterHub on 127.0.0.1 for the hub test and the load benchmark.

:class:`LocalHub` starts ``jupyterhub`` from the hub's environment (``deploy/envs/hub``) with
``tests/hub/jupyterhub_test_config.py`` (the deployed configuration with a local spawner) and
the proxy from ``deploy/node_modules``, on free loopback ports, and drives it as a student's
browser and an instructor's scripts would: the hub's REST API, each server's Jupyter API,
nbgitpuller's pull, and code run in a kernel over the kernel's websocket.  :meth:`LocalHub.stop`
ends the hub and every process it started (servers, kernels, proxy), by process id.

:func:`course_upstream` makes the course repository the links point at: a clone of this
checkout in a temporary folder, on a branch named ``course``, reached by a ``file://`` address.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
HUB_ENV = DEPLOY / "envs" / "hub"
USER_ENV = DEPLOY / "envs" / "user"
PROXY = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
TEST_CONFIG = Path(__file__).resolve().parent / "jupyterhub_test_config.py"
BRANCH = "course"


class KernelRestarted(RuntimeError):
    """The kernel restarted or died while running code (the code did not finish)."""


def missing_components() -> list[str]:
    """What ``make hub-setup`` has not installed yet (empty when a hub can start)."""
    wanted = {
        "the hub's environment (deploy/envs/hub)": HUB_ENV / "bin" / "jupyterhub",
        "the students' environment (deploy/envs/user)": USER_ENV / "bin" / "jupyterhub-singleuser",
        "configurable-http-proxy (deploy/node_modules)": PROXY,
    }
    return [name for name, path in wanted.items() if not path.exists()]


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def course_upstream(folder: Path) -> tuple[str, Path]:
    """Clone this checkout into ``folder/course`` on branch ``course``; return its file:// URL and path."""
    path = folder / "course"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(path)], check=True)
    git("checkout", "--quiet", "-B", BRANCH, cwd=path)
    git("config", "user.email", "instructor@example.org", cwd=path)
    git("config", "user.name", "Instructor", cwd=path)
    return path.as_uri(), path


@dataclass
class LocalHub:
    workdir: Path
    url: str = ""
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen | None = None
    started: dict[int, float] = field(default_factory=dict)  # pid -> start time (never kill a reused pid)

    @property
    def homes(self) -> Path:
        return self.workdir / "homes"

    @property
    def handin(self) -> Path:
        return self.workdir / "handin"

    # --- life cycle ------------------------------------------------------------------------
    def start(self, timeout: float = 120) -> LocalHub:
        self.homes.mkdir(parents=True, exist_ok=True)
        # The hand-in folder as on a real hub: anyone may add a file, nobody may list the folder
        # or replace another's file (sticky bit).  Root ignores modes, so the test checks the
        # mode itself and the per-student file names.
        self.handin.mkdir(exist_ok=True)
        self.handin.chmod(0o1733)
        public, hub, proxy_api = free_ports(3)
        self.url = f"http://127.0.0.1:{public}"
        env = dict(os.environ)
        env.update(
            COURSE_HUB_TEST_PORTS=f"{public},{hub},{proxy_api}",
            COURSE_HUB_TEST_HOMES=str(self.homes),
            COURSE_HUB_TEST_TOKEN=self.token,
            COURSE_HUB_STATE=str(self.workdir / "state"),
            COURSE_HUB_USER_ENV=str(USER_ENV),
            COURSE_HANDIN_DIR=str(self.handin),
            COURSE_HUB_ADMINS="instructor",
            PATH=f"{HUB_ENV / 'bin'}:{env.get('PATH', '')}",
        )
        for name in ("VIRTUAL_ENV", "PYTHONPATH", "JUPYTER_PATH", "JUPYTER_CONFIG_DIR", "BOOKQUIZ_INSTRUCTOR"):
            env.pop(name, None)
        self.log = (self.workdir / "jupyterhub.log").open("w")
        self.process = subprocess.Popen(
            [str(HUB_ENV / "bin" / "jupyterhub"), "-f", str(TEST_CONFIG)],
            cwd=self.workdir,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.started[self.process.pid] = psutil.Process(self.process.pid).create_time()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"JupyterHub did not answer within {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        self.log.flush()
        return "\n".join((self.workdir / "jupyterhub.log").read_text(errors="replace").splitlines()[-lines:])

    def remember_children(self) -> None:
        """Note every process the hub has started so far (servers, kernels, proxy) for :meth:`stop`."""
        if self.process and self.process.poll() is None:
            for child in psutil.Process(self.process.pid).children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess):
                    self.started[child.pid] = child.create_time()

    def ours(self) -> list[psutil.Process]:
        """The processes started by this hub that are still alive (same pid and start time)."""
        alive = []
        for pid, created in self.started.items():
            try:
                proc = psutil.Process(pid)
                if proc.create_time() == created and proc.status() != psutil.STATUS_ZOMBIE:
                    alive.append(proc)
            except psutil.NoSuchProcess:
                pass
        return alive

    def stop(self) -> None:
        """Stop the hub (which stops the servers it spawned), then end anything of ours still running."""
        if self.process is None:
            return
        self.remember_children()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for proc in self.ours():
            try:
                proc.kill()
                proc.wait(timeout=10)
            except (psutil.NoSuchProcess, psutil.TimeoutExpired):
                pass
        self.log.close()
        self.process = None

    def still_running(self) -> list[int]:
        return [proc.pid for proc in self.ours()]

    # --- the hub's REST API ----------------------------------------------------------------
    def api(self, method: str, path: str, *, token: str | None = None, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {token or self.token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs)

    def create_user(self, name: str) -> None:
        response = self.api("POST", f"/users/{name}")
        if response.status_code not in (201, 409):
            response.raise_for_status()

    def start_server(self, name: str, timeout: float = 300) -> float:
        """Ask the hub to start ``name``'s server; return the seconds until it answers."""
        began = time.monotonic()
        response = self.api("POST", f"/users/{name}/server")
        if response.status_code not in (201, 202, 400):  # 400: already running
            response.raise_for_status()
        while time.monotonic() - began < timeout:
            user = self.api("GET", f"/users/{name}").json()
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                return time.monotonic() - began
            time.sleep(0.25)
        raise TimeoutError(f"{name}'s server was not ready within {timeout} s:\n{self.log_tail()}")

    def user_token(self, name: str) -> str:
        response = self.api("POST", f"/users/{name}/tokens", json={"note": "course hub test", "expires_in": 3600})
        response.raise_for_status()
        return response.json()["token"]

    # --- a student's server ----------------------------------------------------------------
    def server(self, name: str, method: str, path: str, *, token: str | None = None, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {token or self.token}"}
        kwargs.setdefault("timeout", 120)
        return requests.request(method, f"{self.url}/user/{name}{path}", headers=headers, **kwargs)

    def pull(self, name: str, repo: str, *, branch: str = BRANCH, targetpath: str = "course", timeout: float = 300):
        """Run nbgitpuller in ``name``'s server as a link would (its event stream); return its log."""
        query = urlencode({"repo": repo, "branch": branch, "targetpath": targetpath})
        lines = []
        with self.server(name, "GET", f"/git-pull/api?{query}", stream=True, timeout=timeout) as response:
            response.raise_for_status()
            for raw in response.iter_lines(decode_unicode=True):
                if not raw or not raw.startswith("data:"):
                    continue
                event = json.loads(raw[5:])
                if event.get("phase") == "error":
                    raise RuntimeError(f"nbgitpuller failed for {name}: {event.get('message')}\n{event.get('output')}")
                lines.append(event.get("output", ""))
                if event.get("phase") == "finished":
                    return "".join(lines)
        raise RuntimeError(f"nbgitpuller's stream for {name} ended without finishing:\n{''.join(lines)}")

    def open_session(self, name: str, notebook: str) -> str:
        """Start a kernel for ``notebook`` (path in the student's home) as JupyterLab does; return its id."""
        body = {"path": notebook, "name": Path(notebook).name, "type": "notebook", "kernel": {"name": "python3"}}
        response = self.server(name, "POST", "/api/sessions", json=body)
        response.raise_for_status()
        return response.json()["kernel"]["id"]

    def kernel_of(self, name: str, notebook: str, *, token: str | None = None) -> str:
        sessions = self.server(name, "GET", "/api/sessions", token=token).json()
        for session in sessions:
            if session["path"] == notebook:
                return session["kernel"]["id"]
        raise LookupError(f"{name} has no kernel for {notebook}: {[s['path'] for s in sessions]}")

    def run(self, name: str, kernel: str, code: str, *, timeout: float = 300, token: str | None = None) -> str:
        """Run ``code`` in a kernel of ``name``'s server; return what it printed.

        Raises :class:`KernelRestarted` when the kernel restarts or dies while the code runs (what
        a student sees as "kernel restarting": the code is lost and must be run again), and
        RuntimeError on an error in the code.
        """
        ws_url = self.url.replace("http://", "ws://") + f"/user/{name}/api/kernels/{kernel}/channels"
        connection = websocket.create_connection(
            ws_url, header=[f"Authorization: token {token or self.token}"], timeout=timeout
        )
        connection.settimeout(5)
        try:
            msg_id = uuid.uuid4().hex
            connection.send(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "username": "course-test",
                            "session": uuid.uuid4().hex,
                            "msg_type": "execute_request",
                            "version": "5.3",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "content": {"code": code, "silent": False, "store_history": False, "allow_stdin": False},
                        "channel": "shell",
                    }
                )
            )
            printed, deadline = [], time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    message = json.loads(connection.recv())
                except websocket.WebSocketTimeoutException:
                    continue
                except websocket.WebSocketConnectionClosedException:
                    raise KernelRestarted(f"{name}'s server closed the kernel's connection") from None
                kind = message["msg_type"]
                if kind == "status" and message["content"]["execution_state"] in ("restarting", "dead"):
                    raise KernelRestarted(f"{name}'s kernel {message['content']['execution_state']}")
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if kind == "stream":
                    printed.append(message["content"]["text"])
                elif kind == "error":
                    content = message["content"]
                    raise RuntimeError(f"{name}'s kernel: {content['ename']}: {content['evalue']}")
                elif kind == "status" and message["content"]["execution_state"] == "idle":
                    return "".join(printed)
            raise TimeoutError(f"{name}'s kernel did not finish within {timeout} s")
        finally:
            connection.close()

    def wait_for_kernel(self, name: str, notebook: str, kernel: str, timeout: float = 60) -> str:
        """After a restart: the kernel's id once it is idle again; a kernel that stays dead or busy
        is shut down and the notebook gets a new one, as a student would do from JupyterLab."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = self.server(name, "GET", f"/api/kernels/{kernel}")
            if response.status_code == 404:
                break
            if response.ok and response.json().get("execution_state") == "idle":
                return kernel
            time.sleep(2)
        self.server(name, "DELETE", f"/api/kernels/{kernel}")
        return self.open_session(name, notebook)

    # --- memory ----------------------------------------------------------------------------
    def memory_by_user(self) -> dict[str, dict[str, float]]:
        """Resident memory (MiB) of each student's server and kernels, and the CPU seconds they have
        used so far (``cpu_s``), from the processes' own environment."""
        self.remember_children()
        usage: dict[str, dict[str, float]] = {}
        for proc in self.ours():
            try:
                user = proc.environ().get("JUPYTERHUB_USER")
                if not user:
                    continue
                rss = proc.memory_info().rss / 2**20
                kind = "kernel" if "ipykernel" in " ".join(proc.cmdline()) else "server"
                times = proc.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            entry = usage.setdefault(user, {"server": 0.0, "kernel": 0.0, "cpu_s": 0.0})
            entry[kind] += rss
            entry["cpu_s"] += times.user + times.system
        return usage

    def own_memory(self) -> dict[str, float]:
        """Resident memory (MiB) of the hub and the proxy."""
        self.remember_children()
        result = {"hub": 0.0, "proxy": 0.0}
        for proc in self.ours():
            try:
                line = " ".join(proc.cmdline())
                if "JUPYTERHUB_USER" in proc.environ():
                    continue
                rss = proc.memory_info().rss / 2**20
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            if "configurable-http-proxy" in line:
                result["proxy"] += rss
            elif "jupyterhub" in line:
                result["hub"] += rss
        return result
