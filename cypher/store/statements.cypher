// Statements matching a filter, oldest first; {where} is built from fixed fragments.
MATCH (s:Statement)
WHERE {where}
RETURN s
ORDER BY s.date, s.id
