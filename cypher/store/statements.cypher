// Statements matching a filter, oldest first, in lists of $chunk (many records read far slower
// than a few; the sort holds every row anyway). The store puts fixed fragments in the braces:
// how the statements are found (by the TOWARD links of the targets asked for, or all), and the
// WHERE condition on them.
{start}
WHERE {where}
WITH s ORDER BY s.date, s.id
WITH collect(s) AS found
UNWIND range(0, size(found) - 1, $chunk) AS i
RETURN [x IN found[i..i + $chunk] | properties(x)] AS rows
