// For every actor, the statements that name it as their source or a target, each counted once,
// in one list; {where} is built from fixed fragments.
MATCH (s:Statement)
WHERE {where}
WITH s, CASE WHEN $rollup THEN s.actor ELSE s.speaker END AS source
UNWIND [source] + s.targets AS actor
WITH DISTINCT actor, s
WITH actor, count(s) AS statements
ORDER BY actor
RETURN collect([actor, statements]) AS rows
