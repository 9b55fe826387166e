"""What ``kg query`` lets through: plain reads, judged on the plan Neo4j makes of the query.

Before a user's query runs, the store asks Neo4j for its plan (``EXPLAIN``). The query runs only
when the plan is a read (query type ``r``) made of operators from :data:`READ_OPERATORS` (or
their families in :data:`READ_FAMILIES`), and every procedure it calls is in
:data:`READ_PROCEDURES`. It is an allow-list: an operator or a procedure not named here is
refused, even if it only reads, until someone adds it here. Refused, among others, whatever
writes, ``LOAD CSV`` (it reads the server's files), ``SHOW TRANSACTIONS`` and ``TERMINATE
TRANSACTIONS`` (they reach into other sessions), administration commands and procedures that
run Cypher of their own (``apoc.cypher.run``).

Examples
--------
>>> refusal({"operatorType": "ProduceResults@neo4j", "children": [
...     {"operatorType": "NodeByLabelScan@neo4j", "args": {}, "children": []}]}, "r")
>>> refusal({"operatorType": "ProduceResults@neo4j", "children": [
...     {"operatorType": "LoadCSV@neo4j", "args": {}, "children": []}]}, "r")
'LoadCSV reads files'
>>> refusal({"operatorType": "ProcedureCall@neo4j", "children": [],
...          "args": {"Details": "apoc.cypher.run($autostring_0, {}) :: (value :: MAP)"}}, "r")
'the procedure apoc.cypher.run is not one kg query allows'
>>> refusal({"operatorType": "ProduceResults@neo4j", "children": []}, "rw")
'it would write'
"""
from __future__ import annotations

__all__ = ["READ_FAMILIES", "READ_OPERATORS", "READ_PROCEDURES", "refusal"]

READ_OPERATORS = frozenset("""
ProduceResults Projection Filter Unwind Eager EagerAggregation OrderedAggregation Distinct OrderedDistinct
Sort PartialSort Top PartialTop Limit ExhaustiveLimit Skip Union CartesianProduct Apply SemiApply
AntiSemiApply LetSemiApply LetAntiSemiApply SelectOrSemiApply SelectOrAntiSemiApply LetSelectOrSemiApply
LetSelectOrAntiSemiApply ConditionalApply AntiConditionalApply RollUpApply Argument ArgumentTracker
Optional ShortestPath NodeHashJoin ValueHashJoin NodeLeftOuterHashJoin NodeRightOuterHashJoin
TriadicSelection TriadicBuild TriadicFilter CacheProperties ProjectEndpoints EmptyResult EmptyRow
AssertSameNode AssertSameRelationship NodeCountFromCountStore RelationshipCountFromCountStore
ProcedureCall ShowIndexes ShowConstraints NullifyMetadata Trail BFSPruningVarExpand
""".split())
"""Plan operators that read (``ProcedureCall`` is then judged by its procedure)."""
READ_FAMILIES = ("AllNodesScan", "Node", "Relationship", "Directed", "Undirected", "Expand", "OptionalExpand",
                 "VarLengthExpand", "Repeat", "StatefulShortestPath", "Partitioned", "Intersection",
                 "Subtraction", "UnionNodeByLabels", "MultiNode")
"""Names of families of scans, seeks and expansions, all reads ("NodeIndexSeek", "Expand(All)")."""
READ_PROCEDURES = frozenset({"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
                             "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
                             "apoc.meta.stats", "apoc.meta.schema", "apoc.meta.data"})
"""Procedures ``kg query`` lets a query call: descriptions of the graph's shape."""
_WHY = {"LoadCSV": "LoadCSV reads files", "ShowTransactions": "it looks into other sessions' transactions",
        "TerminateTransactions": "it ends other sessions' transactions"}


def _operators(plan: dict):
    yield plan
    for child in plan.get("children") or ():
        yield from _operators(child)


def refusal(plan: dict, query_type: str) -> str | None:
    """Why a query with this ``EXPLAIN`` plan (as the driver gives it) may not run, or None."""
    if query_type != "r":
        return "it would write" if "w" in query_type else f"it is no plain read (query type {query_type!r})"
    for op in _operators(plan):
        name = str(op.get("operatorType", "")).split("@")[0]
        if name in _WHY:
            return _WHY[name]
        if name == "ProcedureCall":
            details = str((op.get("args") or {}).get("Details", ""))
            proc = details.split("(")[0].strip()
            if proc not in READ_PROCEDURES:
                return f"the procedure {proc or '?'} is not one kg query allows"
            continue
        if name not in READ_OPERATORS and not name.startswith(READ_FAMILIES):
            return f"its plan uses {name}, which kg query does not allow"
    return None
