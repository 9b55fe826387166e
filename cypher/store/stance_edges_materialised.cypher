// The STANCE edges as kept up to date at load time: what stance_edges.cypher adds up from the
// statements when no filter is given and people count for whom they speak (rollup), read in one
// pass instead of over every statement.
MATCH (a:Actor)-[e:STANCE]->(b:Actor)
RETURN a.id AS source, b.id AS target, e.stance AS stance, e.n AS n, e.valence AS valence,
       e.weight AS weight, e.first AS first, e.last AS last
ORDER BY source, target, stance
