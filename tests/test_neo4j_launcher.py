"""Ctrl-C, SIGTERM or a failure while the local launcher starts Neo4j leaves no Java process behind.

The launcher detaches the server (own session and process group), so nothing else would stop it:
an interrupted or failed start must stop what it spawned, and only that. Every test here uses a
home of its own under tmp_path; the home path is on the command line of the Java process (and of
the shell that forks it), which is how the tests find it, and the only processes they ever kill.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, load_neo4jctl

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(shutil.which("java") is None, reason="starts the local Neo4j launcher, which needs Java"),
    pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="finds the server's processes in /proc"),
]

CTL = ROOT / "tools" / "neo4j" / "neo4jctl.py"
JAVA_APPEARS = 90.0  # s: the launcher checks the cache and `java -version`, then spawns
EXIT = 60.0  # s: an interrupted start stops its server (SIGTERM, SIGKILL after 5 s) and exits

# A child with the default signal actions whatever it inherits (a shell's `cmd &` ignores SIGINT).
PRELUDE = ("import os, signal, sys\n"
           "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
           "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n")
API = PRELUDE + """\
import importlib.util
spec = importlib.util.spec_from_file_location("neo4jctl", sys.argv[1])
ctl = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ctl)
ctl.ensure_running(home=os.environ["KG_NEO4J_HOME"], wait=120)
print("STARTED", flush=True)
"""
CLI = PRELUDE + """\
import runpy
sys.argv = [sys.argv[1], *sys.argv[2:]]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


# --------------------------------------------------------------------------- helpers


def processes_with(text: str | os.PathLike) -> dict[int, list[str]]:
    """pid -> argv of every live process whose command line contains text (zombies have none)."""
    needle = os.fsencode(text)
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if needle in cmdline:
            found[int(entry.name)] = [os.fsdecode(a) for a in cmdline.split(b"\0") if a]
    return found


def java_processes(home: Path) -> dict[int, list[str]]:
    return {pid: argv for pid, argv in processes_with(home).items() if Path(argv[0]).name == "java"}


def wait_for(condition, timeout: float, step: float = 0.05):
    """condition()'s first truthy value within timeout seconds, else its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)


def kill_leftovers(home: Path) -> dict[int, list[str]]:
    """SIGKILL whatever still runs for this test's own home (the test started it); returns what it found."""
    left = processes_with(home)
    for pid in left:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not processes_with(home), 10)
    return left


@pytest.fixture(scope="module")
def ctl():
    module = load_neo4jctl()
    module.fetch(verbose=False)  # the jars and the launcher up front: no Maven inside the timed waits
    return module


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "neo4j-home"
    yield home
    left = kill_leftovers(home)  # never leave a server running, whatever happened
    assert not left, f"processes left running for {home}: {left}"


@contextlib.contextmanager
def starting(home: Path, how: str, tmp_path: Path):
    """A child process running ensure_running (how="api") or `neo4jctl.py start` (how="cli")
    for home; killed, with its server, on the way out."""
    out, err = tmp_path / f"{how}.out", tmp_path / f"{how}.err"
    code = API if how == "api" else CLI
    args = [str(CTL)] if how == "api" else [str(CTL), "start", "--wait", "120"]
    env = dict(os.environ, KG_NEO4J_HOME=str(home))  # the home is not on the child's own command line
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=fo, stderr=fe, start_new_session=True)
    proc.out, proc.err = out, err
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        kill_leftovers(home)


# --------------------------------------------------------------------------- signals


@pytest.mark.parametrize("how", ["api", "cli"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_during_start_stops_the_server_it_started(ctl, home, tmp_path, how, signum):
    with starting(home, how, tmp_path) as proc:
        java = wait_for(lambda: java_processes(home) or proc.poll() is not None, JAVA_APPEARS)
        assert java and proc.poll() is None, (
            f"no Java process for {home} within {JAVA_APPEARS:.0f} s (exit {proc.poll()}):\n"
            f"{proc.err.read_text(errors='replace')}")
        log = home / "neo4j.log"
        assert "READY" not in (log.read_text(errors="replace") if log.exists() else ""), "too late: already up"
        # the state file comes right after the spawn (Java may exec first): then the start waits for Bolt
        assert wait_for((home / "state.json").exists, 10)

        proc.send_signal(signum)
        try:
            rc = proc.wait(EXIT)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the interrupted start did not exit within {EXIT:.0f} s")
        err = proc.err.read_text(errors="replace")

        assert not processes_with(home), f"left running: {processes_with(home)}\n{err}"
        for pid in java:
            assert not Path(f"/proc/{pid}/cmdline").exists() or not Path(f"/proc/{pid}/cmdline").read_bytes()
        assert not (home / "state.json").exists()
        assert "STARTED" not in proc.out.read_text()
        assert "interrupted: stopping the server it started" in err, err
        if how == "cli":
            assert rc == 128 + signum, err
            assert f"neo4jctl: interrupted ({signal.Signals(signum).name})" in err
        elif signum == signal.SIGINT:
            assert rc == -signal.SIGINT, err  # Python ends by SIGINT on an uncaught KeyboardInterrupt
        else:
            assert rc != 0, err  # an uncaught Neo4jCtlInterrupted (a KeyboardInterrupt subclass): exit 1
            assert "Neo4jCtlInterrupted: interrupted by SIGTERM" in err, err


# --------------------------------------------------------------------------- failures


@pytest.fixture
def spawned(ctl, monkeypatch):
    """The (pid, pgid) of every server the module spawns during the test."""
    seen = []
    real = ctl._spawn_detached

    def spy(*args, **kwargs):
        seen.append(real(*args, **kwargs))
        return seen[-1]

    monkeypatch.setattr(ctl, "_spawn_detached", spy)
    return seen


def test_not_ready_in_time_stops_the_server(ctl, home, spawned):
    with pytest.raises(ctl.Neo4jCtlError, match="did not become ready in time"):
        ctl.ensure_running(home=home, wait=1, verbose=False)
    assert len(spawned) == 1
    assert not processes_with(home)
    assert not (home / "state.json").exists()


def test_broken_data_dir_leaves_no_process(ctl, home, tmp_path, spawned):
    not_a_dir = tmp_path / "data-is-a-file"
    not_a_dir.write_text("not a directory\n")
    with pytest.raises(ctl.Neo4jCtlError, match="launcher failed|exited during startup"):
        ctl.ensure_running(home=home, data=not_a_dir, wait=60, verbose=False)
    assert len(spawned) == 1
    assert not processes_with(home)
    assert not (home / "state.json").exists()


def test_busy_port_is_refused_before_anything_starts(ctl, home, spawned):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        with pytest.raises(ctl.Neo4jCtlError, match="busy"):
            ctl.ensure_running(home=home, bolt_port=s.getsockname()[1], verbose=False)
    assert spawned == []
    assert not processes_with(home)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("boom")], ids=["KeyboardInterrupt", "RuntimeError"])
