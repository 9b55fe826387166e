#!/usr/bin/env python3
"""Check a graph file with Gephi's own engine: Gephi Toolkit 0.10.1, headless (stdlib only).

Imports the file the way Gephi's "Open graph file" does (its importer for the file's extension, the
container check, the default processor into a workspace) and prints one JSON object saying what
Gephi made of it; optionally lays it out with ForceAtlas2 and exports a picture (SVG or PDF) with
Gephi's preview/export API. Gephi is GPL v3 / CDDL: its jars are fetched from Maven Central through
Maven (tools/gephi/pom.xml) into a cache outside the repository at first use, never shipped; a small
Java program (tools/gephi/GephiCheck.java) is compiled against them there.

Command line:
    gephictl.py fetch
    gephictl.py check FILE [--svg OUT.svg | --pdf OUT.pdf] [--layout-iterations N]
Exit codes: 0 ok; 2 bad usage or unreadable input file; 3 Java/Maven missing, fetch or compile
failed, or the JVM failed outside the import; 4 Gephi could not import the file; 128 + the signal
number when interrupted (130 for Ctrl-C, 143 for SIGTERM). Errors are one ``gephictl: error: ...``
line on stderr.

From Python (e.g. a test loading this file with importlib):
    result = check(path, picture=None, iterations=200)   # the JSON object as a dict
    fetch()      # download the jars and compile GephiCheck.java (idempotent; check() does it when needed)
    fetched()    # True when nothing is left to download or compile
Result keys, in this order: nodes, edges, directed, dynamic, node_columns, edge_columns, edge_kinds,
time_bounds, issues, worst, picture. Failures raise a GephiCtlError subclass whose ``exit_code`` is
the command line's: GephiCtlUsageError (2), GephiCtlSetupError (3), GephiCtlImportError (4, with
``issues``). SIGTERM/SIGHUP during check() raise GephiCtlInterrupted (a KeyboardInterrupt).

An interrupted or failed check stops the JVM it started (its own process group) and leaves no
picture behind: the picture is written under a temporary name beside its target and renamed at the
end. Should this process die without cleaning up (SIGKILL), the JVM sees its stdin close, removes
the temporary picture and its temporary folder, and ends.

Cache (jars, compiled classes): $KG_GEPHI_CACHE or ~/.cache/kg/gephi-0.10.1
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

# Run as a script (tools/gephi/ is then on sys.path) or loaded by file path with importlib (by the
# tests: nothing is on sys.path): either way the shared helper tools/javaproc.py is imported from the
# tools/ folder.
if str(Path(__file__).resolve().parent.parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import javaproc  # noqa: E402

__all__ = [
    "GephiCtlError",
    "GephiCtlUsageError",
    "GephiCtlSetupError",
    "GephiCtlImportError",
    "GephiCtlInterrupted",
    "RESULT_KEYS",
    "LEVELS",
    "cache_dir",
    "fetch",
    "fetched",
    "check",
    "worst_level",
    "main",
]

TOOL_DIR = Path(__file__).resolve().parent
POM = TOOL_DIR / "pom.xml"
CHECK_SRC = TOOL_DIR / "GephiCheck.java"
MAIN_CLASS = "GephiCheck"
VERSION = "0.10.1"
MIN_JAVA = 11
DEFAULT_ITERATIONS = 200
SEED = 42
"""Seed of the start positions when the file gives none (Gephi itself would use Math.random())."""
PICTURE_FORMATS = ("svg", "pdf")

RESULT_KEYS = ("nodes", "edges", "directed", "dynamic", "node_columns", "edge_columns", "edge_kinds",
               "time_bounds", "issues", "worst", "picture")
LEVELS = {"INFO": 100, "WARNING": 200, "SEVERE": 500, "CRITICAL": 1000}
"""Gephi's Issue.Level names and their weights (org.gephi.io.importer.api.Issue.Level)."""

# GephiCheck's own exit codes (see GephiCheck.java)
_JAVA_USAGE, _JAVA_IMPORT = 2, 4
_ERROR_PREFIX = "GEPHICHECK-ERROR: "


class GephiCtlError(RuntimeError):
    """Any failure; the command line prints its message as one line on stderr and exits with
    ``exit_code``."""

    exit_code = 3


class GephiCtlUsageError(GephiCtlError):
    """Bad arguments, or an input file that is missing or unreadable (exit code 2)."""

    exit_code = 2


class GephiCtlSetupError(GephiCtlError):
    """Java or Maven missing, fetching or compiling failed, or the JVM failed outside the import
    (exit code 3)."""

    exit_code = 3


