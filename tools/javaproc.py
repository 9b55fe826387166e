"""What the local Java server launchers share (stdlib only): tools/neo4j/neo4jctl.py and
tools/corenlp/corenlpctl.py.

Both run a Java server in the background on 127.0.0.1, detached from the caller, record it in a
state file and stop it again; a start that fails or is interrupted stops what it spawned. This
module holds the mechanics: a file lock, finding Java and its version, fetching jars with Maven
and compiling a launcher, checking a pid, free ports, signals during a start, the state file,
the detached spawn and stopping a process group. Each launcher keeps its own names, messages
and exception classes and passes them in (``error=``: the exception class to raise).

Plain functions and small classes; nothing here is specific to one server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

HOST = "127.0.0.1"
LOCK_FILE = ".lock"

Alive = Callable[[int | None], bool]
"""A launcher's pid check: True if the pid runs (not a zombie) and is that launcher's server."""


# --------------------------------------------------------------------------- output and locks


def sayer(prog: str, verbose: bool = True) -> Callable[[str], None]:
    """A function printing ``<prog>: <msg>`` on stderr (or nothing when not verbose)."""
    if not verbose:
        return lambda _m: None
    return lambda msg: print(f"{prog}: {msg}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def locked(directory: Path, lock_file: str = LOCK_FILE) -> Iterator[None]:
    """Exclusive lock (flock) so parallel callers (e.g. pytest-xdist) do not race."""
    directory.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - non-POSIX
        yield
        return
    with open(directory / lock_file, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def tail(path: Path, lines: int = 20) -> str:
    """The last lines of a log file, or "(no log)"."""
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(text[-lines:])


def digest(*parts: bytes) -> str:
    """A short stable hash of the parts (cache stamps)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
        h.update(b"\0")
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------- Java


def java_bin(name: str, min_java: int, error: type[Exception]) -> str:
    """Path of the JDK tool ``name`` (java, javac): $JAVA_HOME/bin first, then PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        cand = Path(java_home) / "bin" / name
        if cand.is_file() and os.access(cand, os.X_OK):
            return str(cand)
    found = shutil.which(name)
    if not found:
        what = "a Java runtime" if name == "java" else "a JDK (javac)"
        raise error(f"'{name}' not found: install {what} {min_java}+ or set JAVA_HOME")
    return found


def java_major(java: str, error: type[Exception]) -> int:
    """The major version of a java binary (8 for "1.8.0", 17 for "17.0.2")."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except OSError as exc:
        raise error(f"cannot run {java}: {exc}") from None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise error(f"cannot tell the Java version of {java}")
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def java(min_java: int, needed_for: str, error: type[Exception]) -> str:
    """The java binary, checked to be at least ``min_java`` ("Java N+ needed for <needed_for>")."""
    path = java_bin("java", min_java, error)
    major = java_major(path, error)
    if major < min_java:
        raise error(f"Java {min_java}+ needed for {needed_for}, {path} is Java {major}")
    return path


def _print_tool_output(res: subprocess.CompletedProcess) -> None:
    for line in (res.stdout + res.stderr).strip().splitlines()[-15:]:
        print(f"  | {line}", file=sys.stderr)


