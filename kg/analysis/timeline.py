"""Change over time: the same measures in successive time windows.

Examples
--------
>>> from datetime import date
>>> parse_window("7d"), parse_window("2w")
(7, 14)
>>> windows(date(2020, 9, 27), date(2020, 10, 10), 7)
[(datetime.date(2020, 9, 27), datetime.date(2020, 10, 3)), (datetime.date(2020, 10, 4), datetime.date(2020, 10, 10))]
>>> changes(["A", "B"], ["A", "C"])
{'joined': ['C'], 'left': ['B']}
"""
from __future__ import annotations

import re
from collections.abc import Sequence
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


def changes(before: Sequence[str] | None, after: Sequence[str] | None) -> dict[str, list[str]]:
    """Who joined and who left a group between two windows."""
    b, a = set(before or ()), set(after or ())
    return {"joined": sorted(a - b), "left": sorted(b - a)}
