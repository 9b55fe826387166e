UNWIND $rows AS row
MERGE (s:Source {url: row.url})
SET s = row
