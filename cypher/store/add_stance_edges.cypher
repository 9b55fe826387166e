// Add what a batch of new statements says to the aggregate (:Actor)-[:STANCE]->(:Actor) edges,
// keeping them up to date at load time. The rows are the statements added up by (actor, target,
// stance) beforehand: n, valence (sum of valence x confidence), weight (sum of confidence),
// first and last day. refresh_stance_edges.cypher recomputes an actor's edges whole instead
// (for statements that were changed).
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (b:Actor {id: row.target})
MERGE (a)-[e:STANCE {stance: row.stance}]->(b)
ON CREATE SET e.valence = row.valence, e.weight = row.weight, e.n = row.n, e.first = row.first,
              e.last = row.last
ON MATCH SET e.valence = e.valence + row.valence, e.weight = e.weight + row.weight, e.n = e.n + row.n,
             e.first = CASE WHEN row.first < e.first THEN row.first ELSE e.first END,
             e.last = CASE WHEN row.last > e.last THEN row.last ELSE e.last END
