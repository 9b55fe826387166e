// The actors some statement names as a target beside another target, in one sorted list;
// {where} is built from fixed fragments.
MATCH (s:Statement)
WHERE {where} AND size(s.targets) > 1
UNWIND s.targets AS actor
WITH DISTINCT actor
ORDER BY actor
RETURN collect(actor) AS rows
