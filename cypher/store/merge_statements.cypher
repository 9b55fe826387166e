// Upsert statements with their links: who said it, for whom, toward whom, where reported.
// unlink_statements runs first, so the CREATEs below never duplicate a link.
UNWIND $rows AS row
MERGE (s:Statement {id: row.id})
SET s = row
WITH s, row
MATCH (speaker:Actor {id: row.speaker})
MATCH (src:Source {url: row.source})
OPTIONAL MATCH (b:Actor {id: row.on_behalf_of})
CREATE (speaker)-[:SAID]->(s)
CREATE (s)-[:REPORTED_IN]->(src)
FOREACH (x IN CASE WHEN b IS NULL THEN [] ELSE [b] END | CREATE (s)-[:ON_BEHALF_OF]->(x))
WITH s, row
UNWIND row.targets AS tid
MATCH (t:Actor {id: tid})
CREATE (s)-[:TOWARD]->(t)
