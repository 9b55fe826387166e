// Re-materialise the aggregate (:Actor)-[:STANCE]->(:Actor) edges of the given actors:
// one per (actor, target, stance), the actor being the one spoken for (or the speaker), with
// the ids of its 3 strongest statements (the order of add_stance_edges.cypher).
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
OPTIONAL MATCH (a)-[old:STANCE]->()
DELETE old
WITH DISTINCT a
MATCH (s:Statement) WHERE s.actor = a.id
UNWIND s.targets AS tid
MATCH (b:Actor {id: tid})
WITH a, b, s ORDER BY abs(s.valence) * s.confidence DESC, s.confidence DESC,
                      CASE WHEN s.speaker = s.on_behalf_of THEN 0 ELSE 1 END DESC, s.date DESC, s.id
WITH a, b, s.stance AS stance, count(s) AS n, sum(s.valence * s.confidence) AS valence,
     sum(s.confidence) AS weight, min(s.date) AS first, max(s.date) AS last, collect(s.id)[..3] AS strongest
CREATE (a)-[:STANCE {stance: stance, valence: valence, weight: weight, n: n, first: first, last: last,
                     strongest: strongest}]->(b)
