"""Does a dependency parse (Stanford CoreNLP 4.5.10, local) pay? The extractor with and without a parse repair.

On the TUNING half of the dev corpus (bench/dev_split.yaml) only, unless ``--check``: today's
extractor (``kg.ingest.article.extract_file``) against the same extraction repaired with the parse
(:func:`corenlp_repair.repair`, bench/corenlp_repair.py), scored by bench/extract_eval.py's rule
(:mod:`kg.ingest.article.score`). Also the parser's speed: articles and characters per second,
warm (models loaded, one request before timing), one server, no cache.

``--check`` scores the check half ONCE and prints its totals only (no article, no miss). The
issue's bar: the parser earns its place if it adds at least 0.10 recall at equal precision there.

The server: the one at ``$KG_CORENLP_URL`` if set, else one started for the run by
tools/corenlp/corenlpctl.py (own state folder) and stopped at the end, also on failure or Ctrl-C.

Usage: python bench/parser_eval.py [--verbose] [--check] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corenlp_client import Parser, ParserError, parse_many  # noqa: E402
from corenlp_repair import repair  # noqa: E402
from extract_eval import _golds, by_half, evaluate, split  # noqa: E402
from kg.ingest.article import extract_file, read_article  # noqa: E402
from kg.ingest.article.extract import article_body  # noqa: E402
from kg.ingest.article.score import Score, reduce, score, score_speakers  # noqa: E402

from kg.actors import ActorIndex  # noqa: E402


def _ctl():
    spec = importlib.util.spec_from_file_location("corenlpctl", ROOT / "tools" / "corenlp" / "corenlpctl.py")
    ctl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ctl)
    return ctl


def _row(name: str, s: Score, sp: Score) -> str:
    return (f"{name:34} P {s.precision:5.2f} R {s.recall:5.2f} ({s.found}/{s.gold}, fp {s.false_pos})"
            f"   speakers P {sp.precision:5.2f} R {sp.recall:5.2f}")


def _run(args, parser: Parser) -> None:
    shared = Path(args.shared)
    dev = shared / "corpus" / "dev"
    index = ActorIndex.default()
    golds = _golds(shared, index)
    halves = split()
    tuning = [name for files in halves["tuning"].values() for name in files]
    bodies = {name: article_body(read_article(dev / name)) for name in tuning}

    parser.parse("France condemned the attack.")  # warm: one request before timing
    t0 = time.perf_counter()
    parsed = dict(parse_many(bodies.items(), parser))
    secs = time.perf_counter() - t0
    chars = sum(len(b) for b in bodies.values())
    print(f"parser: {len(tuning)} tuning articles, {chars} characters in {secs:.1f} s warm: "
          f"{len(tuning) / secs:.2f} articles/s, {chars / secs:.0f} characters/s (one server)")

    rows = {"without parse": (Score(), Score()), "with parse repair": (Score(), Score())}
    for name in tuning:
        ex = extract_file(dev / name, index=index)
        fixed = repair(ex, bodies[name], parsed[name], index)
        for label, e in (("without parse", ex), ("with parse repair", fixed)):
            red = reduce(e, index)
            s, sp = score(red, golds[name]), score_speakers(red, golds[name])
            rows[label] = (rows[label][0] + s, rows[label][1] + sp)
            if args.verbose and label == "with parse repair":
                base = {(x.speaker, x.stance, x.targets) for x in reduce(ex, index)}
                new = [x for x in red if (x.speaker, x.stance, x.targets) not in base]
                gone = [x for x in reduce(ex, index) if x not in red]
                for x in new:
                    print(f"  {name[:28]:28} + {x.speaker} {x.stance} {x.targets}")
                for x in gone:
                    print(f"  {name[:28]:28} - {x.speaker} {x.stance} {x.targets}")
    print(f"dev tuning ({len(halves['tuning'])} crises, micro):")
    for label, (s, sp) in rows.items():
        print(_row("  " + label, s, sp))

    if args.check:
        check = [name for files in halves["check"].values() for name in files]
        cbodies = {name: article_body(read_article(dev / name)) for name in check}
        cparsed = dict(parse_many(cbodies.items(), parser))
        plain, fixed = {}, {}
        for name, _path in ((n, dev / n) for n in golds):
            if name not in cparsed and name not in parsed:
                continue
            ex = extract_file(dev / name, index=index)
            plain[name] = reduce(ex, index)
            body = cbodies.get(name) or bodies[name]
            fixed[name] = reduce(repair(ex, body, cparsed.get(name) or parsed[name], index), index)
        res_plain = {k: v for k, v in evaluate(shared, index, _complete(plain, shared, index)).items()}
        res_fixed = evaluate(shared, index, _complete(fixed, shared, index))
        print(f"dev check ({len(halves['check'])} crises, micro; scored once):")
        print(_row("  without parse", *by_half(res_plain)["check"]))
        print(_row("  with parse repair", *by_half(res_fixed)["check"]))


def _complete(extracted: dict, shared: Path, index: ActorIndex) -> dict:
    """``evaluate`` wants every article it knows (the 2020 article too): the plain extractor for the rest."""
    from extract_eval import _articles

    out = dict(extracted)
    for name, path in _articles(shared):
        if name not in out:
            out[name] = reduce(extract_file(path, index=index), index)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", "-v", action="store_true", help="statements the repair adds or drops (tuning)")
    ap.add_argument("--check", action="store_true", help="also score the check half (totals only): once")
    args = ap.parse_args()
    started = None
    ctl = None
    try:
        if os.environ.get("KG_CORENLP_URL"):
            parser = Parser()
        else:
            ctl = _ctl()
            started = tempfile.mkdtemp(prefix="kg-corenlp-")
            st = ctl.ensure_running(home=started, verbose=False)
            parser = Parser(st["url"], timeout=st["timeout"])
        _run(args, parser)
    except ParserError as e:
        print(f"parser_eval: error: {e}", file=sys.stderr)
        return 1
    except Exception as e:
        if ctl and isinstance(e, ctl.CoreNLPCtlError):
            print(f"parser_eval: error: {str(e).splitlines()[0]}", file=sys.stderr)
            return 1
        raise
    finally:
        if started:
            ctl.stop(home=started, verbose=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
