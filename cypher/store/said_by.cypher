// What one actor said, from its STANCE edges: one row per (target, stance), unordered, with the ids of its 3
// strongest statements, in one list (as all_stance_edges.cypher); and whether the actor was
// marked as having spoken for another one (placeholder_actors.cypher), when the edges miss some
// of what it said.
OPTIONAL MATCH (x:Actor {id: $actor})
CALL (x) {
  OPTIONAL MATCH (x)-[e:STANCE]->(t:Actor)
  WITH t.id AS target, e
  RETURN collect(CASE WHEN e IS NULL THEN null ELSE [target, e.stance, e.n, e.valence, e.weight, toString(e.first), toString(e.last), e.strongest] END) AS rows
}
RETURN coalesce(x.speaks_for_others, false) AS crossed, rows
