"""Run every command of the README's ``console`` blocks and write their real output back.

Each block's lines that start with ``$ `` are run in order, from the repository root, in a
fresh embedded store (a temporary ``KG_HOME``) and a terminal 80 columns wide; what a command
prints (stdout and stderr in the order a terminal shows them) replaces the lines that followed it.
``$ echo $?`` prints the exit status of the command before it.

Blocks whose commands use Neo4j (``--store neo4j``, ``kg query``, ``neo4jctl``) run only with
``--neo4j``: the script then starts a local server with tools/neo4j/neo4jctl.py in a temporary
home, points the commands at it, and stops it at the end, also on failure or Ctrl-C.

Usage: python tools/readme_run.py [--neo4j] [--check]
  --check   change nothing; exit 1 if the README's outputs differ from a fresh run
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)
NEEDS_NEO4J = re.compile(r"--store neo4j|^kg query|neo4jctl")


def run_block(block: str, env: dict) -> str:
    """The block with each ``$ command``'s output replaced by a fresh run's."""
    out: list[str] = []
    status = 0
    for line in block.splitlines():
        if not line.startswith("$ "):
            continue  # old output: replaced below
        cmd = line[2:]
        out.append(line)
        if cmd.strip() == "echo $?":
            out.append(str(status))
            continue
        if cmd.startswith("eval "):
            continue  # sets variables in the reader's shell; the script sets them itself
        r = subprocess.run(["bash", "-c", cmd], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=600)
        status = r.returncode
        text = "\n".join(line.rstrip() for line in r.stdout.rstrip("\n").splitlines())
        if text:
            out.append(text)
    return "\n".join(out) + "\n"


def connect(ctl, home: str, env: dict) -> None:
    """Start (or reuse) the local server in ``home`` and point ``env`` at it."""
    state = ctl.ensure_running(home=home)
    env.update(NEO4J_URI=state["uri"], NEO4J_USER=state["user"], NEO4J_PASSWORD=state["password"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--neo4j", action="store_true", help="also run the blocks that need Neo4j")
    ap.add_argument("--check", action="store_true", help="report differences, change nothing")
    args = ap.parse_args()
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="kg-readme-") as home:
        env = {**os.environ, "KG_HOME": str(Path(home) / "kg"), "COLUMNS": "80", "TERM": "dumb"}
        env.pop("KG_STORE", None)
        ctl = neo4j_home = None
        if args.neo4j:
            spec = importlib.util.spec_from_file_location("neo4jctl", ROOT / "tools" / "neo4j" / "neo4jctl.py")
            ctl = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(ctl)
            neo4j_home = str(Path(home) / "neo4j")
        try:
            parts, last = [], 0
            for m in BLOCK.finditer(text):
                block = m.group(1)
                cmds = [ln[2:] for ln in block.splitlines() if ln.startswith("$ ")]
                block_env = env
                if any(NEEDS_NEO4J.search(c) for c in cmds):
                    if ctl is None:
                        continue
                    if "NEO4J_URI" not in env and not any("neo4jctl" in c for c in cmds):
                        connect(ctl, neo4j_home, env)
                    # neo4jctl's own commands act on $KG_NEO4J_HOME: ours, not the reader's.
                    block_env = {**env, "KG_NEO4J_HOME": neo4j_home}
                done = run_block(block, block_env)
                if ctl is not None and "NEO4J_URI" not in env and any("neo4jctl" in c for c in cmds):
                    connect(ctl, neo4j_home, env)
                parts += [text[last:m.start(1)], done]
                last = m.end(1)
                print(f"ran: {' && '.join(shlex.quote(c) for c in cmds)[:100]}", file=sys.stderr)
            new = "".join(parts) + text[last:]
        finally:
            if ctl is not None:
                ctl.stop(home=neo4j_home)
    if args.check:
        if new != text:
            print("README.md differs from a fresh run", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
