// The statements among $ids the store already holds, with the actor each was stored under.
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s.id AS id, s.actor AS actor