def mvn_copy_dependencies(pom: Path, out_dir: Path, error: type[Exception],
                          missing: str) -> subprocess.CompletedProcess:
    """``mvn dependency:copy-dependencies`` of pom into out_dir; ``missing`` ends the message when
    Maven is not installed ("... install Maven to <missing>"). The caller checks the result."""
    mvn = shutil.which("mvn")
    if not mvn:
        raise error(f"'mvn' (Maven) not found: install Maven to {missing}")
    cmd = [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies", f"-DoutputDirectory={out_dir}"]
    try:
        return subprocess.run(cmd, capture_output=True, text=True)
    except OSError as exc:
        raise error(f"cannot run mvn: {exc}") from None


def mvn_failed(res: subprocess.CompletedProcess, error: type[Exception], message: str) -> Exception:
    """Print Maven's last output lines on stderr; the error to raise (message + exit code inserted)."""
    _print_tool_output(res)
    return error(message.format(code=res.returncode))


def fetch_jars(pom: Path, paths: dict, error: type[Exception], what: str, expect: tuple[str, ...],
               say: Callable[[str], None], detail: str = "") -> str:
    """Copy the jars ``pom`` asks for into ``paths["lib"]`` with Maven, unless its stamp says they
    are there and the files ``expect`` names are; returns the stamp (the pom's digest).

    The copy goes to a temporary folder that replaces ``lib`` only when Maven succeeded and every
    name in ``expect`` (globs) is there; the compiled classes are then removed, to be compiled
    again against the new jars. ``what`` names the download in messages ("the Neo4j jars")."""
    lib, stamp = paths["lib"], paths["lib_stamp"]
    lib_key = digest(pom.read_bytes())
    if stamp.is_file() and stamp.read_text().strip() == lib_key and all(any(lib.glob(e)) for e in expect):
        say(f"jars: up to date ({sum(1 for _ in lib.glob('*.jar'))} jars in {lib})")
        return lib_key
    if not shutil.which("mvn"):
        raise error(f"'mvn' (Maven) not found: install Maven to download the {what}")
    tmp = lib.parent / "lib.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    say(f"jars: mvn dependency:copy-dependencies -> {lib}{detail}")
    res = mvn_copy_dependencies(pom, tmp, error, f"download the {what}")
    if res.returncode != 0 or not all(any(tmp.glob(e)) for e in expect):
        failure = mvn_failed(res, error, f"mvn failed (exit {{code}}) fetching the {what} "
                                         "(is Maven Central reachable?)")
        shutil.rmtree(tmp, ignore_errors=True)
        raise failure
    shutil.rmtree(lib, ignore_errors=True)
    tmp.rename(lib)
    stamp.write_text(lib_key + "\n")
    shutil.rmtree(paths["classes"], ignore_errors=True)  # recompile against the new jars
    return lib_key


def launcher_key(src: Path, lib_key: str) -> str:
    """Stamp of the compiled launcher: its source and the jar set it was compiled against."""
    return digest(src.read_bytes(), lib_key.encode())


def cache_current(pom: Path, src: Path, paths: dict) -> bool:
    """True when paths["lib"] holds the jars pom asks for and paths["classes"] holds src compiled
    against them (an edited Launcher.java or pom.xml makes it False, so the next start rebuilds)."""
    lib_key = digest(pom.read_bytes())
    stamps = (paths["lib_stamp"], paths["classes_stamp"])
    if not all(s.is_file() for s in stamps) or not (paths["classes"] / "Launcher.class").is_file():
        return False
    return (stamps[0].read_text().strip() == lib_key
            and stamps[1].read_text().strip() == launcher_key(src, lib_key))


def compile_launcher(src: Path, paths: dict, key: str, *, min_java: int, error: type[Exception],
                     say: Callable[[str], None], javac_opts: tuple[str, ...] = ()) -> None:
    """Compile src (Launcher.java) against paths["lib"]/* into paths["classes"] unless the stamp
    paths["classes_stamp"] already holds key and Launcher.class exists."""
    classes, stamp = paths["classes"], paths["classes_stamp"]
    if stamp.is_file() and stamp.read_text().strip() == key and (classes / "Launcher.class").is_file():
        say(f"launcher: up to date ({classes})")
        return
    javac = java_bin("javac", min_java, error)
    say(f"launcher: javac Launcher.java -> {classes}")
    shutil.rmtree(classes, ignore_errors=True)
    classes.mkdir(parents=True)
    cmd = [javac, "-nowarn", *javac_opts, "-cp", str(paths["lib"] / "*"), "-d", str(classes), str(src)]
    try:
        res = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as exc:
        raise error(f"cannot run javac: {exc}") from None
    if res.returncode != 0:
        _print_tool_output(res)
        raise error(f"javac failed (exit {res.returncode}) compiling Launcher.java")
    stamp.write_text(key + "\n")


# --------------------------------------------------------------------------- processes and ports


def _zombie(stat_file: Path) -> bool:
    try:
        stat = stat_file.read_text()
    except OSError:
        return True
    return stat[stat.rfind(")") + 2:].startswith(("Z", "X"))


def pid_alive(pid: int | None, markers: tuple[bytes, ...] = (b"Launcher",), threads: bool = False) -> bool:
    """True if pid runs (not a zombie) and, on Linux, its command line holds every marker.

    With ``threads``, a zombie leader thread still counts as running while another of its threads
    does not (a JVM's leader thread may be a zombie while the others still run and hold the
    listening socket during the shutdown)."""
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
                if not threads:
                    return False
                return any(not _zombie(task / "stat") for task in (proc / "task").iterdir())
            cmdline = (proc / "cmdline").read_bytes()
            return all(m in cmdline for m in markers)
        except OSError:
            return False
    return True


def port_free(port: int, host: str = HOST) -> bool:
    """True if a server could listen on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # like the server (Netty/Jetty): a port left in TIME_WAIT is free, a listener is not
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(exclude: set[int], error: type[Exception], host: str = HOST) -> int:
    """A free TCP port on host chosen by the kernel, not one of exclude."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind((host, 0))
            port = s.getsockname()[1]
        if port not in exclude:
            return port
    raise error(f"could not find a free TCP port on {host}")


# --------------------------------------------------------------------------- signals during a start

# Signals that end a start: Ctrl-C, kill/systemd/CI cancellation, a closed terminal.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(KeyboardInterrupt):
    """Base of a launcher's ``...Interrupted``: a start stopped by SIGTERM or SIGHUP.

    A KeyboardInterrupt, so that pytest and the command line treat it like Ctrl-C (pytest ends
    the session and runs the teardowns) and ``except Exception`` does not swallow it.
    ``signum`` is the signal; the command line exits with 128 + signum."""

    def __init__(self, signum: int):
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum


def main_thread() -> bool:
    # Python runs signal handlers in the main thread only, and only it may install them.
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def signals_raise(interrupted_cls: Callable[[int], BaseException]) -> Iterator[None]:
    """While a start runs, a signal whose action is to end the process at once (SIG_DFL:
    SIGTERM, SIGHUP) raises ``interrupted_cls(signum)`` instead, so that the start can stop what
    it spawned. Python handlers (SIGINT's KeyboardInterrupt, a caller's own) and ignored signals
    are left alone; the previous handlers are back afterwards."""
    active = True

    def interrupted(signum: int, _frame) -> None:
        if active:
            raise interrupted_cls(signum)
        # left installed by a signal that cut the restoring short: act as SIG_DFL would
        signal.signal(signum, signal.SIG_DFL)
        signal.raise_signal(signum)

    saved: dict[int, object] = {}
    if main_thread():
        for signum in STOP_SIGNALS:
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


class Deferred:
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

    def __enter__(self) -> Deferred:
        if main_thread():
            for signum in STOP_SIGNALS:
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
            self._saved[signum](signum, None)  # e.g. raises KeyboardInterrupt / a launcher's ...Interrupted
        return False


# --------------------------------------------------------------------------- state file


def read_json(path: Path) -> dict | None:
    """The JSON in path, or None if missing or unreadable."""
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: dict) -> None:
    """Write data atomically, readable by the owner only (a state file may hold a password)."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as fh:
        os.fchmod(fh.fileno(), 0o600)
        json.dump(data, fh, indent=2)
        fh.write("\n")
    tmp.replace(path)


def remove_file(path: Path) -> None:
    """Remove path; nothing if it is gone already."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def rotate_log(log: Path) -> None:
    """Keep the previous log as <log>.1."""
    if log.exists():
        log.replace(log.with_name(log.name + ".1"))


