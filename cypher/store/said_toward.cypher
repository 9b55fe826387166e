// What others said toward one actor, from the STANCE edges into it: one row per (actor spoken for
// or speaker, stance), unordered, with the ids of its 3 strongest statements, in one list (as
// all_stance_edges.cypher); and whether the actor was marked as in said_by.cypher.
OPTIONAL MATCH (x:Actor {id: $actor})
CALL (x) {
  OPTIONAL MATCH (x)<-[e:STANCE]-(a:Actor)
  WHERE a.id <> $actor
  WITH a.id AS source, e
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE [source, e.stance, e.n, e.valence, e.weight, toString(e.first), toString(e.last), e.strongest] END) AS rows
}
RETURN coalesce(x.speaks_for_others, false) AS crossed, rows
