// A role is a dated relationship from a person to the state or organisation served.
// Its id is hashed from person and holder, so MERGE on the id finds the same edge.
UNWIND $rows AS row
MATCH (p:Actor {id: row.person}), (h:Actor {id: row.holder})
MERGE (p)-[r:HOLDS_ROLE {id: row.id}]->(h)
SET r = row.props
