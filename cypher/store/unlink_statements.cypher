// Before statements are (re)written: remove the links of those already stored, so that
// merge_statements can create them afresh without duplicates.
UNWIND $rows AS row
MATCH (s:Statement {id: row.id})-[old:SAID|ON_BEHALF_OF|TOWARD|REPORTED_IN]-()
DELETE old
