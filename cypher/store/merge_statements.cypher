// Upsert statements with their links: who said it, for whom, toward whom, where reported.
UNWIND $rows AS row
MERGE (s:Statement {id: row.id})
SET s = row
WITH s, row
OPTIONAL MATCH (s)-[old:SAID|ON_BEHALF_OF|TOWARD|REPORTED_IN]-()
DELETE old
WITH DISTINCT s, row
MATCH (speaker:Actor {id: row.speaker}), (src:Source {url: row.source})
CREATE (speaker)-[:SAID]->(s)
CREATE (s)-[:REPORTED_IN]->(src)
WITH s, row
CALL (s, row) {
  MATCH (b:Actor {id: row.on_behalf_of})
  CREATE (s)-[:ON_BEHALF_OF]->(b)
}
CALL (s, row) {
  UNWIND row.targets AS tid
  MATCH (t:Actor {id: tid})
  CREATE (s)-[:TOWARD]->(t)
}
