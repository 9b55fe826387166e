// Every actor a batch of statements names gets a node before the statements are written.
// One that no dataset has described yet gets the id (and the id as its name, for Neo4j Browser)
// but no kind, so that every statement gets all its links and its STANCE edges;
// merge_actors.cypher fills it in when the actor arrives, and counts.cypher and the store's
// actors() pass over it, as the embedded store has no record of it either.
// A speaker that spoke for another actor is marked speaks_for_others: its STANCE edges (grouped
// by the actor spoken for) then miss some of what it said, and the store reads its statements.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.id
FOREACH (_ IN CASE WHEN row.crossed THEN [1] ELSE [] END | SET a.speaks_for_others = true)
