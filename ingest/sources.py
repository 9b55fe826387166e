"""Reading the tables of reference sources: rows with line numbers, runs of years, the report.

Every way a source table can be unreadable is one :class:`~kg.errors.DataError` naming the
file and, where there is one, the line: a missing file, columns other than those expected, a
row cut short (a truncated file), bytes that are not in the file's encoding, or a name that
was encoded twice (UTF-8 bytes read as Latin-1: ``GonzÃ¡lez``).

Examples
--------
>>> spans([(2015, "full"), (2016, "full"), (2019, "full")], first=2015, last=2023)
[(None, datetime.date(2016, 12, 31), 'full'), (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31), 'full')]
>>> bool(MOJIBAKE.search("GonzÃ¡lez")), bool(MOJIBAKE.search("González"))
(True, False)
"""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import DataError, Problem

MOJIBAKE = re.compile("[\u0080-\u009f]|[\u00c2-\u00f4][\u0080-\u00bf]")
"""Text that was UTF-8 read as Latin-1 (a C1 control character, or a lead byte before a
continuation byte): no name in a source is written so."""


@dataclass
class Report:
    """What was read, what was set aside and why, per source."""

    loaded: Counter = field(default_factory=Counter)
    rows: int = 0
    """Rows (or records) read so far, for a progress line."""
    unmatched: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    notes: list[str] = field(default_factory=list)

    def skip(self, source: str, what: str) -> None:
        self.unmatched[source][what] += 1

    def as_dict(self) -> dict:
        return {"loaded": dict(sorted(self.loaded.items())),
                "unmatched": {s: {"rows": sum(c.values()), "most_common": c.most_common(10)}
                              for s, c in sorted(self.unmatched.items())},
                "notes": self.notes}


def _bad_line(path: Path, encoding: str) -> int | None:
    """The first line of ``path`` that does not decode (read again only when decoding failed)."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                return number
    return None


def rows(path: Path, columns: Iterable[str], encoding: str = "utf-8", delimiter: str = ",",
         names: Iterable[str] = ()) -> Iterator[tuple[int, dict]]:
    """The rows of a CSV (or, with ``delimiter="\\t"``, TSV) file with their line numbers.

    DataError on a missing file, a header without one of ``columns``, a row with fewer fields
    than the header (a file cut short), text not in ``encoding``, or text encoded twice in one
    of the columns ``names``.
    """
    columns, names = tuple(columns), tuple(names)
    if not path.is_file():
        raise DataError(Problem("missing: kg ingest reference reads this file of the folder", str(path)))
    try:
        with path.open(encoding=encoding, newline="") as fh:
            reader = csv.DictReader(fh, delimiter=delimiter)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataError(Problem(f"unknown column layout: no column {', '.join(missing)} "
                                        f"(found {', '.join(header) or 'none'})", str(path), 1))
            for row in reader:
                if None in row.values():
                    raise DataError(Problem(f"truncated: {sum(v is not None for v in row.values())} of "
                                            f"{len(header)} fields (is the file complete?)", str(path),
                                            reader.line_num))
                for column in names:
                    if MOJIBAKE.search(row[column]):
                        raise DataError(Problem(f"mis-encoded text in column {column}: {row[column]!r} "
                                                "(UTF-8 read as Latin-1?)", str(path), reader.line_num))
                yield reader.line_num, row
    except UnicodeDecodeError as e:
        name = {"utf-8": "UTF-8", "latin-1": "Latin-1"}.get(encoding, encoding)
        raise DataError(Problem(f"not {name} text ({e.reason})", str(path), _bad_line(path, encoding))) from None


def spans(years: list[tuple[int, str]], first: int, last: int) -> list[tuple[date | None, date | None, str]]:
    """Consecutive years with the same value as (start, end, value); open at the data's ends."""
    out: list[tuple[date | None, date | None, str]] = []
    run: list[tuple[int, str]] = []
    for year, value in sorted(years) + [(10**6, "")]:
        if run and (year != run[-1][0] + 1 or value != run[-1][1]):
            y0, y1 = run[0][0], run[-1][0]
            out.append((None if y0 <= first else date(y0, 1, 1), None if y1 >= last else date(y1, 12, 31), run[0][1]))
            run = []
        run.append((year, value))
    return out
