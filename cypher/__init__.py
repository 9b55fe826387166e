"""The Cypher files of kg: the schema, the store's statements and saved queries for Neo4j Browser."""
