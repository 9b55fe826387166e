// The kg schema for Neo4j 5. Every statement is idempotent (IF NOT EXISTS):
// `kg load --store neo4j` applies this file before each load.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT source_url IF NOT EXISTS FOR (s:Source) REQUIRE s.url IS UNIQUE;
CREATE INDEX statement_date IF NOT EXISTS FOR (s:Statement) ON (s.date);
CREATE INDEX statement_stance IF NOT EXISTS FOR (s:Statement) ON (s.stance);
CREATE INDEX statement_speaker IF NOT EXISTS FOR (s:Statement) ON (s.speaker);
CREATE INDEX statement_on_behalf_of IF NOT EXISTS FOR (s:Statement) ON (s.on_behalf_of);
CREATE INDEX statement_dataset IF NOT EXISTS FOR (s:Statement) ON (s.dataset);
// s.actor = the actor spoken for, or the speaker: what the STANCE edges are grouped by.
CREATE INDEX statement_actor IF NOT EXISTS FOR (s:Statement) ON (s.actor);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX role_id IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.id);
CREATE INDEX membership_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX alliance_id IF NOT EXISTS FOR ()-[r:ALLIED_WITH]-() ON (r.id);
