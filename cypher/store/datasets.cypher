// Every dataset the statements were loaded from, with their count and first and last day.
MATCH (s:Statement)
RETURN s.dataset AS name, count(*) AS statements, min(s.date) AS first, max(s.date) AS last
ORDER BY name IS NULL, name
