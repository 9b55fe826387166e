CALL () { MATCH (a:Actor) WHERE a.kind IS NOT NULL RETURN count(a) AS actors }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH ()-[r:HOLDS_ROLE]->() RETURN count(r) AS roles }
CALL () { MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS memberships }
CALL () { MATCH ()-[r:ALLIED_WITH]->() RETURN count(DISTINCT r.id) AS alliances }
CALL () { MATCH (s:Statement) RETURN count(s) AS statements }
RETURN actors, sources, roles, memberships, alliances, statements