class GephiCtlImportError(GephiCtlError):
    """Gephi could not import the file (exit code 4). ``issues``: what its report held until then."""

    exit_code = 4

    def __init__(self, message: str, path: str = "", issues: list[dict] | None = None):
        super().__init__(message)
        self.path = path
        self.issues = issues or []
        self.worst = worst_level(self.issues)


class GephiCtlInterrupted(javaproc.Interrupted):
    """A check stopped by SIGTERM or SIGHUP (a KeyboardInterrupt; see javaproc.Interrupted)."""


# --------------------------------------------------------------------------- locations


def cache_dir() -> Path:
    env = os.environ.get("KG_GEPHI_CACHE")
    return Path(env).expanduser().resolve() if env else Path.home() / ".cache" / "kg" / f"gephi-{VERSION}"


def _paths(cache: Path) -> dict:
    return {
        "lib": cache / "lib",
        "classes": cache / "classes",
        "lib_stamp": cache / "lib" / ".stamp",
        "classes_stamp": cache / "classes" / ".stamp",
    }


def _say(msg: str) -> None:
    javaproc.sayer("gephictl")(msg)


# --------------------------------------------------------------------------- fetch


def fetch(cache: str | os.PathLike | None = None, verbose: bool = True) -> Path:
    """Download the Gephi Toolkit jars (mvn) and compile GephiCheck.java into the cache; idempotent."""
    cache = Path(cache).expanduser().resolve() if cache else cache_dir()
    p = _paths(cache)
    say = _say if verbose else (lambda _m: None)
    with javaproc.locked(cache):
        if not javaproc.cache_current(POM, CHECK_SRC, p):  # javac is needed next: fail before downloading
            javaproc.java_bin("javac", MIN_JAVA, GephiCtlSetupError)
        lib_key = javaproc.fetch_jars(POM, p, GephiCtlSetupError, "Gephi Toolkit jars",
                                      (f"io-importer-plugin-{VERSION}.jar",), say,
                                      detail=f" (Gephi Toolkit {VERSION}, ~90 MB)")

        # compile_launcher checks for classes/Launcher.class: GephiCheck.java also defines a class
        # Launcher (the same entry point), so that javaproc's cache check works unchanged.
        key = javaproc.launcher_key(CHECK_SRC, lib_key)
        javaproc.compile_launcher(CHECK_SRC, p, key, min_java=MIN_JAVA, error=GephiCtlSetupError, say=say)
    return cache


def fetched(cache: str | os.PathLike | None = None) -> bool:
    """True when the jars and the compiled GephiCheck are in the cache (nothing to download)."""
    cache = Path(cache).expanduser().resolve() if cache else cache_dir()
    return javaproc.cache_current(POM, CHECK_SRC, _paths(cache))


# --------------------------------------------------------------------------- check


def worst_level(issues: list[dict]) -> str | None:
    """The most serious level among the issues (CRITICAL > SEVERE > WARNING > INFO), or None."""
    levels = [i.get("level") for i in issues if i.get("level") in LEVELS]
    return max(levels, key=LEVELS.__getitem__) if levels else None