def test_exception_while_waiting_stops_the_server(ctl, home, spawned, monkeypatch, exc):
    def wait_ready(st, log, deadline, log_offset=0):
        assert wait_for(lambda: java_processes(home), 30), "the server should be running by now"
        raise exc

    monkeypatch.setattr(ctl, "_wait_ready", wait_ready)
    with pytest.raises(type(exc)):
        ctl.ensure_running(home=home, verbose=False)
    assert len(spawned) == 1
    assert not processes_with(home)
    assert not (home / "state.json").exists()


def test_signal_right_after_the_spawn_is_held_until_the_pid_is_recorded(ctl, home, monkeypatch):
    """Ctrl-C between the fork and the state file: delivered once the pid is known, then the server is stopped."""
    real = ctl._spawn_detached

    def spawn_then_ctrl_c(*args, **kwargs):
        started = real(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)  # held back: no KeyboardInterrupt here
        spawn_then_ctrl_c.returned = started
        return started

    monkeypatch.setattr(ctl, "_spawn_detached", spawn_then_ctrl_c)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # even if the run ignores SIGINT
    try:
        with pytest.raises(KeyboardInterrupt):
            ctl.ensure_running(home=home, verbose=False)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
    assert getattr(spawn_then_ctrl_c, "returned", None), "the signal must wait until the spawn has returned"
    assert not processes_with(home)
    assert not (home / "state.json").exists()


def test_interrupted_call_leaves_an_already_running_server_alone(ctl, home, monkeypatch):
    state = ctl.ensure_running(home=home, verbose=False)
    try:
        real_bolt_ready = ctl.bolt_ready

        def interrupted(port, *args, **kwargs):  # the reuse path asks whether Bolt answers
            raise KeyboardInterrupt

        monkeypatch.setattr(ctl, "bolt_ready", interrupted)
        with pytest.raises(KeyboardInterrupt):
            ctl.ensure_running(home=home, verbose=False)

        if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:  # else pytest's own handler: not ours to test
            def sigterm(port, *args, **kwargs):
                # during a start SIGTERM raises; never send it to ourselves if that is not so
                assert signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
                signal.raise_signal(signal.SIGTERM)

            monkeypatch.setattr(ctl, "bolt_ready", sigterm)
            with pytest.raises(ctl.Neo4jCtlInterrupted) as info:
                ctl.ensure_running(home=home, verbose=False)
            assert info.value.signum == signal.SIGTERM
            assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the previous action is back

        monkeypatch.setattr(ctl, "bolt_ready", real_bolt_ready)
        assert list(java_processes(home)) == [state["pid"]]
        assert ctl.read_state(home) == state
        assert ctl.status(home) == state
    finally:
        ctl.stop(home=home, verbose=False)
    assert not processes_with(home)


def test_an_edited_launcher_source_is_compiled_again(ctl, tmp_path):
    """The cache counts as fetched only while the compiled launcher matches Launcher.java."""
    paths = {"lib_stamp": tmp_path / "lib.stamp", "classes": tmp_path / "classes",
             "classes_stamp": tmp_path / "classes" / ".stamp"}
    src, pom = tmp_path / "Launcher.java", tmp_path / "pom.xml"
    src.write_text("class Launcher {}")
    pom.write_text("<project/>")
    javaproc = sys.modules["javaproc"]
    lib_key = javaproc.digest(pom.read_bytes())
    paths["classes"].mkdir()
    (paths["classes"] / "Launcher.class").write_bytes(b"")
    paths["lib_stamp"].write_text(lib_key + "\n")
    paths["classes_stamp"].write_text(javaproc.launcher_key(src, lib_key) + "\n")
    assert javaproc.cache_current(pom, src, paths)
    src.write_text("class Launcher { int x; }")
    assert not javaproc.cache_current(pom, src, paths)
