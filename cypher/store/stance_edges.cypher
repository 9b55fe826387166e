// Statements added up by (source, target, stance), in one list (as all_stance_edges.cypher);
// {where} is built from fixed fragments.
MATCH (s:Statement)
WHERE {where}
UNWIND s.targets AS target
WITH CASE WHEN $rollup THEN s.actor ELSE s.speaker END AS source, target, s
WITH source, target, s.stance AS stance, count(*) AS n, sum(s.valence * s.confidence) AS valence,
     sum(s.confidence) AS weight, min(s.date) AS first, max(s.date) AS last
ORDER BY source, target, stance
RETURN collect([source, target, stance, n, valence, weight, toString(first), toString(last)]) AS rows
