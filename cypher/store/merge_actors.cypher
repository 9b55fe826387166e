// Upsert actors of one kind; {label} is the kind's label from the store's allow-list. The mark
// speaks_for_others (placeholder_actors.cypher) is not part of the record, and stays.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
WITH a, row, a.speaks_for_others AS mark
SET a = row
SET a.speaks_for_others = mark
REMOVE a:State:Organization:Person:ArmedGroup:Authority:NGO
SET a:{label}
