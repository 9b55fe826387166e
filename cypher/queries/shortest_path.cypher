// How are two actors connected? The shortest path over stances, alliances,
// memberships and roles (any direction), with the kind of each step.
:param from => 'TUR';
:param to => 'RUS';

MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = shortestPath((a)-[:STANCE|ALLIED_WITH|MEMBER_OF|HOLDS_ROLE*..6]-(b))
RETURN [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r) + coalesce(' ' + r.stance, '')] AS steps,
       length(p) AS hops;
