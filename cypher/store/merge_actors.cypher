// Upsert actors of one kind; {label} is the kind's label from the store's allow-list.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a = row
REMOVE a:State:Organization:Person:ArmedGroup:Authority:NGO
SET a:{label}
