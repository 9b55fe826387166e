// The statement timeline of the crisis: who said what toward whom, day by day.
:param since => '2020-01-01';
:param until => '2020-12-31';

MATCH (speaker:Actor)-[:SAID]->(s:Statement)-[:TOWARD]->(t:Actor)
WHERE date($since) <= s.date <= date($until)
WITH s, speaker, t ORDER BY t.name
WITH s, speaker, collect(t.name) AS targets
OPTIONAL MATCH (s)-[:ON_BEHALF_OF]->(b:Actor)
RETURN toString(s.date) AS day, speaker.name AS speaker, b.name AS on_behalf_of, s.stance AS stance,
       targets, s.quote AS quote
ORDER BY day, speaker, stance, quote;
