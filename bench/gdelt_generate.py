"""Generator of synthetic GDELT 2.0 event files, shaped on a real sample, for loading benchmarks.

Writes GDELT 2.0 event rows the way GDELT publishes them in its ``*.export.CSV`` files: 61
tab-separated columns, no header, one event per line. The rows are made up, but their shape is
taken at start-up from a sample of 6,090 real rows (gdeltPyR's, under ../shared/refdata; the column
order is the one of gdeltPyR's events2.csv), not written into this file:

- events come in articles. An article of the sample is all the rows sharing a SOURCEURL and a
  DATEADDED; each generated article replays one of them, picked at random, row by row: its
  IsRootEvent, its CAMEO event (EventCode, EventBaseCode, EventRootCode, QuadClass,
  GoldsteinScale), its NumMentions, NumSources and NumArticles, and its AvgTone. So each of these
  columns, and their combinations, follow the sample's distribution row for row, as do the number
  of events per article and the tie between an article's tone and the kind of events in it;
- actors keep the sample row's pattern: whether Actor1 and Actor2 have a country (both and
  different, the state-to-state rows; both and the same; only one; none). An actor with a country
  gets a generated one; an actor without (an organisation, a role such as police, or nobody) is
  copied from the sample row as is. A generated actor keeps the sample actor's sector suffix
  (USAGOV -> <code>GOV, with its type columns) when the sample code is the country code plus one;
- the generated countries: the country codes seen in the sample, most frequent first (USA leads),
  then other ISO 3166 alpha-3 codes from pycountry in an order shuffled by the seed, up to
  ``actors`` codes. They are drawn with a Zipf law whose exponent makes the first one take the
  share of the country mentions that the sample's most frequent country takes. Names: the
  pycountry name (its common name when it has one), upper case and without accents, as GDELT
  writes them; a sample code that is not an ISO one (CAMEO regions such as AFR) takes the name the
  sample gives it, and is left out when the sample never names it. The sample and pycountry hold
  fewer codes than 300 (254 with the gdeltPyR sample): a larger ``actors`` gets all of them;
- dates run from ``start`` over ``days`` days, in order of GLOBALEVENTID (increasing integers from
  1,000,000,000), like a concatenation of GDELT's 15-minute updates: DATEADDED is the quarter hour
  an article falls in, SQLDATE its day, MonthYear, Year and FractionDate follow from it
  (FractionDate the way the sample computes it: year + ((month - 1) * 30 + day) / 365);
- SOURCEURL is https://example.org/news/<article number>, never a real address; the 24 geography
  columns hold the no-location pattern of real rows (type 0, the rest empty).

Rows are produced in batches and written as they come, so memory stays bounded whatever N.
Run: python bench/gdelt_generate.py N OUT [--seed 0] [--actors 300] [--days 180] [--start 2024-01-01]
     [--sample PATH] [--zip]
With --zip, OUT is a zip holding one member named as GDELT names its files (20240101000000.export.CSV).
Progress goes to stderr every 100,000 rows when stderr is a terminal. Checked by tests/test_gdelt_generate.py.
"""
from __future__ import annotations

import argparse
import csv
import functools
import random
import sys
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import accumulate, chain
from pathlib import Path
from typing import Iterator, NamedTuple

import pycountry

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "refdata" / "gdelt" / "gdeltPyR" / "DERIVED_events2samps_61col_noheader.tsv"

# 0-based column indexes of the 61-column export (names as in gdeltPyR's events2.csv).
COLUMNS = 61
GLOBALEVENTID, SQLDATE, MONTHYEAR, YEAR, FRACTIONDATE = 0, 1, 2, 3, 4
ACTOR1, ACTOR2 = 5, 15  # each actor's ten columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
ACTOR_COLUMNS = 10  # Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code
CODE, NAME, COUNTRY = 0, 1, 2  # offsets within an actor's columns
ISROOTEVENT, EVENTCODE, QUADCLASS, AVGTONE = 25, 26, 29, 34  # 25..34: IsRootEvent .. AvgTone
GEO = slice(35, 59)  # Actor1Geo_*, Actor2Geo_*, ActionGeo_*: eight columns each
DATEADDED, SOURCEURL = 59, 60

FIRST_ID = 1_000_000_000
QUARTERS = 96  # GDELT publishes an update every 15 minutes
NO_GEO = "\t".join(["0", "", "", "", "", "", "", ""] * 3)
NONE, ONLY1, ONLY2, DIFFERENT, SAME = range(5)  # which actors have a country
BATCH = 10_000
PROGRESS = 100_000


class Model(NamedTuple):
    """What the generator takes from the sample."""

    articles: list[list[tuple]]  # per article, per row: (kind, actor1, actor2, text left and right of them)
    patterns: list[tuple[str, str]]  # a country actor's code suffix, and its columns after CountryCode joined
    frequency: Counter  # country code -> rows naming it (as Actor1 and as Actor2)
    names: dict[str, str]  # sample code that pycountry does not know -> the sample's name for it


