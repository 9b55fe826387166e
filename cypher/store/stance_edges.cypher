// Statements added up by (source, target, stance); {where} is built from fixed fragments.
MATCH (s:Statement)
WHERE {where}
UNWIND s.targets AS target
WITH CASE WHEN $rollup THEN s.actor ELSE s.speaker END AS source, target, s
RETURN source, target, s.stance AS stance, count(*) AS n,
       sum(s.valence * s.confidence) AS valence, sum(s.confidence) AS weight,
       min(s.date) AS first, max(s.date) AS last
ORDER BY source, target, stance
