// The alliance and membership neighbourhood of an actor: its treaties, its
// organisations, and the other members of those organisations.
:param actor => 'ARM';

MATCH (a:Actor {id: $actor})
CALL (a) {
  MATCH (a)-[r:ALLIED_WITH]-(other:Actor)
  RETURN 'ally' AS tie, other.name AS other, r.treaty AS through, r.start AS since
  UNION
  MATCH (a)-[r:MEMBER_OF]->(org:Actor)
  RETURN coalesce(r.role, 'member') AS tie, org.name AS other, org.name AS through, r.start AS since
  UNION
  MATCH (a)-[:MEMBER_OF]->(org:Actor)<-[:MEMBER_OF]-(other:Actor)
  RETURN 'fellow member' AS tie, other.name AS other, org.name AS through, null AS since
}
RETURN tie, other, through, toString(since) AS since
ORDER BY tie, other, through;
