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
import json
import os
import re
import shlex
import shutil
import socket
import sys
import time
from pathlib import Path

# Run as a script (tools/neo4j/ is then on sys.path) or loaded by file path with importlib (by the
# tests and bench/tools scripts: nothing is on sys.path): either way the shared helper
# tools/javaproc.py is imported from the tools/ folder.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import javaproc  # noqa: E402

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
# Maximum heap and page cache (KG_NEO4J_HEAP, KG_NEO4J_PAGECACHE override them); docker-compose.yml
# gives the container the same, and bench/neo4j_heap.py measures what a load needs.
DEFAULT_HEAP = "512m"
DEFAULT_PAGECACHE = "128m"

STATE_FILE = "state.json"
PORTS_FILE = "ports.json"  # last ports used, reused when free (stable Browser URL)
LOG_FILE = "neo4j.log"
LOCK_FILE = ".lock"


class Neo4jCtlError(RuntimeError):
    """Any failure; the command line prints its message as one line on stderr."""


class Neo4jCtlInterrupted(javaproc.Interrupted):
    """A start stopped by SIGTERM or SIGHUP (a KeyboardInterrupt; see javaproc.Interrupted)."""


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
    javaproc.sayer("neo4jctl")(msg)


# --------------------------------------------------------------------------- tools


def _java() -> str:
    return javaproc.java(MIN_JAVA, "Neo4j 5.26", Neo4jCtlError)


# --------------------------------------------------------------------------- fetch


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
    with javaproc.locked(cache):
        lib_key = javaproc.fetch_jars(POM, p, Neo4jCtlError, "Neo4j jars", ("neo4j-*.jar",), say)

        # APOC is loaded from a plugin directory (like a server's plugins/ folder).
        apoc = sorted(p["lib"].glob("apoc-*.jar"))
        have = sorted(x.name for x in p["plugins"].glob("*.jar")) if p["plugins"].is_dir() else []
        if have != [a.name for a in apoc]:
            say(f"plugins: {', '.join(a.name for a in apoc) or 'none'} -> {p['plugins']}")
            shutil.rmtree(p["plugins"], ignore_errors=True)
            p["plugins"].mkdir(parents=True)
            for a in apoc:
                shutil.copy2(a, p["plugins"] / a.name)

        key = javaproc.launcher_key(LAUNCHER_SRC, lib_key)
        javaproc.compile_launcher(LAUNCHER_SRC, p, key, min_java=MIN_JAVA, error=Neo4jCtlError, say=say)
    return cache


def _fetched(cache: Path) -> bool:
    return javaproc.cache_current(POM, LAUNCHER_SRC, _paths(cache))


# --------------------------------------------------------------------------- process helpers


def _pid_alive(pid: int | None) -> bool:
    """True if pid runs (not a zombie) and, on Linux, is our Launcher."""
    return javaproc.pid_alive(pid, (b"Launcher",))


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


def _free_port(exclude: set[int]) -> int:
    return javaproc.free_port(exclude, Neo4jCtlError, HOST)


# --------------------------------------------------------------------------- state


def read_state(home: str | os.PathLike | None = None) -> dict | None:
    return javaproc.read_json(home_dir(home) / STATE_FILE)


def _running_state(h: Path) -> dict | None:
    return javaproc.running_state(h / STATE_FILE, _pid_alive)


def _print_info(st: dict) -> None:
    print(f"NEO4J_URI={st['uri']}")
    print(f"NEO4J_HTTP_URL={st['http_url']}")
    print(f"NEO4J_BROWSER_URL={st['browser_url']}")


# --------------------------------------------------------------------------- start


def _wait_ready(st: dict, log: Path, deadline: float, log_offset: int = 0) -> None:
    pid = st["pid"]
    while True:
        if not _pid_alive(pid):
            raise Neo4jCtlError(f"Neo4j exited during startup; last log lines:\n{javaproc.tail(log)}")
        try:
            with open(log, "rb") as fh:
                fh.seek(log_offset)
                text = fh.read().decode(errors="replace")
        except OSError:
            text = ""
        if re.search(r"^ERROR ", text, re.M):
            raise Neo4jCtlError(f"Neo4j launcher failed; last log lines:\n{javaproc.tail(log)}")
        if f"READY bolt={st['bolt_port']}" in text and bolt_ready(st["bolt_port"]):
            return
        if time.monotonic() > deadline:
            raise Neo4jCtlError(
                f"Neo4j did not become ready in time (pid {pid}); last log lines:\n{javaproc.tail(log)}")
        time.sleep(0.25)


