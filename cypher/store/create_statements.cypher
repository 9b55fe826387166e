// Create statements the store does not hold yet, with their links (existing_statements.cypher
// tells them apart; merge_statements.cypher upserts the others). A new statement has no old
// links to remove: plain CREATEs, about twice as fast, and the id's uniqueness constraint
// still refuses a second node with the same id.
UNWIND $rows AS row
CREATE (s:Statement)
SET s = row
WITH s, row
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
