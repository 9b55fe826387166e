"""Read a text file for a source, turning every way it can be unreadable into one DataError."""
from __future__ import annotations

from pathlib import Path

from kg.errors import DataError, Problem


def read_text(path: str | Path, what: str, max_bytes: int | None = None) -> str:
    """The UTF-8 text of ``path``; ``DataError`` naming the file when it is missing, a folder,
    unreadable, larger than ``max_bytes``, binary or not UTF-8. ``what`` names the expected
    content in messages ("an article", "a YAML file").
    """
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise DataError(Problem("no such file", str(p))) from None
    except IsADirectoryError:
        raise DataError(Problem(f"is a directory, not {what}", str(p))) from None
    except OSError as e:
        raise DataError(Problem(f"cannot read: {e.strerror or e}", str(p))) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise DataError(Problem(f"too large for {what} (over {max_bytes // 1_000_000} MB); split it first",
                                str(p)))
    if b"\x00" in data[:8192]:
        raise DataError(Problem("binary file, not text", str(p)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(Problem(f"not UTF-8 text (byte {e.start})", str(p))) from None
