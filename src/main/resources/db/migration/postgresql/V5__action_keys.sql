-- The server's keys for signing action links, as in the SQLite schema. Every replica sharing this
-- database signs and verifies with the same key: the first replica to start inserts it (a racing
-- replica's insert does nothing) and each reads it back at start. It never changes, so peer sync
-- does not read this table and it has no change_seq or written_by.
CREATE TABLE action_keys (
  name       TEXT PRIMARY KEY,
  secret     TEXT NOT NULL,
  created_at TEXT NOT NULL
);
