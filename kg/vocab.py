"""The stance vocabulary, read once from ``kg/data/stances.yaml``.

Examples
--------
>>> from kg.vocab import stance
>>> stance("call_for_ceasefire").plover_type
'REQUEST'
>>> stance("support").valence
1.0
"""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from kg.errors import DataError


class Stance(BaseModel):
    """One stance: its valence and its CAMEO and PLOVER codes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    valence: float
    cameo: str
    plover_type: str
    plover_mode: str | None = None
    gold: str
    description: str

    @property
    def sign(self) -> int:
        """+1 for friendly, -1 for hostile, 0 for stances that take no side."""
        return (self.valence > 0) - (self.valence < 0)


@cache
def stances() -> dict[str, Stance]:
    """All stances by name, in the order of the data file."""
    text = resources.files("kg.data").joinpath("stances.yaml").read_text(encoding="utf-8")
    out = {}
    for name, d in yaml.safe_load(text)["stances"].items():
        out[name] = Stance(
            name=name,
            valence=d["valence"],
            cameo=d["cameo"],
            plover_type=d["plover"]["type"],
            plover_mode=d["plover"].get("mode"),
            gold=d["gold"],
            description=d["description"],
        )
    return out


def stance(name: str) -> Stance:
    """The stance called ``name``; raises ``DataError`` naming the known ones."""
    try:
        return stances()[name]
    except KeyError:
        raise DataError(f"unknown stance {name!r} (known: {', '.join(stances())})") from None


STANCE_NAMES = tuple(stances())
