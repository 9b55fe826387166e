// Re-materialise the aggregate (:Actor)-[:STANCE]->(:Actor) edges of the given actors:
// one per (actor, target, stance), the actor being the one spoken for (or the speaker).
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
OPTIONAL MATCH (a)-[old:STANCE]->()
DELETE old
WITH DISTINCT a
MATCH (s:Statement) WHERE s.actor = a.id
UNWIND s.targets AS tid
MATCH (b:Actor {id: tid})
WITH a, b, s.stance AS stance, count(s) AS n, sum(s.valence * s.confidence) AS valence,
     sum(s.confidence) AS weight, min(s.date) AS first, max(s.date) AS last
CREATE (a)-[:STANCE {stance: stance, valence: valence, weight: weight, n: n, first: first, last: last}]->(b)
