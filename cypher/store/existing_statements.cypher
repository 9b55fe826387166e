// The ids among $ids of statements the store already holds.
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s.id AS id
