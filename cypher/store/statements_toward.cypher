// Statements toward some actors and matching a filter, oldest first: statements.cypher, but
// found from the targets' TOWARD links (an index seek on the actors) instead of a scan of every
// statement. {where} is built from fixed fragments.
MATCH (t:Actor)<-[:TOWARD]-(s:Statement)
WHERE t.id IN $toward AND {where}
WITH DISTINCT s
RETURN s
ORDER BY s.date, s.id
