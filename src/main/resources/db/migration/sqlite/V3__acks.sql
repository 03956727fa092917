-- Acknowledgements of aggregation groups: one row per group key, the latest acknowledgement given
-- to it. An ended one (unacknowledged, or its group resolved) keeps its row with ended_at set until
-- pruned. Instants are ISO-8601 text, as everywhere.
CREATE TABLE acks (
  group_key  TEXT NOT NULL PRIMARY KEY,
  acked_by   TEXT NOT NULL,
  comment    TEXT NOT NULL,
  acked_at   TEXT NOT NULL,
  until_at   TEXT,                 -- null: until the group resolves
  via        TEXT NOT NULL,        -- api, ...
  ended_at   TEXT,                 -- null while it holds
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