def _input_file(path: str | os.PathLike) -> Path:
    src = Path(path).expanduser()
    if not src.exists():
        raise GephiCtlUsageError(f"no such file: {src}")
    if not src.is_file():
        raise GephiCtlUsageError(f"not a file: {src}")
    try:
        with open(src, "rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise GephiCtlUsageError(f"cannot read {src}: {exc.strerror or exc}") from None
    return src.resolve()


def _picture_target(picture: str | os.PathLike | None) -> tuple[Path | None, str | None]:
    if picture is None:
        return None, None
    target = Path(os.path.abspath(Path(picture).expanduser()))
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in PICTURE_FORMATS:
        raise GephiCtlUsageError(f"picture must end in .svg or .pdf: {picture}")
    if not target.parent.is_dir():
        raise GephiCtlUsageError(f"no such directory for the picture: {target.parent}")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise GephiCtlUsageError(f"cannot write into {target.parent}")
    if target.is_dir():
        raise GephiCtlUsageError(f"picture path is a directory: {target}")
    return target, fmt


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


def check(path: str | os.PathLike, picture: str | os.PathLike | None = None,
          iterations: int = DEFAULT_ITERATIONS, *, cache: str | os.PathLike | None = None,
          verbose: bool = False) -> dict:
    """What Gephi makes of the graph file ``path`` (a dict with the RESULT_KEYS, in that order).

    With ``picture`` (a path ending in .svg or .pdf), also run ForceAtlas2 for ``iterations``
    iterations and export the graph there with Gephi's preview. Fetches and compiles into the cache
    first when needed (progress on stderr when ``verbose``). Raises GephiCtlUsageError,
    GephiCtlSetupError or GephiCtlImportError; SIGTERM/SIGHUP raise GephiCtlInterrupted and Ctrl-C
    KeyboardInterrupt, after the JVM is stopped and the temporary picture removed."""
    src = _input_file(path)
    target, fmt = _picture_target(picture)
    if type(iterations) is not int or iterations < 0:
        raise GephiCtlUsageError(f"layout iterations must be a whole number >= 0, not {iterations!r}")
    with javaproc.signals_raise(GephiCtlInterrupted):
        return _check(src, target, fmt, iterations, cache, verbose)


def _check(src: Path, target: Path | None, fmt: str | None, iterations: int,
           cache: str | os.PathLike | None, verbose: bool) -> dict:
    cache = Path(cache).expanduser().resolve() if cache else cache_dir()
    java = javaproc.java(MIN_JAVA, f"Gephi Toolkit {VERSION}", GephiCtlSetupError)  # before any download
    if not fetched(cache):
        fetch(cache, verbose=verbose)
    p = _paths(cache)
    run_dir = Path(tempfile.mkdtemp(prefix="gephictl-"))
    partial: Path | None = None
    try:
        out_json = run_dir / "result.json"
        cmd = [java, "-Djava.awt.headless=true", f"-Djava.io.tmpdir={run_dir}", "-Dfile.encoding=UTF-8",
               "-XX:+ExitOnOutOfMemoryError"]
        if os.environ.get("KG_GEPHI_HEAP"):
            cmd.append(f"-Xmx{os.environ['KG_GEPHI_HEAP']}")
        cmd += ["-cp", f"{p['classes']}{os.pathsep}{p['lib'] / '*'}", MAIN_CLASS,
                "--json", str(out_json), "--watch-stdin", "--run-dir", str(run_dir)]
        if target is not None:
            # Reserve a unique name beside the target (same file system: the final rename is atomic).
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            os.close(fd)
            partial = Path(name)
            cmd += ["--picture", str(partial), "--format", fmt, "--iterations", str(iterations), "--seed", str(SEED)]
        cmd.append(str(src))

        log = run_dir / "java.log"
        code = _run_java(cmd, log, run_dir)
        data = javaproc.read_json(out_json)
        if code == 0 and data is not None and "nodes" in data:
            result = {key: data.get(key) for key in RESULT_KEYS}
            result["worst"] = worst_level(result["issues"] or [])
            if partial is not None:
                os.chmod(partial, 0o666 & ~_umask())
                os.replace(partial, target)
                partial = None
                result["picture"] = str(target)
            return result
        message = _java_error(log)
        if code == _JAVA_IMPORT:
            raise GephiCtlImportError(message or f"Gephi could not import {src.name}", str(src),
                                      (data or {}).get("issues"))
        if code == _JAVA_USAGE:
            raise GephiCtlUsageError(message or f"Gephi cannot read {src.name}")
        what = f"killed by signal {-code}" if code < 0 else f"exit {code}"
        raise GephiCtlSetupError(f"the Gephi check failed ({what}): {message or 'no result'}; "
                                 f"last output lines:\n{javaproc.tail(log)}")
    finally:
        if partial is not None:
            javaproc.remove_file(partial)
        shutil.rmtree(run_dir, ignore_errors=True)


def _java_error(log: Path) -> str:
    """The last GEPHICHECK-ERROR line of the JVM's output, without its prefix."""
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    found = [line[len(_ERROR_PREFIX):].strip() for line in lines if line.startswith(_ERROR_PREFIX)]
    return found[-1] if found else ""


def _run_java(cmd: list[str], log: Path, cwd: Path) -> int:
    """Run cmd in its own process group (stdout and stderr to log) and return its exit code. If this
    is interrupted (Ctrl-C, SIGTERM, SIGHUP) or fails, the whole group is stopped before re-raising."""
    proc: subprocess.Popen | None = None
    with open(log, "wb") as out:
        try:
            # No signal may land between the fork and knowing the pid: held back until then.
            with javaproc.Deferred():
                # stdin stays open while we live: GephiCheck --watch-stdin ends the JVM at its EOF.
                proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT,
                                        cwd=cwd, start_new_session=True)
            return proc.wait()
        except BaseException:
            if proc is not None:
                _stop(proc)
            raise
        finally:
            if proc is not None and proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()