def fresh_dir(path: Path) -> Path:
    """Empty (create) the directory path."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path


# --------------------------------------------------------------------------- spawn


def spawn_detached(cmd: list[str], log: Path, cwd: Path, env: dict, error: type[Exception]) -> tuple[int, int]:
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
            raise error(f"could not start java: {err.strip() or out.strip()}") from None
        raise
    return pid, launcher.pid


# --------------------------------------------------------------------------- stop / kill


def wait_gone(pid: int, timeout: float, alive: Alive) -> bool:
    """Wait up to timeout seconds for alive(pid) to turn false; True if it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return not alive(pid)


def stop_group(pid: int, pgid: int, grace: float, alive: Alive, hurry: Callable[[], bool] = lambda: False) -> bool:
    """Stop a server this process spawned: SIGTERM to its process group, SIGKILL after grace
    seconds or as soon as hurry() is true. True once the server process is gone."""

    def send(sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if not alive(pid):
                return
            if os.getpgid(pid) == pgid:  # the group still holds the server, so pgid is still ours
                os.killpg(pgid, sig)
            else:
                os.kill(pid, sig)

    send(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while alive(pid):
        if hurry() or time.monotonic() > deadline:
            send(signal.SIGKILL)
            return wait_gone(pid, 10, alive)
        time.sleep(0.1)
    return True


def undo_start(state_file: Path, pid: int, pgid: int, exc: BaseException, say: Callable[[str], None],
               alive: Alive) -> None:
    """Stop the server a failed/interrupted start spawned and remove its state file. Signals
    wait until this is done; a second Ctrl-C only turns the SIGTERM into a SIGKILL at once."""
    interrupted = not isinstance(exc, Exception)
    with Deferred() as held:
        with contextlib.suppress(Exception):  # e.g. stderr gone: still stop the server
            say(f"{'interrupted' if interrupted else 'start failed'}: stopping the server it started (pid {pid})")
        gone = stop_group(pid, pgid, grace=5 if interrupted else 15, alive=alive, hurry=lambda: bool(held.pending))
        st = read_json(state_file)
        if gone and st and st.get("pid") == pid:  # if it would not die, `stop`/`kill` still find it
            remove_file(state_file)


def terminate(pid: int | None, timeout: float, alive: Alive) -> str:
    """SIGTERM, SIGKILL after timeout; "not running", "stopped" or "killed (...)"."""
    if not alive(pid):
        return "not running"
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if wait_gone(pid, timeout, alive):
        return "stopped"
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    wait_gone(pid, 10, alive)
    return f"killed (did not stop within {timeout:.0f}s)"


def stop_server(home: Path, state_file: Path, timeout: float, alive: Alive, say: Callable[[str], None]) -> bool:
    """A launcher's ``stop``: terminate the server in the state file and remove that file.
    True if a server was running."""
    st = read_json(state_file)
    if not st:
        say("not running")
        return False
    with locked(home):
        result = terminate(st.get("pid"), timeout, alive)
        remove_file(state_file)
    say(result if result != "not running" else "not running (stale state file removed)")
    return result != "not running"


def kill_server(state_file: Path, alive: Alive, say: Callable[[str], None]) -> bool:
    """A launcher's ``kill``: SIGKILL at once, remove the state file. True if it was running."""
    st = read_json(state_file)
    was = bool(st and alive(st.get("pid")))
    if was:
        with contextlib.suppress(ProcessLookupError):
            os.kill(st["pid"], signal.SIGKILL)
        wait_gone(st["pid"], 10, alive)
    remove_file(state_file)
    say(f"killed pid {st['pid']}" if was else "not running")
    return was


# --------------------------------------------------------------------------- command line


def running_state(state_file: Path, alive: Alive) -> dict | None:
    """The state in state_file if its pid still runs, else None."""
    st = read_json(state_file)
    if st and alive(st.get("pid")):
        return st
    return None


def run_cli(prog: str, error: type[Exception], command: Callable[[], object] | None) -> int:
    """Run a launcher's command (None: an unknown one, exit 2); an int it returns is the exit
    code, anything else (a path, a bool, None) means 0. Its errors become one line on stderr
    and an exit code (1 for error and OSError, 128 + signum for Ctrl-C or ...Interrupted)."""
    if command is None:
        return 2
    try:
        result = command()
        return result if type(result) is int else 0
    except error as exc:
        first, _, rest = str(exc).partition("\n")
        print(f"{prog}: error: {first}", file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:  # Ctrl-C, or ...Interrupted (SIGTERM/SIGHUP during start)
        signum = getattr(exc, "signum", signal.SIGINT)
        print(f"{prog}: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
        return 128 + signum
    except OSError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 1
