// Add what a batch of new statements says to the aggregate (:Actor)-[:STANCE]->(:Actor) edges,
// keeping them up to date at load time. The rows are the statements added up by (actor, target,
// stance) beforehand: n, valence (sum of valence x confidence), weight (sum of confidence),
// first and last day, and the ids of the 3 strongest. An edge keeps the ids of its 3 strongest
// statements, strongest first (the order of kg.store.base.strength, as below).
// refresh_stance_edges.cypher recomputes an actor's edges whole instead (for changed statements).
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (b:Actor {id: row.target})
MERGE (a)-[e:STANCE {stance: row.stance}]->(b)
ON CREATE SET e.valence = row.valence, e.weight = row.weight, e.n = row.n, e.first = row.first,
              e.last = row.last, e.strongest = row.strongest
ON MATCH SET e.valence = e.valence + row.valence, e.weight = e.weight + row.weight, e.n = e.n + row.n,
             e.first = CASE WHEN row.first < e.first THEN row.first ELSE e.first END,
             e.last = CASE WHEN row.last > e.last THEN row.last ELSE e.last END,
             e.strongest = e.strongest + row.strongest
WITH e WHERE size(e.strongest) > 3
CALL (e) {
  UNWIND e.strongest AS id
  MATCH (s:Statement {id: id})
  WITH s ORDER BY abs(s.valence) * s.confidence DESC, s.confidence DESC,
                  CASE WHEN s.speaker = s.on_behalf_of THEN 0 ELSE 1 END DESC, s.date DESC, s.id
  RETURN collect(s.id)[..3] AS strongest
}
SET e.strongest = strongest
