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
// Every actor named has its node (placeholder_actors.cypher); a source may be missing.
MATCH (speaker:Actor {id: row.speaker})
OPTIONAL MATCH (src:Source {url: row.source})
OPTIONAL MATCH (b:Actor {id: row.on_behalf_of})
CREATE (speaker)-[:SAID]->(s)
FOREACH (x IN CASE WHEN src IS NULL THEN [] ELSE [src] END | CREATE (s)-[:REPORTED_IN]->(x))
FOREACH (x IN CASE WHEN b IS NULL THEN [] ELSE [b] END | CREATE (s)-[:ON_BEHALF_OF]->(x))
WITH s, row
UNWIND row.targets AS tid
MATCH (t:Actor {id: tid})
CREATE (s)-[:TOWARD]->(t)
