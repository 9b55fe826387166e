// What does one actor say toward each target, and on what evidence?
// One row per target: statements, net valence (-1 hostile .. +1 friendly), the stances used
// and up to three quotes with who said them. People count for the state they speak for.
:param actor => 'TUR';

MATCH (a:Actor {id: $actor})
MATCH (s:Statement)-[:TOWARD]->(t:Actor)
WHERE s.actor = a.id OR s.speaker = a.id
MATCH (speaker:Actor)-[:SAID]->(s)
WITH t, s, speaker ORDER BY abs(s.valence) DESC, s.date, s.id
RETURN t.name AS target, count(s) AS statements, round(avg(s.valence), 2) AS net_valence,
       collect(DISTINCT s.stance) AS stances,
       collect(speaker.name + ': "' + s.quote + '"')[0..3] AS evidence
ORDER BY abs(net_valence) DESC, statements DESC, target;
