// Remove every record in transactions of bounded size: statements first (few links each), then
// every remaining relationship, then the nodes.
MATCH (s:Statement) CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 1000 ROWS;
MATCH (:Actor)-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n) WHERE n:Actor OR n:Source CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS;