def _jvm_opts(tmp: Path) -> list[str]:
    heap = os.environ.get("KG_NEO4J_HEAP", DEFAULT_HEAP)
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
    with javaproc.signals_raise(Neo4jCtlInterrupted):
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
    with javaproc.locked(h):
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
            javaproc.remove_file(h / STATE_FILE)

        data_dir = Path(data).expanduser().resolve() if data else h / "db"
        bolt_port, http_port = _choose_ports(h, bolt_port, http_port)

        log = h / LOG_FILE
        javaproc.rotate_log(log)
        tmp = javaproc.fresh_dir(h / "tmp")
        p = _paths(cache)
        cmd = [java, *_jvm_opts(tmp),
               "-cp", f"{p['classes']}{os.pathsep}{p['lib'] / '*'}",
               "Launcher",
               "--home", str(data_dir),
               "--bolt-port", str(bolt_port),
               "--http-port", str(http_port),
               "--plugins", str(p["plugins"]),
               "--pagecache", os.environ.get("KG_NEO4J_PAGECACHE", DEFAULT_PAGECACHE)]
        env = dict(os.environ, NEO4J_PASSWORD=_password())
        spawned: tuple[int, int] | None = None
        try:
            # No signal may land between the fork and knowing the pid: held back until then.
            with javaproc.Deferred():
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
                javaproc.write_json(h / STATE_FILE, st)
            javaproc.write_json(h / PORTS_FILE, {"bolt_port": bolt_port, "http_port": http_port})
            say(f"starting Neo4j (pid {pid}, data {data_dir}, log {log})")
            _wait_ready(st, log, t0 + wait)
        except BaseException as exc:
            if spawned:
                javaproc.undo_start(h / STATE_FILE, *spawned, exc, say, _pid_alive)
            raise
        say(f"ready in {time.monotonic() - t0:.1f}s")
        return st


def _choose_ports(h: Path, bolt_port: int | None, http_port: int | None) -> tuple[int, int]:
    for name, port in (("bolt", bolt_port), ("http", http_port)):
        if port is not None and not javaproc.port_free(int(port)):
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
        if isinstance(prev, int) and prev not in chosen.values() and javaproc.port_free(prev):
            chosen[name] = prev  # same URL as last time when possible
        else:
            chosen[name] = _free_port(set(chosen.values()))
    return chosen["bolt"], chosen["http"]


def _spawn_detached(cmd: list[str], log: Path, cwd: Path, env: dict) -> tuple[int, int]:
    """Start cmd in its own session/process group, detached from us (reaped by init, not by
    this process), stdout+stderr to log. Returns (pid, pgid)."""
    return javaproc.spawn_detached(cmd, log, cwd, env, Neo4jCtlError)


# --------------------------------------------------------------------------- stop / kill


def stop(home: str | os.PathLike | None = None, timeout: float = STOP_TIMEOUT,
         verbose: bool = True) -> bool:
    """SIGTERM (clean shutdown), SIGKILL after timeout; removes the state file.
    Returns True if a server was running."""
    h = home_dir(home)
    return javaproc.stop_server(h, h / STATE_FILE, timeout, _pid_alive, javaproc.sayer("neo4jctl", verbose))


def kill(home: str | os.PathLike | None = None, verbose: bool = True) -> bool:
    """SIGKILL at once (no shutdown, no checkpoint: the next start recovers from the
    transaction log). The state file is REMOVED; data and log stay. True if it was running."""
    return javaproc.kill_server(home_dir(home) / STATE_FILE, _pid_alive, javaproc.sayer("neo4jctl", verbose))


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
    return javaproc.run_cli("neo4jctl", Neo4jCtlError, {
        "fetch": fetch, "stop": stop, "kill": kill,
        "start": lambda: _print_info(start(bolt_port=args.bolt_port, http_port=args.http_port, data=args.data,
                                           wait=args.wait)),
        "status": lambda: _cmd_status(args), "env": lambda: _cmd_env(args),
    }.get(args.cmd))

if __name__ == "__main__":
    sys.exit(main())
