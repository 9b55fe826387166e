"""The local Stanford CoreNLP server (tools/corenlp) and its client (bench/corenlp_client.py).

The server tests (marker ``corenlp``) need Java and CoreNLP's jars and models already in the cache
(``corenlpctl.py fetch``, 474 MB): they skip otherwise, unless KG_CORENLP=1 asks to fetch them.
The client's pure parts (chunking, offsets, errors without a server) run everywhere.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # the client is a benchmark's tool, not part of the package
from corenlp_client import Parser, ParserError, _chunks, _java_to_py, parse_many  # noqa: E402

CTL_PATH = ROOT / "tools" / "corenlp" / "corenlpctl.py"


def _load_ctl():
    spec = importlib.util.spec_from_file_location("corenlpctl", CTL_PATH)
    ctl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ctl)
    return ctl


ctl = _load_ctl()


def _why_skip() -> str | None:
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (CoreNLP runs on the JVM)"
    if ctl.downloaded():  # the jars and models are there; a stale launcher is compiled again on start
        return None
    if os.environ.get("KG_CORENLP") == "1":
        return None
    return (f"CoreNLP {ctl.VERSION} models not in {ctl.cache_dir()}: run tools/corenlp/corenlpctl.py fetch "
            "(474 MB) or set KG_CORENLP=1")


def needs_corenlp(test):
    """Marked ``corenlp``; skipped, with the reason, without Java or the fetched models."""
    why = _why_skip()
    return pytest.mark.corenlp(pytest.mark.skipif(why is not None, reason=why or "")(test))


def _listeners(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) listening on ``port``."""
    out = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            addr, p = f[1].rsplit(":", 1)
            if int(p, 16) == port and f[3] == "0A":  # LISTEN
                out.append(addr)
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("corenlp-home")
    try:
        yield ctl.ensure_running(home=home, verbose=False)
    finally:
        ctl.stop(home=home, verbose=False)


# --------------------------------------------------------------------------- everywhere


