// Allies who took opposite sides in one crisis: two actors bound by an alliance, one friendly and
// the other hostile toward the same target, with the stances each used. People count for the
// state they speak for.
:param dataset => 'nagorno-karabakh-2020';

MATCH (a:Actor)-[al:ALLIED_WITH]-(b:Actor)
MATCH (sa:Statement {actor: a.id, dataset: $dataset})-[:TOWARD]->(t:Actor)
MATCH (sb:Statement {actor: b.id, dataset: $dataset})-[:TOWARD]->(t)
WHERE sa.valence > 0 AND sb.valence < 0
RETURN a.name AS friendly, b.name AS hostile, al.kind AS alliance, t.name AS target,
       collect(DISTINCT sa.stance) AS friendly_stances, collect(DISTINCT sb.stance) AS hostile_stances
ORDER BY friendly, hostile, target;