def _stop(proc: subprocess.Popen) -> None:
    """Stop the JVM's process group: SIGTERM, SIGKILL after 5 s or at once on a second signal."""
    with javaproc.Deferred() as held:
        javaproc.stop_group(proc.pid, proc.pid, grace=5, alive=lambda _pid: proc.poll() is None,
                            hurry=lambda: bool(held.pending))
        proc.wait()


# --------------------------------------------------------------------------- CLI


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit code 2 (not argparse's usage block)
        raise GephiCtlUsageError(message)


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="gephictl.py", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True, parser_class=_Parser)
    sub.add_parser("fetch", help="download the Gephi Toolkit jars (mvn) and compile GephiCheck into the cache")
    sp = sub.add_parser("check", help="print what Gephi makes of FILE as one JSON object")
    sp.add_argument("file", metavar="FILE", help="a graph file Gephi can open (.gexf, .graphml, .gml, .csv, ...)")
    pic = sp.add_mutually_exclusive_group()
    pic.add_argument("--svg", metavar="OUT.svg", help="also lay out with ForceAtlas2 and export an SVG picture")
    pic.add_argument("--pdf", metavar="OUT.pdf", help="also lay out with ForceAtlas2 and export a PDF picture")
    sp.add_argument("--layout-iterations", type=int, default=DEFAULT_ITERATIONS, metavar="N",
                    help=f"ForceAtlas2 iterations before the picture (default {DEFAULT_ITERATIONS})")
    sp.add_argument("--brief", action="store_true", help="a few lines for people instead of the JSON object")
    return ap


def brief(result: dict) -> str:
    """The result in a few lines of at most 80 columns.

    >>> print(brief({"nodes": 2, "edges": 1, "directed": True, "dynamic": False, "node_columns": [],
    ...              "edge_columns": [], "edge_kinds": ["support"], "time_bounds": None, "issues": [],
    ...              "worst": None, "picture": None}))
    2 nodes, 1 edges, directed, static; worst issue: none
    edge kinds: support
    """
    shape = "directed" if result["directed"] else "undirected"
    time = f"dynamic {result['time_bounds'][0]} to {result['time_bounds'][1]}" if result["time_bounds"] else \
        ("dynamic" if result["dynamic"] else "static")
    lines = [f"{result['nodes']} nodes, {result['edges']} edges, {shape}, {time}; worst issue: "
             f"{result['worst'] or 'none'}"]
    cols = [f"{c['title']} ({c['type']})" for c in result["node_columns"]]
    lines += textwrap.wrap("node columns: " + ", ".join(cols), 80, subsequent_indent="  ") if cols else []
    cols = [f"{c['title']} ({c['type']})" for c in result["edge_columns"]]
    lines += textwrap.wrap("edge columns: " + ", ".join(cols), 80, subsequent_indent="  ") if cols else []
    if result["edge_kinds"]:
        lines += textwrap.wrap("edge kinds: " + ", ".join(result["edge_kinds"]), 80, subsequent_indent="  ")
    lines += [f"{i['level']}: {i['message']}" for i in result["issues"] if i["level"] in ("SEVERE", "CRITICAL")]
    if result["picture"]:
        lines.append(f"picture: {os.path.relpath(result['picture'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.cmd == "fetch":
            fetch(verbose=True)
            return 0
        picture = args.svg or args.pdf
        for flag, value, fmt in (("--svg", args.svg, "svg"), ("--pdf", args.pdf, "pdf")):
            if value is not None and Path(value).suffix.lower() != f".{fmt}":
                raise GephiCtlUsageError(f"{flag} needs a file name ending in .{fmt}: {value}")
        result = check(args.file, picture, args.layout_iterations, verbose=True)
        print(brief(result) if args.brief else json.dumps(result, indent=2, ensure_ascii=False), flush=True)
        return 0
    except GephiCtlError as exc:
        first, _, rest = str(exc).partition("\n")
        print(f"gephictl: error: {first}", file=sys.stderr)
        if rest and not isinstance(exc, (GephiCtlUsageError, GephiCtlImportError)):
            print(rest, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:  # Ctrl-C, or GephiCtlInterrupted (SIGTERM/SIGHUP)
        signum = getattr(exc, "signum", signal.SIGINT)
        print(f"gephictl: interrupted ({signal.Signals(signum).name})", file=sys.stderr)
        return 128 + signum
    except OSError as exc:
        print(f"gephictl: error: {exc}", file=sys.stderr)
        return GephiCtlError.exit_code


if __name__ == "__main__":
    sys.exit(main())
