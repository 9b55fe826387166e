// Which pairs of actors take the same stance toward the same target?
// The raw material of camps: one row per pair, with the shared (stance, target) items.
:param min_shared => 1;

MATCH (a:Actor)-[x:STANCE]->(t:Actor)<-[y:STANCE]-(b:Actor)
WHERE a.name < b.name AND x.stance = y.stance
WITH a, b, x.stance + ' → ' + t.name AS item ORDER BY item
WITH a, b, collect(item) AS shared
WHERE size(shared) >= $min_shared
RETURN a.name AS actor, b.name AS other, size(shared) AS n_shared, shared
ORDER BY n_shared DESC, actor, other;
