UNWIND $rows AS row
MATCH (m:Actor {id: row.member}), (o:Actor {id: row.organization})
MERGE (m)-[r:MEMBER_OF {id: row.id}]->(o)
SET r = row.props