def actor_kind(row: list[str]) -> int:
    a1, a2 = row[ACTOR1 + COUNTRY], row[ACTOR2 + COUNTRY]
    if a1 and a2:
        return SAME if a1 == a2 else DIFFERENT
    return ONLY1 if a1 else ONLY2 if a2 else NONE


def read_sample(path: Path | str) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    bad = [i + 1 for i, r in enumerate(rows) if len(r) != COLUMNS]
    if bad or not rows:
        raise ValueError(f"{path}: not GDELT 2.0 events ({COLUMNS} tab-separated columns); lines {bad[:5]}")
    return rows


@functools.lru_cache(maxsize=4)
def load_model(path: str) -> Model:
    rows = read_sample(path)
    patterns: dict[tuple[str, str], int] = {}
    frequency: Counter = Counter()
    said: dict[str, Counter] = defaultdict(Counter)
    by_article: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for r in rows:
        sides = []
        for first in (ACTOR1, ACTOR2):
            actor = r[first:first + ACTOR_COLUMNS]
            cc = actor[COUNTRY]
            if not cc:
                sides.append("\t".join(actor))  # no country: copied as is
                continue
            frequency[cc] += 1
            if actor[CODE] == cc:
                said[cc][actor[NAME]] += 1
            if actor[CODE].startswith(cc):  # the country code and maybe a suffix (GOV), kept with its columns
                pattern = actor[CODE][len(cc):], "\t".join(actor[COUNTRY + 1:])
            else:  # an organisation of the country (IGO..., MNC...): a plain country actor instead
                pattern = "", "\t" * (ACTOR_COLUMNS - COUNTRY - 2)
            sides.append(patterns.setdefault(pattern, len(patterns)))
        # What surrounds the generated actors in the line (see batches): fixed text joined in advance.
        kind, event = actor_kind(r), "\t".join(r[ISROOTEVENT:AVGTONE + 1])
        left = f"{sides[0]}\t" if kind == ONLY2 else ""
        right = {NONE: f"{sides[0]}\t{sides[1]}\t{event}", ONLY1: f"\t{sides[1]}\t{event}"}.get(kind, f"\t{event}")
        by_article[r[DATEADDED], r[SOURCEURL]].append((kind, sides[0], sides[1], left, right))
    names = {cc: said[cc].most_common(1)[0][0] for cc in frequency
             if not pycountry.countries.get(alpha_3=cc) and said[cc]}
    return Model(list(by_article.values()), list(patterns), frequency, names)


def country_name(code: str) -> str:
    c = pycountry.countries.get(alpha_3=code)
    name = getattr(c, "common_name", None) or c.name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()


def actor_codes(model: Model, actors: int, rng: random.Random) -> list[tuple[str, str]]:
    """(code, name) of the generated countries, most frequent first."""
    seen = [cc for cc, _ in sorted(model.frequency.items(), key=lambda kv: (-kv[1], kv[0]))
            if pycountry.countries.get(alpha_3=cc) or cc in model.names]
    more = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in model.frequency)
    rng.shuffle(more)
    return [(cc, model.names.get(cc) or country_name(cc)) for cc in (seen + more)[:actors]]


def zipf_exponent(top_share: float, k: int) -> float:
    """The s for which the first of k ranks weighted 1/r**s takes top_share of the total."""
    if k < 2 or top_share <= 1 / k:
        return 0.0
    lo, hi = 0.0, 20.0
    for _ in range(60):
        s = (lo + hi) / 2
        if 1 / sum(r ** -s for r in range(1, k + 1)) < top_share:
            lo = s
        else:
            hi = s
    return (lo + hi) / 2


def _draws(rng: random.Random, cum: list[float]) -> Iterator[int]:
    ranks = range(len(cum))
    while True:
        yield from rng.choices(ranks, cum_weights=cum, k=1 << 16)


def _day(d: date) -> tuple[str, str]:
    """The text between GLOBALEVENTID and Actor1Code on day d (its four date columns), and its YYYYMMDD."""
    ymd = f"{d:%Y%m%d}"
    return f"\t{ymd}\t{ymd[:6]}\t{d.year}\t{d.year + ((d.month - 1) * 30 + d.day) / 365:.4f}\t", ymd