def test_chunks_cover_the_text_and_cut_at_paragraphs():
    text = ("One sentence here. " * 30 + "\n\n") * 20
    pieces = list(_chunks(text, 1000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_java_offsets_past_astral_characters():
    conv = _java_to_py("a😀b")  # Java: a=0, 😀=1-2, b=3
    assert conv(3) == 2 and conv(4) == 3


def test_no_server_is_one_clear_error(monkeypatch):
    monkeypatch.delenv("KG_CORENLP_URL", raising=False)
    with pytest.raises(ParserError, match="corenlpctl.py start"):
        Parser()
    with pytest.raises(ParserError, match="loopback"):
        Parser("http://example.org:9000")
    port = ctl._free_port(set())
    with pytest.raises(ParserError, match="not answering"):
        Parser(f"http://127.0.0.1:{port}", timeout=2).parse("France objected.")


def _ctl_run(tmp_path: Path, *args: str, path: str) -> subprocess.CompletedProcess:
    env = {"PATH": path, "HOME": str(tmp_path), "KG_CORENLP_CACHE": str(tmp_path / "cache"),
           "KG_CORENLP_HOME": str(tmp_path / "home"), "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, str(CTL_PATH), *args], env=env, capture_output=True, text=True,
                          timeout=60)


def test_without_java_start_is_one_clear_line(tmp_path):
    r = _ctl_run(tmp_path, "start", path=str(tmp_path / "empty-bin"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [
        f"corenlpctl: error: 'java' not found: install a Java runtime {ctl.MIN_JAVA}+ or set JAVA_HOME"]
    assert not (tmp_path / "home").exists() or not list((tmp_path / "home").rglob("*.json"))


def test_a_fetch_that_fails_is_one_clear_line_and_leaves_no_partial_download(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    mvn = fake / "mvn"  # a Maven that cannot reach its repository: writes half a jar, then fails
    mvn.write_text('#!/bin/sh\nfor a in "$@"; do case "$a" in -DoutputDirectory=*) d="${a#*=}";; esac; done\n'
                   'mkdir -p "$d" && echo partial > "$d/half.jar"\necho "Could not resolve dependencies" >&2\n'
                   'exit 1\n')
    mvn.chmod(0o755)
    r = _ctl_run(tmp_path, "fetch", path=f"{fake}:/usr/bin:/bin")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "corenlpctl: error: mvn failed (exit 1) fetching the CoreNLP jars and models" in r.stderr
    cache = tmp_path / "cache"
    assert not list(cache.rglob("*.jar")) and not (cache / "lib").exists()  # nothing half-downloaded kept
    r = _ctl_run(tmp_path, "fetch", path=str(tmp_path / "empty-bin"))
    assert r.returncode == 1 and "'mvn' (Maven) not found: install Maven" in r.stderr


# --------------------------------------------------------------------------- with a server


@needs_corenlp
def test_parses_a_sentence_on_loopback_only(server):
    text = "Germany said that France had sharply condemned the attack on Italy."
    sents = Parser(server["url"]).parse(text)
    assert len(sents) == 1
    s = sents[0]
    words = [t.word for t in s.tokens]
    assert words[:3] == ["Germany", "said", "that"]
    assert all(text[t.start:t.end] == t.word for t in s.tokens)
    condemned = next(t for t in s.tokens if t.word == "condemned")
    assert condemned.lemma == "condemn" and condemned.pos.startswith("VB")
    said = next(t for t in s.tokens if t.word == "said")
    assert s.rel(condemned.index) == "ccomp" and s.head(condemned.index) == said.index
    assert [s.token(k).word for k in s.children(said.index, "nsubj")] == ["Germany"]
    assert [s.token(k).word for k in s.children(condemned.index, "obj")] == ["attack"]
    # 127.0.0.1 only: one listener, IPv4 loopback (0100007F), none on a wildcard or v6 address
    assert _listeners(server["port"]) == ["0100007F"]


@needs_corenlp
def test_huge_article_ends_in_bounded_time(server):
    text = ("The minister said the talks would resume next week in the capital. " * 30 + "\n\n") * 1000
    assert len(text.encode()) >= 2_000_000
    t0 = time.monotonic()
    with pytest.raises(ParserError):
        Parser(server["url"], timeout=3, budget=5).parse(text)
    assert time.monotonic() - t0 < 30
    assert Parser(server["url"]).parse("Spain objected.")  # the server still answers


@needs_corenlp
def test_server_dying_mid_batch_keeps_what_was_parsed(tmp_path):
    home = tmp_path / "home"
    try:
        st = ctl.ensure_running(home=home, verbose=False)
        texts = [(f"a{n}", f"Country number {n} objected to the vote.") for n in range(3)]
        got = []
        with pytest.raises(ParserError, match=r"a1: .*not answering.*\(1 of 3 parsed before\)"):
            for name, _sents in parse_many(texts, Parser(st["url"], timeout=5), progress=False,
                                          cache=tmp_path / "cache"):
                got.append(name)
                ctl.kill(home=home, verbose=False)
        assert got == ["a0"]
        assert len(list((tmp_path / "cache").glob("*.json"))) == 1
        assert not ctl._pid_alive(st["pid"])
    finally:
        ctl.stop(home=home, verbose=False)


@needs_corenlp
def test_stop_leaves_no_process(tmp_path):
    st = ctl.ensure_running(home=tmp_path, verbose=False)
    assert ctl.status(home=tmp_path)
    assert ctl.stop(home=tmp_path, verbose=False)
    assert not ctl._pid_alive(st["pid"])
    assert ctl.read_state(tmp_path) is None
    assert _listeners(st["port"]) == []


@needs_corenlp
def test_interrupted_start_leaves_nothing(tmp_path):
    env = dict(os.environ, KG_CORENLP_HOME=str(tmp_path))
    proc = subprocess.Popen([sys.executable, str(CTL_PATH), "start"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    state = tmp_path / "state.json"
    deadline = time.monotonic() + 60
    while not state.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert state.exists(), proc.communicate()[1]
    pid = ctl.read_state(tmp_path)["pid"]
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "interrupted (SIGTERM)" in err
    assert not ctl._pid_alive(pid)
    assert not state.exists()
