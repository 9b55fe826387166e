"""The colours of camps, the same in pictures (:mod:`kg.plot`) and in exports (:mod:`kg.export`).

>>> camp_colour(1), camp_colour(0), rgb(camp_colour(2))
('#1f77b4', '#d0d0d0', (255, 127, 14))
"""
from __future__ import annotations

PALETTE = ("#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#7f7f7f", "#aec7e8", "#ffbb78")
"""Camp 1, 2, …: matplotlib's tab10 without its green and red, which mean friendly and hostile."""
UNALIGNED = "#d0d0d0"
"""An actor in no camp."""


def camp_colour(camp: int | None) -> str:
    """The colour of camp number ``camp`` (from 1); None or 0 is no camp."""
    return PALETTE[(camp - 1) % len(PALETTE)] if camp else UNALIGNED


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three integers 0-255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
