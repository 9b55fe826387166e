"""Tables that fit the terminal without cutting words.

Rich wraps cell text at word boundaries, but when the columns of a table want more room than
the terminal has it shrinks them below their longest word, and then folds or ellipsises words
(ids included). :func:`fit` sizes the columns itself instead:

* every column is at least as wide as its longest word, header words included (a ``no_wrap``
  column, for ids, codes, numbers and dates, as wide as its longest line);
* the room left goes to the columns whose text would be wrapped, evenly by ``ratio``
  (default 1), so short columns keep their natural width and long text takes the rest;
* when even the longest words do not fit side by side, the table is shown one record per
  section instead (header, value), and only a word longer than the whole line is folded.

Commands build a ``rich.table.Table`` as usual (or two: a wide layout and a narrow one with
merged columns) and print ``fit(table)``; prose lines go through :func:`say` so that they
wrap at word boundaries too.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Column, Table
from rich.text import Text

RESCUE = 4
"""At most this many cells move to a column that then holds its longest line (see :func:`allocate`)."""


SAMPLE = 200
"""Rows looked at to compare the heights of two layouts."""


def _console(console: Console | None) -> Console:
    if console is not None:
        return console
    from kg.cli.common import out

    return out


def _text(console: Console, cell: RenderableType) -> Text | None:
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str):
        return console.render_str(cell, highlight=False)
    return None


def _measure(console: Console, cell: RenderableType, no_wrap: bool) -> tuple[int, int]:
    """(longest word, longest line) of a cell in terminal cells; a ``no_wrap`` cell cannot be split."""
    text = _text(console, cell)
    if text is None:
        m = Measurement.get(console, console.options, cell)
        return (m.maximum if no_wrap else m.minimum), m.maximum
    plain = text.plain
    longest_line = max((cell_len(line) for line in plain.split("\n")), default=0)
    if no_wrap:
        return longest_line, longest_line
    return max((cell_len(w) for w in plain.split()), default=0), longest_line


def _bounds(console: Console, column: Column) -> tuple[int, int]:
    lo = hi = 0
    for cell in (column.header, *column.cells):
        a, b = _measure(console, cell, column.no_wrap)
        lo, hi = max(lo, a), max(hi, b)
    if column.max_width is not None:
        hi = min(hi, column.max_width)
    lo = max(lo, min(column.min_width or 0, hi), 1)
    return lo, max(lo, hi)


def allocate(mins: Sequence[int], maxs: Sequence[int], weights: Sequence[float], room: int) -> list[int] | None:
    """Column widths within ``room``: each at least its min, the rest shared by weight up to each max.

    A level ``L`` is found so that ``sum(clamp(L * weight, min, max)) == room``: columns that
    want less than their share keep their natural width, the others share the rest.
    None when the minimums alone do not fit.

    >>> allocate([3, 5, 4], [3, 20, 30], [1, 1, 2], 30)
    [3, 9, 18]
    >>> allocate([3, 5], [4, 6], [1, 1], 30), allocate([10, 10], [20, 20], [1, 1], 15)
    ([4, 6], None)
    """
    if sum(mins) > room:
        return None
    if sum(maxs) <= room:
        return list(maxs)

    def widths(level: float) -> list[float]:
        return [min(max(level * w, lo), hi) for lo, hi, w in zip(mins, maxs, weights, strict=True)]

    low, high = 0.0, max(hi / w for hi, w in zip(maxs, weights, strict=True))
    for _ in range(60):
        mid = (low + high) / 2
        if sum(widths(mid)) > room:
            high = mid
        else:
            low = mid
    exact = widths(low)
    out = [int(x) for x in exact]
    # Hand out the cells lost to rounding, largest remainder first.
    order = sorted(range(len(out)), key=lambda i: (-(exact[i] - out[i]), -weights[i], i))
    spare = room - sum(out)
    for i in order * 2:
        if spare <= 0:
            break
        if out[i] < maxs[i]:
            out[i] += 1
            spare -= 1
    # A column a few cells short of its natural width ("Vladimir Putin" in 13) takes them from
    # the column with the most room above its minimum, so that a short name stays on one line.
    for i in sorted(range(len(out)), key=lambda i: maxs[i] - out[i]):
        short = maxs[i] - out[i]
        if not 0 < short <= RESCUE:
            continue
        donor = max(range(len(out)), key=lambda j: (out[j] - mins[j]) * weights[j])
        if donor != i and out[donor] - short >= max(mins[donor], 2 * short + 1):
            out[donor] -= short
            out[i] += short
    return out


def _overhead(table: Table) -> int:
    """Borders and padding around the columns' text (as rich counts them)."""
    n = len(table.columns)
    padding = sum(table._get_padding_width(i) for i in range(n))  # what rich adds to a column's width
    borders = (n - 1 + (2 if table.show_edge else 0)) if table.box else 0
    return padding + borders


