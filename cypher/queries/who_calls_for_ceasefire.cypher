// Who calls on an actor (and its enemy) to cease fire or offers to mediate?
// One row per actor spoken for, with the people who spoke and their words.
:param target => 'ARM';
:param stances => ['call_for_ceasefire', 'mediate'];

MATCH (s:Statement)-[:TOWARD]->(t:Actor {id: $target})
WHERE s.stance IN $stances
MATCH (by:Actor {id: s.actor})
MATCH (speaker:Actor)-[:SAID]->(s)
RETURN by.name AS actor, s.stance AS stance, count(s) AS statements,
       collect(DISTINCT speaker.name) AS speakers, collect(s.quote)[0..3] AS quotes
ORDER BY statements DESC, actor;
