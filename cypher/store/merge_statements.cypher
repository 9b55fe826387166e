// Upsert statements with their links: who said it, for whom, toward whom, where reported.
// A statement already stored loses its old links first, in the same query (and so the same
// transaction), so the CREATEs below never duplicate a link and a killed load leaves none
// without its links.
UNWIND $rows AS row
MERGE (s:Statement {id: row.id})
SET s = row
WITH s, row
CALL (s) {
  MATCH (s)-[old:SAID|ON_BEHALF_OF|TOWARD|REPORTED_IN]-()
  DELETE old
}
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
