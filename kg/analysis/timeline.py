"""Change over time: the same measures in successive time windows.

Examples
--------
>>> from datetime import date
>>> parse_window("7d"), parse_window("2w")
(7, 14)
>>> windows(date(2020, 9, 27), date(2020, 10, 10), 7)
[(datetime.date(2020, 9, 27), datetime.date(2020, 10, 3)), (datetime.date(2020, 10, 4), datetime.date(2020, 10, 10))]
>>> [(str(a), str(b), gap) for a, b, gap in data_windows([date(2020, 7, 16), date(2020, 9, 27)], 7)]
[('2020-07-16', '2020-07-22', False), ('2020-07-23', '2020-09-26', True), ('2020-09-27', '2020-09-27', False)]
>>> changes(["A", "B"], ["A", "C"])
{'joined': ['C'], 'left': ['B']}
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from kg.errors import KgError


def parse_window(text: str) -> int:
    """Days in a window written ``Nd`` (days) or ``Nw`` (weeks).

    >>> parse_window("30")
    30
    """
    m = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text or "")
    if not m or int(m.group(1)) <= 0:
        raise KgError(f"--window: bad window {text!r} (expected e.g. 7d or 2w)")
    return int(m.group(1)) * (7 if m.group(2) == "w" else 1)


def windows(since: date, until: date, days: int) -> list[tuple[date, date]]:
    """Consecutive windows of ``days`` days from ``since``, the last one cut at ``until``."""
    out, start = [], since
    while start <= until:
        end = min(start + timedelta(days=days - 1), until)
        out.append((start, end))
        start = end + timedelta(days=1)
    return out


def data_windows(days_with_statements: Iterable[date], days: int, until: date | None = None
                 ) -> list[tuple[date, date, bool]]:
    """Windows of ``days`` days laid over the days that have statements, so that none is empty.

    The first window starts on the first day with statements; each later one on the first day
    with statements after the previous window ends. A stretch without statements between two
    windows comes back as one gap ``(first day, last day, True)``; windows are ``(start, end,
    False)``. The last window is cut at ``until`` (default: the last day with statements).

    >>> d = [date(2021, 3, 1), date(2021, 3, 2), date(2021, 3, 8), date(2021, 3, 20)]
    >>> [(a.day, b.day, gap) for a, b, gap in data_windows(d, 7)]
    [(1, 7, False), (8, 14, False), (15, 19, True), (20, 20, False)]
    >>> [(a.day, b.day, gap) for a, b, gap in data_windows(d, 14, until=date(2021, 3, 31))]
    [(1, 14, False), (15, 19, True), (20, 31, False)]
    >>> data_windows([], 7)
    []
    """
    marked = sorted(set(days_with_statements))
    if not marked:
        return []
    until = until or marked[-1]
    out: list[tuple[date, date, bool]] = []
    i = 0
    while i < len(marked) and marked[i] <= until:
        start = marked[i]
        if out and start > out[-1][1] + timedelta(days=1):
            out.append((out[-1][1] + timedelta(days=1), start - timedelta(days=1), True))
        end = min(start + timedelta(days=days - 1), until)
        out.append((start, end, False))
        while i < len(marked) and marked[i] <= end:
            i += 1
    return out


def changes(before: Sequence[str] | None, after: Sequence[str] | None) -> dict[str, list[str]]:
    """Who joined and who left a group between two windows."""
    b, a = set(before or ()), set(after or ())
    return {"joined": sorted(a - b), "left": sorted(b - a)}