def batches(n: int, seed: int = 0, sample: Path | str = SAMPLE, actors: int = 300,
            start: date = date(2024, 1, 1), days: int = 180) -> Iterator[list[str]]:
    """The n rows of generate(), in lists of about 10,000 lines."""
    if n < 0 or days < 1:
        raise ValueError("n must be >= 0 and days >= 1")
    model = load_model(str(sample))
    rng = random.Random(seed)
    countries = actor_codes(model, actors, rng)
    if len(countries) < 2:
        raise ValueError("state-to-state rows need at least 2 actors")
    top = max(model.frequency.values()) / sum(model.frequency.values()) if model.frequency else 0.0
    s = zipf_exponent(top, len(countries))
    cum = list(accumulate(r ** -s for r in range(1, len(countries) + 1)))
    draw = _draws(rng, cum).__next__
    blocks = [[f"{cc}{suffix}\t{name}\t{cc}\t{rest}" for cc, name in countries] for suffix, rest in model.patterns]
    slots = days * QUARTERS
    day, head, ymd = -1, "", ""
    out: list[str] = []
    append = out.append
    eid, last, article = FIRST_ID, FIRST_ID + n, 0
    while eid < last:
        rows = model.articles[rng.randrange(len(model.articles))]
        article += 1
        d, quarter = divmod((eid - FIRST_ID) * slots // n, QUARTERS)
        if d != day:
            day = d
            head, ymd = _day(start + timedelta(days=d))
        tail = f"\t{NO_GEO}\t{ymd}{quarter // 4:02d}{quarter % 4 * 15:02d}00\thttps://example.org/news/{article}\n"
        for kind, p1, p2, left, right in rows[:last - eid]:
            if kind == ONLY1:
                append(f"{eid}{head}{blocks[p1][draw()]}{right}{tail}")
            elif kind == ONLY2:
                append(f"{eid}{head}{left}{blocks[p2][draw()]}{right}{tail}")
            elif kind == NONE:
                append(f"{eid}{head}{right}{tail}")
            elif kind == DIFFERENT:
                c1 = draw()
                c2 = draw()
                while c2 == c1:
                    c2 = draw()
                append(f"{eid}{head}{blocks[p1][c1]}\t{blocks[p2][c2]}{right}{tail}")
            else:
                c1 = draw()
                append(f"{eid}{head}{blocks[p1][c1]}\t{blocks[p2][c1]}{right}{tail}")
            eid += 1
        if len(out) >= BATCH:
            yield out
            out = []
            append = out.append
    if out:
        yield out


def generate(n: int, seed: int = 0, sample: Path | str = SAMPLE, actors: int = 300,
             start: date = date(2024, 1, 1), days: int = 180) -> Iterator[str]:
    """n GDELT 2.0 event rows, each a line of 61 tab-separated columns ending in a newline."""
    return chain.from_iterable(batches(n, seed, sample, actors, start, days))


def member_name(start: date) -> str:
    """The name GDELT gives the export file of the update at start's midnight."""
    return f"{start:%Y%m%d}000000.export.CSV"


def write(out, n: int, seed: int, sample: Path | str, actors: int, start: date, days: int) -> None:
    """Writes the n rows to out (a binary file), with progress on stderr when it is a terminal."""
    progress = sys.stderr.isatty()
    t0 = time.perf_counter()
    done = 0
    for batch in batches(n, seed, sample, actors, start, days):
        out.write("".join(batch).encode())
        if progress and (done + len(batch)) // PROGRESS > done // PROGRESS:
            elapsed = time.perf_counter() - t0
            print(f"{done + len(batch):,} rows, {(done + len(batch)) / elapsed:,.0f} rows/s", file=sys.stderr)
        done += len(batch)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="rows to write")
    ap.add_argument("out", type=Path, help="the file to write (a zip with --zip)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--actors", type=int, default=300, help="countries to draw actors from")
    ap.add_argument("--days", type=int, default=180, help="days the events spread over")
    ap.add_argument("--start", type=date.fromisoformat, default=date(2024, 1, 1), help="first day (YYYY-MM-DD)")
    ap.add_argument("--sample", type=Path, default=SAMPLE, help="real rows to take the distributions from")
    ap.add_argument("--zip", action="store_true", help=f"a zip holding one member, {member_name(date(2024, 1, 1))}")
    args = ap.parse_args()
    if args.n < 0 or args.days < 1 or args.actors < 2:
        ap.error("N must be >= 0, --days >= 1 and --actors >= 2")
    if not args.sample.exists():
        ap.error(f"no sample at {args.sample} (the shared corpus sits beside the project): give --sample")
    t0 = time.perf_counter()
    run = (args.n, args.seed, args.sample, args.actors, args.start, args.days)
    try:
        if args.zip:
            member = zipfile.ZipInfo(member_name(args.start), max(args.start.timetuple()[:6], (1980, 1, 1, 0, 0, 0)))
            member.compress_type = zipfile.ZIP_DEFLATED
            with zipfile.ZipFile(args.out, "w") as zf, zf.open(member, "w", force_zip64=True) as out:
                write(out, *run)
        else:
            with open(args.out, "wb") as out:
                write(out, *run)
    except ValueError as e:
        ap.error(str(e))
    elapsed = time.perf_counter() - t0
    actors = len(actor_codes(load_model(str(args.sample)), args.actors, random.Random(args.seed)))
    print(f"{args.n:,} rows ({actors} actors, {args.days} days) written to {args.out} in {elapsed:.1f} s "
          f"({args.n / elapsed if elapsed else float('inf'):,.0f} rows/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
