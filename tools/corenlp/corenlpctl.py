#!/usr/bin/env python3
"""Run a local Stanford CoreNLP 4.5.10 server on 127.0.0.1, on demand (stdlib only).

CoreNLP is GPL v3+: it is never shipped with kg nor copied into the repository. Its jars (the
code and the 474 MB English models) come from Maven Central through Maven (tools/corenlp/pom.xml)
into a cache outside the repository; a small Java launcher (tools/corenlp/Launcher.java) runs
the stock ``StanfordCoreNLPServer`` with every HTTP server it creates bound to 127.0.0.1 (the
stock server has no host option and would listen on every interface).

Command line:
    corenlpctl.py fetch
    corenlpctl.py start [--port N] [--wait SECONDS] [--timeout SECONDS]
    corenlpctl.py stop | kill | status | env

From Python (e.g. a pytest fixture or a benchmark loading this file with importlib):
    state = ensure_running(home=None, wait=180)   # start or reuse; returns the state dict
    stop(home=None)    # clean shutdown, state file removed; harmless when not running
    kill(home=None)    # SIGKILL (a server dying mid-batch), state file removed
    status(home=None)  # state dict if running and answering /ready, else None
    fetched()          # True when the jars, the models and the launcher are in the cache
    downloaded()       # True when the jars and the models are (at most javac is left to run)
State dict keys: pid, pgid, port, url, timeout, log, home, started_at. Failures raise
CoreNLPCtlError.

A start that fails or is interrupted before it returns (Ctrl-C, SIGTERM, SIGHUP, not ready
in time, any exception) stops the server it spawned (its whole process group), removes the
state file and re-raises; SIGTERM/SIGHUP then raise CoreNLPCtlInterrupted (a KeyboardInterrupt).
A server that was already running is never stopped by a failed or interrupted call.

Locations:
    cache (jars, classes): $KG_CORENLP_CACHE or ~/.cache/kg/corenlp-4.5.10
    state/logs:            $KG_CORENLP_HOME  or <repo>/.corenlp/
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# Run as a script (tools/corenlp/ is then on sys.path) or loaded by file path with importlib (by the
# tests and bench scripts: nothing is on sys.path): either way the shared helper tools/javaproc.py
# is imported from the tools/ folder.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import javaproc  # noqa: E402

__all__ = [
    "CoreNLPCtlError",
    "CoreNLPCtlInterrupted",
    "cache_dir",
    "home_dir",
    "fetch",
    "fetched",
    "start",
    "ensure_running",
    "stop",
    "kill",
    "status",
    "read_state",
    "http_ready",
]

TOOL_DIR = Path(__file__).resolve().parent
REPO_DIR = TOOL_DIR.parent.parent
POM = TOOL_DIR / "pom.xml"
LAUNCHER_SRC = TOOL_DIR / "Launcher.java"
VERSION = "4.5.10"
MODELS_JAR = f"stanford-corenlp-{VERSION}-models.jar"
CODE_JAR = f"stanford-corenlp-{VERSION}.jar"

HOST = "127.0.0.1"
DEFAULT_WAIT = 180.0
DEFAULT_TIMEOUT = 60.0
"""Seconds the server may spend on one request before it answers with an error (its -timeout)."""
STOP_TIMEOUT = 30.0
MIN_JAVA = 9  # --add-exports (the module system)
ANNOTATORS = "tokenize,ssplit,pos,lemma,depparse"
"""Loaded at start (-preload), so that the first request does not pay for loading the models."""
# Javac and java both need the JDK's own HTTP server provider, which the launcher wraps.
ADD_EXPORTS = "--add-exports=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED"

STATE_FILE = "state.json"
LOG_FILE = "corenlp.log"
LOCK_FILE = ".lock"


class CoreNLPCtlError(RuntimeError):
    """Any failure; the command line prints its message as one line on stderr."""


class CoreNLPCtlInterrupted(javaproc.Interrupted):
    """A start stopped by SIGTERM or SIGHUP (a KeyboardInterrupt; see javaproc.Interrupted)."""


# --------------------------------------------------------------------------- locations


def cache_dir() -> Path:
    env = os.environ.get("KG_CORENLP_CACHE")
    return Path(env).expanduser().resolve() if env else Path.home() / ".cache" / "kg" / f"corenlp-{VERSION}"


def home_dir(home: str | os.PathLike | None = None) -> Path:
    if home is not None:
        return Path(home).expanduser().resolve()
    env = os.environ.get("KG_CORENLP_HOME")
    return Path(env).expanduser().resolve() if env else REPO_DIR / ".corenlp"


def _say(msg: str) -> None:
    javaproc.sayer("corenlpctl")(msg)


# --------------------------------------------------------------------------- tools


def _java() -> str:
    return javaproc.java(MIN_JAVA, "the CoreNLP launcher", CoreNLPCtlError)


# --------------------------------------------------------------------------- fetch


def _paths(cache: Path) -> dict:
    return {
        "lib": cache / "lib",
        "classes": cache / "classes",
        "lib_stamp": cache / "lib" / ".stamp",
        "classes_stamp": cache / "classes" / ".stamp",
    }


def fetch(cache: str | os.PathLike | None = None, verbose: bool = True) -> Path:
    """Download the jars and the models (mvn) and compile Launcher.java into the cache; idempotent."""
    cache = Path(cache).expanduser().resolve() if cache else cache_dir()
    p = _paths(cache)
    say = _say if verbose else (lambda _m: None)
    with javaproc.locked(cache):
        lib_key = javaproc.fetch_jars(POM, p, CoreNLPCtlError, "CoreNLP jars and models", (MODELS_JAR, CODE_JAR),
                                      say, detail=f" (CoreNLP {VERSION} + 474 MB of models)")

        key = javaproc.launcher_key(LAUNCHER_SRC, lib_key)
        javaproc.compile_launcher(LAUNCHER_SRC, p, key, min_java=MIN_JAVA, error=CoreNLPCtlError, say=say,
                                  javac_opts=(ADD_EXPORTS,))
    return cache


def downloaded(cache: str | os.PathLike | None = None) -> bool:
    """True when the jars and the models are in the cache: at most a javac run is left to do."""
    p = _paths(Path(cache).expanduser().resolve() if cache else cache_dir())
    return ((p["lib"] / MODELS_JAR).is_file() and p["lib_stamp"].is_file()
            and p["lib_stamp"].read_text().strip() == javaproc.digest(POM.read_bytes()))


def fetched(cache: str | os.PathLike | None = None) -> bool:
    """True when the jars, the models and the compiled launcher are in the cache (nothing to download)."""
    cache = Path(cache).expanduser().resolve() if cache else cache_dir()
    p = _paths(cache)
    return (p["lib"] / MODELS_JAR).is_file() and javaproc.cache_current(POM, LAUNCHER_SRC, p)


# --------------------------------------------------------------------------- process helpers


def _pid_alive(pid: int | None) -> bool:
    """True if pid runs (not a zombie) and, on Linux, is our CoreNLP launcher. A JVM's leader
    thread may be a zombie while its other threads still run (and hold the listening socket)
    during the shutdown: gone only when no thread is left."""
    return javaproc.pid_alive(pid, (b"Launcher", b"corenlp"), threads=True)


def http_ready(port: int, host: str = HOST, timeout: float = 2.0) -> bool:
    """True if the server answers GET /ready with 200 (its annotators are loaded)."""
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/ready", timeout=timeout) as r:
            return r.status == 200
    except (OSError, urllib.error.URLError, ValueError):
        return False


def _free_port(exclude: set[int]) -> int:
    return javaproc.free_port(exclude, CoreNLPCtlError, HOST)


# --------------------------------------------------------------------------- state


def read_state(home: str | os.PathLike | None = None) -> dict | None:
    return javaproc.read_json(home_dir(home) / STATE_FILE)


def _running_state(h: Path) -> dict | None:
    return javaproc.running_state(h / STATE_FILE, _pid_alive)


def _print_info(st: dict) -> None:
    print(f"KG_CORENLP_URL={st['url']}")


# --------------------------------------------------------------------------- start


def _wait_ready(st: dict, log: Path, deadline: float) -> None:
    pid = st["pid"]
    while True:
        if not _pid_alive(pid):
            raise CoreNLPCtlError(f"CoreNLP exited during startup; last log lines:\n{javaproc.tail(log)}")
        try:
            text = log.read_text(errors="replace")
        except OSError:
            text = ""
        if re.search(r"^ERROR ", text, re.M):
            raise CoreNLPCtlError(f"CoreNLP launcher failed; last log lines:\n{javaproc.tail(log)}")
        if f"READY port={st['port']} address={HOST}" in text and http_ready(st["port"]):
            return
        if time.monotonic() > deadline:
            raise CoreNLPCtlError(
                f"CoreNLP did not become ready in time (pid {pid}); last log lines:\n{javaproc.tail(log)}")
        time.sleep(0.25)


def _jvm_opts(tmp: Path) -> list[str]:
    heap = os.environ.get("KG_CORENLP_HEAP", "3g")
    return [
        # the server writes its shutdown key file to java.io.tmpdir: keep it in <home>/tmp
        f"-Djava.io.tmpdir={tmp}",
        f"-Xmx{heap}", "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow",
        # an IPv4 socket on 127.0.0.1 (not a dual-stack one on ::ffff:127.0.0.1)
        "-Djava.net.preferIPv4Stack=true",
        "-Dfile.encoding=UTF-8",
        ADD_EXPORTS,
    ]


def start(home: str | os.PathLike | None = None, *, port: int | None = None, wait: float = DEFAULT_WAIT,
          timeout: float = DEFAULT_TIMEOUT, verbose: bool = True) -> dict:
    """Start the server in the background (or reuse a running one) and wait until /ready answers.

    ``timeout`` is the server's limit per request, in seconds. If this call spawns a server and
    then fails or is interrupted before returning (Ctrl-C, SIGTERM, SIGHUP, not ready within
    ``wait``, any exception), it stops that server (its whole process group), removes the state
    file and re-raises; SIGTERM and SIGHUP (when their action was the default one) raise
    CoreNLPCtlInterrupted. A server that was already running when the call came is never
    stopped by it."""
    with javaproc.signals_raise(CoreNLPCtlInterrupted):
        return _start(home, port=port, wait=wait, timeout=timeout, verbose=verbose)


def _start(home, *, port, wait, timeout, verbose) -> dict:
    h = home_dir(home)
    say = _say if verbose else (lambda _m: None)
    java = _java()
    cache = cache_dir()
    if not fetched(cache):
        fetch(cache, verbose=verbose)
    h.mkdir(parents=True, exist_ok=True)
    with javaproc.locked(h):
        st = _running_state(h)
        if st:
            if port is not None and int(port) != st["port"]:
                raise CoreNLPCtlError(f"already running on port {st['port']} (asked {port}); stop it first")
            if not http_ready(st["port"]):  # still starting (another caller)
                _wait_ready(st, Path(st["log"]), time.monotonic() + wait)
            say(f"already running (pid {st['pid']})")
            return st
        if read_state(h):
            say("removing stale state file (server not running)")
            javaproc.remove_file(h / STATE_FILE)
        if port is not None and not javaproc.port_free(int(port)):
            raise CoreNLPCtlError(f"port {port} on {HOST} is busy")
        port = int(port) if port is not None else _free_port(set())

        log = h / LOG_FILE
        javaproc.rotate_log(log)
        tmp = javaproc.fresh_dir(h / "tmp")
        p = _paths(cache)
        cmd = [java, *_jvm_opts(tmp),
               "-cp", f"{p['classes']}{os.pathsep}{p['lib'] / '*'}",
               "Launcher",
               "-port", str(port),
               "-timeout", str(int(timeout * 1000)),
               "-preload", ANNOTATORS,
               "-quiet"]
        spawned: tuple[int, int] | None = None
        try:
            # No signal may land between the fork and knowing the pid: held back until then.
            with javaproc.Deferred():
                t0 = time.monotonic()
                spawned = pid, pgid = _spawn_detached(cmd, log, cwd=h, env=dict(os.environ))
                st = {
                    "pid": pid,
                    "pgid": pgid,
                    "port": port,
                    "url": f"http://{HOST}:{port}",
                    "timeout": timeout,
                    "log": str(log),
                    "home": str(h),
                    "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                }
                javaproc.write_json(h / STATE_FILE, st)
            say(f"starting CoreNLP {VERSION} (pid {pid}, port {port}, log {log})")
            _wait_ready(st, log, t0 + wait)
        except BaseException as exc:
            if spawned:
                javaproc.undo_start(h / STATE_FILE, *spawned, exc, say, _pid_alive)
            raise
        say(f"ready in {time.monotonic() - t0:.1f}s")
        return st


def _spawn_detached(cmd: list[str], log: Path, cwd: Path, env: dict) -> tuple[int, int]:
    """Start cmd in its own session/process group, detached from us (reaped by init, not by
    this process), stdout+stderr to log. Returns (pid, pgid)."""
    return javaproc.spawn_detached(cmd, log, cwd, env, CoreNLPCtlError)


# --------------------------------------------------------------------------- stop / kill


def stop(home: str | os.PathLike | None = None, timeout: float = STOP_TIMEOUT,
         verbose: bool = True) -> bool:
    """SIGTERM (clean shutdown), SIGKILL after timeout; removes the state file.
    Returns True if a server was running."""
    h = home_dir(home)
    return javaproc.stop_server(h, h / STATE_FILE, timeout, _pid_alive, javaproc.sayer("corenlpctl", verbose))


def kill(home: str | os.PathLike | None = None, verbose: bool = True) -> bool:
    """SIGKILL at once (e.g. to test a server dying mid-batch). The state file is REMOVED, the log
    stays. True if it was running."""
    return javaproc.kill_server(home_dir(home) / STATE_FILE, _pid_alive, javaproc.sayer("corenlpctl", verbose))


def status(home: str | os.PathLike | None = None) -> dict | None:
    """The state dict if the server runs and answers /ready, else None."""
    st = _running_state(home_dir(home))
    if st and http_ready(st["port"]):
        return st
    return None


def ensure_running(home: str | os.PathLike | None = None, wait: float = DEFAULT_WAIT, **kwargs) -> dict:
    """Start the server unless it already runs; returns the state dict
    (keys: pid, pgid, port, url, timeout, log, home, started_at). Raises CoreNLPCtlError."""
    return start(home, wait=wait, **kwargs)


# --------------------------------------------------------------------------- CLI


def _cmd_status(args) -> int:
    h = home_dir()
    st = read_state(h)
    if st and _pid_alive(st.get("pid")):
        answering = http_ready(st["port"])
        word = "running" if answering else "starting (pid alive, /ready not answering yet)"
        print(f"{word} url={st['url']} pid={st['pid']}")
        return 0 if answering else 3
    print("not running" + (" (stale state file)" if st else ""))
    return 3


def _cmd_env(args) -> int:
    st = status()
    if not st:
        raise CoreNLPCtlError("not running (start it with: corenlpctl.py start)")
    print(f"export KG_CORENLP_URL={shlex.quote(st['url'])}")
    print(f"export KG_CORENLP_TIMEOUT={shlex.quote(str(st['timeout']))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="corenlpctl.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("fetch", help="download jars and models (mvn) and compile the launcher into the cache")
    sp = sub.add_parser("start", help="start in the background and wait until /ready answers")
    sp.add_argument("--port", type=int)
    sp.add_argument("--wait", type=float, default=DEFAULT_WAIT, help=f"seconds (default {DEFAULT_WAIT:.0f})")
    sp.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help=f"seconds per request before the server gives up (default {DEFAULT_TIMEOUT:.0f})")
    sub.add_parser("stop", help=f"clean shutdown (SIGTERM, SIGKILL after {STOP_TIMEOUT:.0f} s)")
    sub.add_parser("kill", help="SIGKILL now; removes the state file")
    sub.add_parser("status", help="exit 0 if running, 3 if not")
    sub.add_parser("env", help="print export lines for eval")
    args = ap.parse_args(argv)
    return javaproc.run_cli("corenlpctl", CoreNLPCtlError, {
        "start": lambda: _print_info(start(port=args.port, wait=args.wait, timeout=args.timeout)),
        "fetch": fetch, "stop": stop, "kill": kill, "status": lambda: _cmd_status(args), "env": lambda: _cmd_env(args),
    }.get(args.cmd))

if __name__ == "__main__":
    sys.exit(main())
