"""kg: a knowledge graph of diplomatic reactions — who backs whom, with evidence."""
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
