#!/usr/bin/env python3
"""Run a local Neo4j Community 5.26 server without Docker (stdlib only).

Jars come from the package registry through Maven (tools/neo4j/pom.xml) into a
cache outside the repository; a tiny Java launcher (tools/neo4j/Launcher.java)
runs the embedded DBMS with Bolt + HTTP on 127.0.0.1.

Command line:
    neo4jctl.py fetch
    neo4jctl.py start [--bolt-port N] [--http-port N] [--data DIR] [--wait SECONDS]
    neo4jctl.py stop | kill | status | env

From Python (e.g. a pytest fixture loading this file with importlib):
    state = ensure_running(home=None, wait=120)   # start or reuse; returns the state dict
    stop(home=None)    # clean shutdown, state file removed; harmless when not running
    kill(home=None)    # SIGKILL, state file removed, data kept (next start recovers)
    status(home=None)  # state dict if running and answering Bolt, else None
State dict keys: pid, pgid, bolt_port, http_port, uri, http_url, browser_url, user,
password, data_dir, log, home, started_at. Failures raise Neo4jCtlError.

A start that fails or is interrupted before it returns (Ctrl-C, SIGTERM, SIGHUP, not ready
in time, any exception) stops the server it spawned (its whole process group), removes the
state file and re-raises; SIGTERM/SIGHUP then raise Neo4jCtlInterrupted (a KeyboardInterrupt).
A server that was already running is never stopped by a failed or interrupted call.

Locations:
    cache (jars, classes, plugins): $KG_NEO4J_CACHE or ~/.cache/kg/neo4j-5.26
    state/data/logs:                $KG_NEO4J_HOME  or <repo>/.neo4j/
Password: $NEO4J_PASSWORD or "kg-local-password" (user "neo4j").
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

__all__ = [
    "Neo4jCtlError",
    "Neo4jCtlInterrupted",
    "cache_dir",
    "home_dir",
    "fetch",
    "start",
    "ensure_running",
    "stop",
    "kill",
    "status",
    "read_state",
    "bolt_ready",
]

TOOL_DIR = Path(__file__).resolve().parent
REPO_DIR = TOOL_DIR.parent.parent
POM = TOOL_DIR / "pom.xml"
LAUNCHER_SRC = TOOL_DIR / "Launcher.java"

HOST = "127.0.0.1"
USER = "neo4j"
DEFAULT_PASSWORD = "kg-local-password"
DEFAULT_WAIT = 120.0
STOP_TIMEOUT = 60.0
MIN_JAVA = 17

STATE_FILE = "state.json"
PORTS_FILE = "ports.json"  # last ports used, reused when free (stable Browser URL)
LOG_FILE = "neo4j.log"
LOCK_FILE = ".lock"


class Neo4jCtlError(RuntimeError):
    """Any failure; the command line prints its message as one line on stderr."""


class Neo4jCtlInterrupted(KeyboardInterrupt):
    """A start stopped by SIGTERM or SIGHUP (Ctrl-C raises a plain KeyboardInterrupt).

    A KeyboardInterrupt, so that pytest and the command line treat it like Ctrl-C (pytest ends
    the session and runs the teardowns) and ``except Exception`` does not swallow it.
    ``signum`` is the signal; the command line exits with 128 + signum."""

    def __init__(self, signum: int):
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum


# --------------------------------------------------------------------------- locations


def cache_dir() -> Path:
    env = os.environ.get("KG_NEO4J_CACHE")
    return Path(env).expanduser().resolve() if env else Path.home() / ".cache" / "kg" / "neo4j-5.26"


def home_dir(home: str | os.PathLike | None = None) -> Path:
    if home is not None:
        return Path(home).expanduser().resolve()
    env = os.environ.get("KG_NEO4J_HOME")
    return Path(env).expanduser().resolve() if env else REPO_DIR / ".neo4j"


def _password() -> str:
    return os.environ.get("NEO4J_PASSWORD") or DEFAULT_PASSWORD


def _say(msg: str) -> None:
    print(f"neo4jctl: {msg}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Exclusive lock (flock) so parallel callers (e.g. pytest-xdist) do not race."""
    directory.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX
        yield
        return
    with open(directory / LOCK_FILE, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- tools


def _java_bin(name: str) -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        cand = Path(java_home) / "bin" / name
        if cand.is_file() and os.access(cand, os.X_OK):
            return str(cand)
    found = shutil.which(name)
    if not found:
        what = "a Java runtime" if name == "java" else "a JDK (javac)"
        raise Neo4jCtlError(f"'{name}' not found: install {what} {MIN_JAVA}+ or set JAVA_HOME")
    return found


def _java_major(java: str) -> int:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except OSError as exc:
        raise Neo4jCtlError(f"cannot run {java}: {exc}") from None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise Neo4jCtlError(f"cannot tell the Java version of {java}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def _java() -> str:
    java = _java_bin("java")
    major = _java_major(java)
    if major < MIN_JAVA:
        raise Neo4jCtlError(f"Java {MIN_JAVA}+ needed for Neo4j 5.26, {java} is Java {major}")
    return java


def _tail(path: Path, lines: int = 20) -> str:
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(text[-lines:])


# --------------------------------------------------------------------------- fetch


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
        h.update(b"\0")
    return h.hexdigest()[:16]


def _paths(cache: Path) -> dict:
    return {
        "lib": cache / "lib",
        "plugins": cache / "plugins",
        "classes": cache / "classes",
        "lib_stamp": cache / "lib" / ".stamp",
        "classes_stamp": cache / "classes" / ".stamp",
    }


def fetch(cache: str | os.PathLike | None = None, verbose: bool = True) -> Path:
    """Download the jars (mvn) and compile Launcher.java into the cache; idempotent."""
    cache = Path(cache).expanduser().resolve() if cache else cache_dir()
    p = _paths(cache)
    say = _say if verbose else (lambda _m: None)
    with _locked(cache):
        lib_key = _digest(POM.read_bytes())
        if p["lib_stamp"].is_file() and p["lib_stamp"].read_text().strip() == lib_key:
            say(f"jars: up to date ({sum(1 for _ in p['lib'].glob('*.jar'))} jars in {p['lib']})")
        else:
            mvn = shutil.which("mvn")
            if not mvn:
                raise Neo4jCtlError("'mvn' (Maven) not found: install Maven to download the Neo4j jars")
            tmp = cache / "lib.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            say(f"jars: mvn dependency:copy-dependencies -> {p['lib']}")
            cmd = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
                   f"-DoutputDirectory={tmp}"]
            try:
                res = subprocess.run(cmd, capture_output=True, text=True)
            except OSError as exc:
                raise Neo4jCtlError(f"cannot run mvn: {exc}") from None
            if res.returncode != 0 or not any(tmp.glob("neo4j-*.jar")):
                out = (res.stdout + res.stderr).strip().splitlines()
                for line in out[-15:]:
                    print(f"  | {line}", file=sys.stderr)
                raise Neo4jCtlError(f"mvn failed (exit {res.returncode}) fetching the Neo4j jars")
            shutil.rmtree(p["lib"], ignore_errors=True)
            tmp.rename(p["lib"])
            p["lib_stamp"].write_text(lib_key + "\n")
            shutil.rmtree(p["classes"], ignore_errors=True)  # recompile against the new jars

        # APOC is loaded from a plugin directory (like a server's plugins/ folder).
        apoc = sorted(p["lib"].glob("apoc-*.jar"))
        have = sorted(x.name for x in p["plugins"].glob("*.jar")) if p["plugins"].is_dir() else []
        if have != [a.name for a in apoc]:
            say(f"plugins: {', '.join(a.name for a in apoc) or 'none'} -> {p['plugins']}")
            shutil.rmtree(p["plugins"], ignore_errors=True)
            p["plugins"].mkdir(parents=True)
            for a in apoc:
                shutil.copy2(a, p["plugins"] / a.name)

        cls_key = _digest(LAUNCHER_SRC.read_bytes(), lib_key.encode())
        if p["classes_stamp"].is_file() and p["classes_stamp"].read_text().strip() == cls_key \
                and (p["classes"] / "Launcher.class").is_file():
            say(f"launcher: up to date ({p['classes']})")
        else:
            javac = _java_bin("javac")
            say(f"launcher: javac Launcher.java -> {p['classes']}")
            shutil.rmtree(p["classes"], ignore_errors=True)
            p["classes"].mkdir(parents=True)
            cmd = [javac, "-nowarn", "-cp", str(p["lib"] / "*"), "-d", str(p["classes"]),
                   str(LAUNCHER_SRC)]
            try:
                res = subprocess.run(cmd, capture_output=True, text=True)
            except OSError as exc:
                raise Neo4jCtlError(f"cannot run javac: {exc}") from None
            if res.returncode != 0:
                for line in (res.stdout + res.stderr).strip().splitlines()[-15:]:
                    print(f"  | {line}", file=sys.stderr)
                raise Neo4jCtlError(f"javac failed (exit {res.returncode}) compiling Launcher.java")
            p["classes_stamp"].write_text(cls_key + "\n")
    return cache


def _fetched(cache: Path) -> bool:
    p = _paths(cache)
    return (p["lib_stamp"].is_file()
            and p["lib_stamp"].read_text().strip() == _digest(POM.read_bytes())
            and (p["classes"] / "Launcher.class").is_file()
            and p["classes_stamp"].is_file())


# --------------------------------------------------------------------------- process helpers


def _pid_alive(pid: int | None) -> bool:
    """True if pid runs (not a zombie) and, on Linux, is our Launcher."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    proc = Path(f"/proc/{pid}")
    if proc.is_dir():
        try:
            stat = (proc / "stat").read_text()
            if stat[stat.rfind(")") + 2:].startswith(("Z", "X")):
                return False
            return b"Launcher" in (proc / "cmdline").read_bytes()
        except OSError:
            return False
    return True


def bolt_ready(port: int, host: str = HOST, timeout: float = 2.0) -> bool:
    """Raw Bolt handshake: magic 0x6060B017 + 4 version proposals; True if the server picks one."""
    proposals = bytes([0, 8, 8, 5,   # 5.8 down to 5.0
                       0, 0, 4, 4,   # 4.4
                       0, 0, 0, 0,
                       0, 0, 0, 0])
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(b"\x60\x60\xb0\x17" + proposals)
            data = b""
            while len(data) < 4:
                chunk = s.recv(4 - len(data))
                if not chunk:
                    return False
                data += chunk
            return data != b"\0\0\0\0"
    except OSError:
        return False


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # like the server (Netty/Jetty): a port left in TIME_WAIT is free, a listener is not
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return False
    return True


def _free_port(exclude: set[int]) -> int:
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((HOST, 0))
            port = s.getsockname()[1]
        if port not in exclude:
            return port
    raise Neo4jCtlError("could not find a free TCP port on 127.0.0.1")


# --------------------------------------------------------------------------- signals during a start

# Signals that end a start: Ctrl-C, kill/systemd/CI cancellation, a closed terminal.
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def _main_thread() -> bool:
    # Python runs signal handlers in the main thread only, and only it may install them.
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While a start runs, a signal whose action is to end the process at once (SIG_DFL:
    SIGTERM, SIGHUP) raises Neo4jCtlInterrupted instead, so that the start can stop what it
    spawned. Python handlers (SIGINT's KeyboardInterrupt, a caller's own) and ignored signals
    are left alone; the previous handlers are back afterwards."""
    active = True

    def interrupted(signum: int, _frame) -> None:
        if active:
            raise Neo4jCtlInterrupted(signum)
        # left installed by a signal that cut the restoring short: act as SIG_DFL would
        signal.signal(signum, signal.SIG_DFL)
        signal.raise_signal(signum)

    saved: dict[int, object] = {}
    if _main_thread():
        for signum in _STOP_SIGNALS:
            with contextlib.suppress(ValueError, OSError):
                if signal.getsignal(signum) == signal.SIG_DFL:
                    saved[signum] = signal.SIG_DFL
                    signal.signal(signum, interrupted)
    try:
        yield
    finally:
        try:
            active = False
        finally:
            for signum, old in saved.items():
                with contextlib.suppress(ValueError, OSError):
                    signal.signal(signum, old)


class _Deferred:
    """Holds back SIGINT/SIGTERM/SIGHUP (those with a Python handler) during a critical section
    -- spawning the server and recording its pid, or stopping it again -- and delivers them
    to their handlers when the section ends. ``pending`` lists the signals held back."""

    def __init__(self) -> None:
        self.pending: list[int] = []
        self._saved: dict[int, Callable] = {}
        self._done = False

    def _hold(self, signum: int, frame) -> None:
        if self._done:  # left installed by a signal that cut the restoring short: forward
            self._saved[signum](signum, frame)
        else:
            self.pending.append(signum)

    def __enter__(self) -> _Deferred:
        if _main_thread():
            for signum in _STOP_SIGNALS:
                with contextlib.suppress(ValueError, OSError):
                    old = signal.getsignal(signum)
                    if callable(old):
                        self._saved[signum] = old
                        signal.signal(signum, self._hold)
        return self

    def __exit__(self, *exc_info) -> bool:
        try:
            self._done = True
        finally:
            for signum, old in self._saved.items():
                with contextlib.suppress(ValueError, OSError):
                    signal.signal(signum, old)
        for signum in self.pending:
            self._saved[signum](signum, None)  # e.g. raises KeyboardInterrupt / Neo4jCtlInterrupted
        return False


# --------------------------------------------------------------------------- state


def read_state(home: str | os.PathLike | None = None) -> dict | None:
    path = home_dir(home) / STATE_FILE
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as fh:
        os.fchmod(fh.fileno(), 0o600)  # holds the (local) password
        json.dump(data, fh, indent=2)
        fh.write("\n")
    tmp.replace(path)


def _remove_state(h: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (h / STATE_FILE).unlink()


def _running_state(h: Path) -> dict | None:
    st = read_state(h)
    if st and _pid_alive(st.get("pid")):
        return st
    return None


def _print_info(st: dict) -> None:
    print(f"NEO4J_URI={st['uri']}")
    print(f"NEO4J_HTTP_URL={st['http_url']}")
    print(f"NEO4J_BROWSER_URL={st['browser_url']}")


# --------------------------------------------------------------------------- start


def _wait_ready(st: dict, log: Path, deadline: float, log_offset: int = 0) -> None:
    pid = st["pid"]
    while True:
        if not _pid_alive(pid):
            raise Neo4jCtlError(f"Neo4j exited during startup; last log lines:\n{_tail(log)}")
        try:
            with open(log, "rb") as fh:
                fh.seek(log_offset)
                text = fh.read().decode(errors="replace")
        except OSError:
            text = ""
        if re.search(r"^ERROR ", text, re.M):
            raise Neo4jCtlError(f"Neo4j launcher failed; last log lines:\n{_tail(log)}")
        if f"READY bolt={st['bolt_port']}" in text and bolt_ready(st["bolt_port"]):
            return
        if time.monotonic() > deadline:
            raise Neo4jCtlError(
                f"Neo4j did not become ready in time (pid {pid}); last log lines:\n{_tail(log)}")
        time.sleep(0.25)


def _jvm_opts(tmp: Path) -> list[str]:
    heap = os.environ.get("KG_NEO4J_HEAP", "512m")
    return [
        # Jetty leaves a temp dir per start: keep them in <home>/tmp (emptied at start).
        f"-Djava.io.tmpdir={tmp}",
        # Small dev/test server: a growable heap and the serial GC keep RSS near 400 MB
        # (G1 with -Xms512m sat at 700-800 MB for the same work).
        "-Xms128m", f"-Xmx{heap}",
        "-XX:+UseSerialGC", "-XX:-OmitStackTraceInFastThrow", "-XX:+DisableExplicitGC",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dlog4j2.disable.jmx=true", "-Dfile.encoding=UTF-8",
        # the same module openings as Neo4j's own start script
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED",
    ]


def start(home: str | os.PathLike | None = None, *, bolt_port: int | None = None,
          http_port: int | None = None, data: str | os.PathLike | None = None,
          wait: float = DEFAULT_WAIT, verbose: bool = True) -> dict:
    """Start the server in the background (or reuse a running one) and wait for Bolt.

    If this call spawns a server and then fails or is interrupted before returning (Ctrl-C,
    SIGTERM, SIGHUP, not ready within ``wait``, any exception), it stops that server (its whole
    process group), removes the state file and re-raises; SIGTERM and SIGHUP (when their
    action was the default one) raise Neo4jCtlInterrupted. A server that was already running
    when the call came is never stopped by it."""
    with _signals_raise():
        return _start(home, bolt_port=bolt_port, http_port=http_port, data=data, wait=wait,
                      verbose=verbose)


def _start(home, *, bolt_port, http_port, data, wait, verbose) -> dict:
    h = home_dir(home)
    say = _say if verbose else (lambda _m: None)
    if len(_password()) < 8:
        raise Neo4jCtlError("NEO4J_PASSWORD must be at least 8 characters (a Neo4j 5 rule)")
    cache = cache_dir()
    if not _fetched(cache):
        fetch(cache, verbose=verbose)
    java = _java()
    h.mkdir(parents=True, exist_ok=True)
    with _locked(h):
        st = _running_state(h)
        if st:
            for name, want, have in (("bolt port", bolt_port, st["bolt_port"]),
                                     ("http port", http_port, st["http_port"])):
                if want is not None and int(want) != have:
                    raise Neo4jCtlError(f"already running with {name} {have} (asked {want}); stop it first")
            if data is not None and str(Path(data).expanduser().resolve()) != st["data_dir"]:
                raise Neo4jCtlError(f"already running with data dir {st['data_dir']}; stop it first")
            if not bolt_ready(st["bolt_port"]):  # still starting (another caller)
                _wait_ready(st, Path(st["log"]), time.monotonic() + wait)
            say(f"already running (pid {st['pid']})")
            return st
        if read_state(h):
            say("removing stale state file (server not running)")
            _remove_state(h)

        data_dir = Path(data).expanduser().resolve() if data else h / "db"
        bolt_port, http_port = _choose_ports(h, bolt_port, http_port)

        log = h / LOG_FILE
        if log.exists():
            log.replace(h / (LOG_FILE + ".1"))
        tmp = h / "tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        p = _paths(cache)
        cmd = [java, *_jvm_opts(tmp),
               "-cp", f"{p['classes']}{os.pathsep}{p['lib'] / '*'}",
               "Launcher",
               "--home", str(data_dir),
               "--bolt-port", str(bolt_port),
               "--http-port", str(http_port),
               "--plugins", str(p["plugins"]),
               "--pagecache", os.environ.get("KG_NEO4J_PAGECACHE", "128m")]
        env = dict(os.environ, NEO4J_PASSWORD=_password())
        spawned: tuple[int, int] | None = None
        try:
            # No signal may land between the fork and knowing the pid: held back until then.
            with _Deferred():
                t0 = time.monotonic()
                spawned = pid, pgid = _spawn_detached(cmd, log, cwd=h, env=env)
                st = {
                    "pid": pid,
                    "pgid": pgid,
                    "bolt_port": bolt_port,
                    "http_port": http_port,
                    "uri": f"bolt://{HOST}:{bolt_port}",
                    "http_url": f"http://{HOST}:{http_port}",
                    "browser_url": f"http://{HOST}:{http_port}/browser/",
                    "user": USER,
                    "password": _password(),
                    "data_dir": str(data_dir),
                    "log": str(log),
                    "home": str(h),
                    "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                }
                _write_json(h / STATE_FILE, st)
            _write_json(h / PORTS_FILE, {"bolt_port": bolt_port, "http_port": http_port})
            say(f"starting Neo4j (pid {pid}, data {data_dir}, log {log})")
            _wait_ready(st, log, t0 + wait)
        except BaseException as exc:
            if spawned:
                _undo_start(h, *spawned, exc, say)
            raise
        say(f"ready in {time.monotonic() - t0:.1f}s")
        return st


def _undo_start(h: Path, pid: int, pgid: int, exc: BaseException, say: Callable[[str], None]) -> None:
    """Stop the server a failed/interrupted start spawned and remove its state file. Signals
    wait until this is done; a second Ctrl-C only turns the SIGTERM into a SIGKILL at once."""
    interrupted = not isinstance(exc, Exception)
    with _Deferred() as held:
        with contextlib.suppress(Exception):  # e.g. stderr gone: still stop the server
            say(f"{'interrupted' if interrupted else 'start failed'}: stopping the server it started (pid {pid})")
        gone = _stop_group(pid, pgid, grace=5 if interrupted else 15, hurry=lambda: bool(held.pending))
        st = read_state(h)
        if gone and st and st.get("pid") == pid:  # if it would not die, `stop`/`kill` still find it
            _remove_state(h)


def _choose_ports(h: Path, bolt_port: int | None, http_port: int | None) -> tuple[int, int]:
    for name, port in (("bolt", bolt_port), ("http", http_port)):
        if port is not None and not _port_free(int(port)):
            raise Neo4jCtlError(f"{name} port {port} on {HOST} is busy")
    if bolt_port is not None and http_port is not None and int(bolt_port) == int(http_port):
        raise Neo4jCtlError("bolt and http ports must differ")
    last = {}
    with contextlib.suppress(OSError, ValueError):
        last = json.loads((h / PORTS_FILE).read_text())
    chosen: dict[str, int] = {}
    for name, port in (("bolt", bolt_port), ("http", http_port)):
        if port is not None:
            chosen[name] = int(port)
            continue
        prev = last.get(f"{name}_port")
        if isinstance(prev, int) and prev not in chosen.values() and _port_free(prev):
            chosen[name] = prev  # same URL as last time when possible
        else:
            chosen[name] = _free_port(set(chosen.values()))
    return chosen["bolt"], chosen["http"]


def _spawn_detached(cmd: list[str], log: Path, cwd: Path, env: dict) -> tuple[int, int]:
    """Start cmd in its own session/process group, detached from us (reaped by init, not by
    this process), stdout+stderr to log. Returns (pid, pgid)."""
    shell = 'exec "$@" </dev/null >>"$LOGFILE" 2>&1'
    launcher = subprocess.Popen(
        ["/bin/sh", "-c", f'({shell}) & echo $!', "sh", *cmd],
        cwd=cwd, env=dict(env, LOGFILE=str(log)), stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, text=True)
    out = err = ""
    try:
        out, err = launcher.communicate(timeout=30)
        pid = int(out.strip())
    except BaseException as exc:
        # Whatever the shell forked is in its process group (pgid = the shell's pid).
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(launcher.pid, signal.SIGKILL)
        launcher.kill()
        launcher.wait()
        if isinstance(exc, ValueError):
            raise Neo4jCtlError(f"could not start java: {err.strip() or out.strip()}") from None
        raise
    return pid, launcher.pid


# --------------------------------------------------------------------------- stop / kill


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        time.sleep(0.1)
    return not _pid_alive(pid)


def _stop_group(pid: int, pgid: int, grace: float, hurry: Callable[[], bool] = lambda: False) -> bool:
    """Stop a server this process spawned: SIGTERM to its process group, SIGKILL after grace
    seconds or as soon as hurry() is true. True once the server process is gone."""

    def send(sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if not _pid_alive(pid):
                return
            if os.getpgid(pid) == pgid:  # the group still holds the server, so pgid is still ours
                os.killpg(pgid, sig)
            else:
                os.kill(pid, sig)

    send(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while _pid_alive(pid):
        if hurry() or time.monotonic() > deadline:
            send(signal.SIGKILL)
            return _wait_gone(pid, 10)
        time.sleep(0.1)
    return True


def _terminate(st: dict, timeout: float = STOP_TIMEOUT) -> str:
    pid = st.get("pid")
    if not _pid_alive(pid):
        return "not running"
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_gone(pid, timeout):
        return "stopped"
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, 10)
    return f"killed (did not stop within {timeout:.0f}s)"


def stop(home: str | os.PathLike | None = None, timeout: float = STOP_TIMEOUT,
         verbose: bool = True) -> bool:
    """SIGTERM (clean shutdown), SIGKILL after timeout; removes the state file.
    Returns True if a server was running."""
    h = home_dir(home)
    st = read_state(h)
    if not st:
        if verbose:
            _say("not running")
        return False
    with _locked(h):
        result = _terminate(st, timeout)
        _remove_state(h)
    if verbose:
        _say(result if result != "not running" else "not running (stale state file removed)")
    return result != "not running"


def kill(home: str | os.PathLike | None = None, verbose: bool = True) -> bool:
    """SIGKILL at once (no shutdown, no checkpoint: the next start recovers from the
    transaction log). The state file is REMOVED; data and log stay. True if it was running."""
    h = home_dir(home)
    st = read_state(h)
    was = bool(st and _pid_alive(st.get("pid")))
    if was:
        with contextlib.suppress(ProcessLookupError):
            os.kill(st["pid"], signal.SIGKILL)
        _wait_gone(st["pid"], 10)
    _remove_state(h)
    if verbose:
        _say(f"killed pid {st['pid']}" if was else "not running")
    return was


def status(home: str | os.PathLike | None = None) -> dict | None:
    """The state dict if the server runs and answers Bolt, else None."""
    st = _running_state(home_dir(home))
    if st and bolt_ready(st["bolt_port"]):
        return st
    return None


def ensure_running(home: str | os.PathLike | None = None, wait: float = DEFAULT_WAIT,
                   **kwargs) -> dict:
    """Start the server unless it already runs; returns the state dict
    (keys: uri, user, password, bolt_port, http_port, pid, pgid, http_url,
    browser_url, data_dir, log, home, started_at). Raises Neo4jCtlError."""
    return start(home, wait=wait, **kwargs)


# --------------------------------------------------------------------------- CLI


def _cmd_status(args) -> int:
    h = home_dir()
    st = read_state(h)
    if st and _pid_alive(st.get("pid")):
        answering = bolt_ready(st["bolt_port"])
        word = "running" if answering else "starting (pid alive, Bolt not answering yet)"
        print(f"{word} uri={st['uri']} http={st['http_url']} pid={st['pid']} data={st['data_dir']}")
        return 0 if answering else 3
    print("not running" + (" (stale state file)" if st else ""))
    return 3


def _cmd_env(args) -> int:
    st = status()
    if not st:
        raise Neo4jCtlError("not running (start it with: neo4jctl.py start)")
    print(f"export NEO4J_URI={shlex.quote(st['uri'])}")
    print(f"export NEO4J_USER={shlex.quote(st['user'])}")
    print(f"export NEO4J_PASSWORD={shlex.quote(st['password'])}")
    print(f"export NEO4J_HTTP_URL={shlex.quote(st['http_url'])}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="neo4jctl.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("fetch", help="download jars (mvn) and compile the launcher into the cache")
    sp = sub.add_parser("start", help="start in the background and wait until Bolt answers")
    sp.add_argument("--bolt-port", type=int)
    sp.add_argument("--http-port", type=int)
    sp.add_argument("--data", help="Neo4j home/data directory (default: <state dir>/db)")
    sp.add_argument("--wait", type=float, default=DEFAULT_WAIT, help="seconds (default 120)")
    sub.add_parser("stop", help="clean shutdown (SIGTERM, SIGKILL after 60 s)")
    sub.add_parser("kill", help="SIGKILL now (crash test); removes the state file")
    sub.add_parser("status", help="exit 0 if running, 3 if not")
    sub.add_parser("env", help="print export lines for eval")
    args = ap.parse_args(argv)
    try:
        if args.cmd == "fetch":
            fetch()
            return 0
        if args.cmd == "start":
            st = start(bolt_port=args.bolt_port, http_port=args.http_port, data=args.data,
                       wait=args.wait)
            _print_info(st)
            return 0
        if args.cmd == "stop":
            stop()
            return 0
        if args.cmd == "kill":
            kill()
            return 0
        if args.cmd == "status":
            return _cmd_status(args)
        if args.cmd == "env":
            return _cmd_env(args)
    except Neo4jCtlError as exc:
        first, _, rest = str(exc).partition("\n")
        print(f"neo4jctl: error: {first}", file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:  # Ctrl-C, or Neo4jCtlInterrupted (SIGTERM/SIGHUP during start)
        signum = getattr(exc, "signum", signal.SIGINT)
        print(f"neo4jctl: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
        return 128 + signum
    except OSError as exc:
        print(f"neo4jctl: error: {exc}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
