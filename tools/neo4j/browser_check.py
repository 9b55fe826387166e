#!/usr/bin/env python3
"""Open Neo4j Browser from the local server in headless Chromium, run a saved query, keep a screenshot.

Usage: python tools/neo4j/browser_check.py [--query actor_stance] [--out docs/browser-actor-stance.png]

Needs Debian's chromium (/usr/bin/chromium) and the Python package playwright (its
driver only: no browser is downloaded). Starts the local server if needed, loads the
2020 dataset into it, logs in through the Browser's connect form, pastes the saved query
from cypher/queries/ and waits for its result table.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--query", default="actor_stance", help="a file name in cypher/queries (no suffix)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "browser-actor-stance.png"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    if not Path(args.chromium).exists():
        print(f"browser_check: no Chromium at {args.chromium} (apt-get install chromium)", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser_check: needs the playwright package (pip install playwright)", file=sys.stderr)
        return 2

    spec = importlib.util.spec_from_file_location("neo4jctl", ROOT / "tools" / "neo4j" / "neo4jctl.py")
    ctl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ctl)
    state = ctl.ensure_running()
    os.environ.update(NEO4J_URI=state["uri"], NEO4J_USER=state["user"], NEO4J_PASSWORD=state["password"])
    sys.path.insert(0, str(ROOT))
    from kg.ingest.curated import read_dataset

    from kg.store import open_store

    with open_store("neo4j") as store:
        store.load([read_dataset(ROOT / "ingest" / "datasets" / "nagorno-karabakh-2020.yaml")])
    query = (ROOT / "cypher" / "queries" / f"{args.query}.cypher").read_text(encoding="utf-8")

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=flags)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(state["browser_url"])
        page.wait_for_selector("input[data-testid='password']", timeout=60_000)
        page.fill("input[data-testid='boltaddress']", f"127.0.0.1:{state['bolt_port']}")
        page.fill("input[data-testid='username']", state["user"])
        page.fill("input[data-testid='password']", state["password"])
        page.click("button[data-testid='connect']")
        try:
            page.wait_for_selector("text=You are connected", timeout=60_000)
        except Exception:
            page.screenshot(path=args.out + ".failed.png")
            raise
        # The :param lines first, one at a time, then the query with its comment header,
        # so that the Browser shows the query's own result table.
        params = [ln for ln in query.splitlines() if ln.startswith(":param")]
        body = "\n".join(ln for ln in query.splitlines() if not ln.startswith(":param")).strip()
        editor = page.locator("#monaco-main-editor, .monaco-editor").first
        for text in [*params, body]:
            editor.click()
            page.keyboard.insert_text(text.rstrip(";"))
            page.keyboard.press("Control+Enter")
            page.wait_for_timeout(1000)
        try:
            page.wait_for_selector("text=Azerbaijan", timeout=60_000)
        except Exception:
            page.screenshot(path=args.out + ".failed.png")
            raise
        page.wait_for_timeout(1500)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.out)
        browser.close()
    print(f"browser_check: ran cypher/queries/{args.query}.cypher in Neo4j Browser; screenshot {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
