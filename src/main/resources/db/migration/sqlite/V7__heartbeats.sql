-- Heartbeats (dead-man's switches): when each last showed a sign of life, and since when its
-- missing alert fires, so a restart neither forgets a missing heartbeat nor pages for the restart
-- itself. One row per heartbeat name. Instants are ISO-8601 text, as everywhere.
CREATE TABLE heartbeats (
  name          TEXT NOT NULL PRIMARY KEY,
  last_seen     TEXT,                 -- null before the first sign of life
  missing_since TEXT,                 -- null while alive
  updated_at    TEXT NOT NULL
) WITHOUT ROWID;
