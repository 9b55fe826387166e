// The members of one organisation and their stances in one crisis: per member and target, the
// statements, the net valence (-1 hostile .. +1 friendly) and the stances used. A member that
// said nothing in the dataset shows once, with no target. People count for the state they speak for.
:param organization => 'NATO';
:param dataset => 'nagorno-karabakh-2020';

MATCH (m:Actor)-[:MEMBER_OF]->(:Actor {id: $organization})
OPTIONAL MATCH (s:Statement {actor: m.id, dataset: $dataset})-[:TOWARD]->(t:Actor)
WITH m, t, count(s) AS statements, avg(s.valence) AS net, collect(DISTINCT s.stance) AS stances
RETURN m.name AS member, t.name AS target, statements, round(net, 2) AS net_valence, stances
ORDER BY member, statements DESC, target;
