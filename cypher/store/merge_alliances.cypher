// An alliance becomes one ALLIED_WITH relationship per pair of parties, each carrying
// the alliance's id and its full list of parties.
UNWIND $rows AS row
UNWIND row.pairs AS pair
MATCH (a:Actor {id: pair[0]}), (b:Actor {id: pair[1]})
MERGE (a)-[r:ALLIED_WITH {id: row.id}]->(b)
SET r = row.props
