// Add a batch of new statements to the aggregate (:Actor)-[:STANCE]->(:Actor) edges, keeping
// them up to date at load time: refresh_stance_edges.cypher recomputes an actor's edges whole
// (for statements that were changed); statements the store did not hold only add to them.
UNWIND $rows AS row
UNWIND row.targets AS tid
WITH row.actor AS aid, tid, row.stance AS stance, count(*) AS n,
     sum(row.valence * row.confidence) AS valence, sum(row.confidence) AS weight,
     min(row.date) AS first, max(row.date) AS last
MATCH (a:Actor {id: aid})
MATCH (b:Actor {id: tid})
MERGE (a)-[e:STANCE {stance: stance}]->(b)
ON CREATE SET e.valence = valence, e.weight = weight, e.n = n, e.first = first, e.last = last
ON MATCH SET e.valence = e.valence + valence, e.weight = e.weight + weight, e.n = e.n + n,
             e.first = CASE WHEN first < e.first THEN first ELSE e.first END,
             e.last = CASE WHEN last > e.last THEN last ELSE e.last END