def _wrapping_title(console: Console, title):
    """A title that wraps at the table's width even when the console prints with soft wrap."""
    if title is None:
        return None
    text = _text(console, title)
    if text is None:
        return title
    text = text.copy()
    text.no_wrap, text.overflow = False, "fold"  # soft wrap prints with overflow "ignore": no wrapping
    return text


def _size(table: Table, console: Console, width: int) -> bool:
    """Give every column a fixed width that keeps its words whole; False if they do not fit."""
    bounds = [_bounds(console, c) for c in table.columns]
    widths = allocate([b[0] for b in bounds], [b[1] for b in bounds],
                      [c.ratio or 1 for c in table.columns], width - _overhead(table))
    if widths is None:
        return False
    for column, w in zip(table.columns, widths, strict=True):
        column.width, column.min_width, column.max_width, column.ratio = w, None, None, None
        column.overflow = "fold"  # never reached: the column holds its longest word
    table.expand = False
    return True


def _height(table: Table, console: Console, sample: int = SAMPLE) -> float:
    """About how many lines a sized table takes (header and rules included), from at most ``sample`` rows."""

    def lines(cell: RenderableType, column: Column) -> int:
        text = _text(console, cell)
        if text is None:
            return len(console.render_lines(cell, console.options.update(width=column.width), pad=False))
        return len(text.wrap(console, column.width, overflow="fold", no_wrap=column.no_wrap))

    cells = [list(c.cells) for c in table.columns]
    n = table.row_count
    picked = range(0, n, max(1, -(-n // sample)))
    body = sum(max(lines(col[i], c) for col, c in zip(cells, table.columns, strict=True)) for i in picked)
    header = max(lines(c.header, c) for c in table.columns) if table.show_header else 0
    return header + (body * n / len(picked) if n else 0) + (n if table.show_lines else 0)


def _records(table: Table) -> Table:
    """The same rows, one section per record: header, then value."""
    rec = Table(title=table.title, caption=table.caption, show_header=False, box=table.box,
                title_justify=table.title_justify, caption_justify=table.caption_justify)
    rec.add_column(style="bold", no_wrap=False)
    rec.add_column()
    columns = table.columns
    rows = list(zip(*(list(c.cells) for c in columns), strict=True)) if columns else []
    for row in rows:
        fields = [(c.header, cell) for c, cell in zip(columns, row, strict=True) if not (isinstance(cell, str)
                                                                                     and cell == "")]
        for i, (header, cell) in enumerate(fields):
            rec.add_row(header, cell, end_section=i == len(fields) - 1)
    return rec


def fit(*layouts: Table, console: Console | None = None, width: int | None = None) -> Table:
    """Of ``layouts``, the one that fits the console's width with every word (and id) whole in the fewest lines.

    Give a wide layout first and a narrower one (fewer, merged columns) after it; on a tie the
    earlier wins. A column's ``min_width`` is the width it needs to be readable (kept only if
    its text is that wide). If no layout fits, the last one's rows are shown as records
    (header, value); a single word longer than the line is then folded, the one case where a
    word is split.
    """
    console = _console(console)
    width = width or console.width
    fitting = []
    for table in layouts:
        table.title = _wrapping_title(console, table.title)
        table.caption = _wrapping_title(console, table.caption)
        if _size(table, console, width):
            fitting.append(table)
    if len(fitting) == 1:
        return fitting[0]
    if fitting:
        return min(fitting, key=lambda t: _height(t, console))
    rec = _records(layouts[-1])
    if not _size(rec, console, width):
        head = min(_bounds(console, rec.columns[0])[1], max(1, width // 3))
        rec.columns[0].width = head
        rec.columns[1].width = max(1, width - _overhead(rec) - head)
        for c in rec.columns:
            c.overflow = "fold"
    return rec


def say(*objects, console: Console | None = None, **kwargs) -> None:
    """Print prose that wraps at word boundaries at the console's width (the console soft-wraps)."""
    _console(console).print(*objects, soft_wrap=False, **kwargs)



def items(pairs: Sequence[tuple[str, RenderableType]], console: Console | None = None) -> Table:
    """A list with hanging indents: each ``(marker, text)`` on its own line(s), the text wrapped at word boundaries.

    >>> from rich.console import Console
    >>> c = Console(width=30, highlight=False)
    >>> with c.capture() as cap:
    ...     c.print(items([("  1.", "Armenia, Nagorno-Karabakh Republic, Anna Hakobyan")], console=c))
    >>> print(cap.get().rstrip())
      1. Armenia, Nagorno-Karabakh
         Republic, Anna Hakobyan
    """
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for marker, text in pairs:
        grid.add_row(marker, text)
    return fit(grid, console=console)
