// Every materialised STANCE edge: statements added up by (actor spoken for or speaker, target,
// stance) at load time, so reading them costs no pass over the statements. One list in one
// record (many records read far slower), days as text (the driver builds date objects slowly).
MATCH (a:Actor)-[e:STANCE]->(b:Actor)
WITH a.id AS source, b.id AS target, e ORDER BY source, target, e.stance
RETURN collect([source, target, e.stance, e.n, e.valence, e.weight, toString(e.first), toString(e.last)]) AS rows
