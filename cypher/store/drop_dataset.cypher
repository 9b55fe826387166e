// Remove the statements of one dataset in transactions of bounded size, then re-materialise the
// STANCE edges of the actors they spoke for (refresh_stance_edges.cypher, run after this).
MATCH (s:Statement {dataset: $name})
CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 1000 ROWS
