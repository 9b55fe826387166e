"""kg: a knowledge graph of diplomatic reactions — who backs whom, with evidence."""
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers and IDEs; at run time the names load on first use (PEP 562)
    from kg.actors import ActorIndex
    from kg.errors import (
        AnalysisError,
        DataError,
        KgError,
        Problem,
        QueryError,
        StoreError,
        StoreUnavailable,
        UnknownActorError,
    )
    from kg.model import Actor, Alliance, Dataset, Membership, Role, Source, Statement

__all__ = [
    "Actor", "ActorIndex", "Alliance", "AnalysisError", "DataError", "Dataset", "KgError",
    "Membership", "Problem", "QueryError", "Role", "Source", "Statement", "StoreError",
    "StoreUnavailable", "UnknownActorError",
]
__version__ = "0.1.0"

_HOMES = {
    "ActorIndex": "kg.actors",
    **dict.fromkeys(("AnalysisError", "DataError", "KgError", "Problem", "QueryError", "StoreError",
                     "StoreUnavailable", "UnknownActorError"), "kg.errors"),
    **dict.fromkeys(("Actor", "Alliance", "Dataset", "Membership", "Role", "Source", "Statement"), "kg.model"),
}


def __getattr__(name: str):
    """Import a public name only when it is first used, so that ``kg --help`` starts fast."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
