// Statements matching a filter as rows without their words: id, speaker, actor spoken for,
// day as text, stance, valence, confidence and targets, oldest first, in lists of $chunk.
// The fixed fragments in the braces are those of statements.cypher.
{start}
WHERE {where}
WITH s ORDER BY s.date, s.id
WITH collect([s.id, s.speaker, s.on_behalf_of, toString(s.date), s.stance, s.valence, s.confidence,
              s.targets]) AS found
UNWIND range(0, size(found) - 1, $chunk) AS i
RETURN found[i..i + $chunk] AS rows
