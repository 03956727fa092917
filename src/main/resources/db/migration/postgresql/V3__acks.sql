-- Acknowledgements of aggregation groups, as in the SQLite schema: one row per group key, the latest
-- acknowledgement given to it; an ended one (unacknowledged, or its group resolved) keeps its row
-- with ended_at set until pruned, so that peers read the end as they read any change.
CREATE TABLE acks (
  group_key  TEXT   PRIMARY KEY,
  acked_by   TEXT   NOT NULL,
  comment    TEXT   NOT NULL,
  acked_at   TEXT   NOT NULL,
  until_at   TEXT,
  via        TEXT   NOT NULL,
  ended_at   TEXT,
  updated_at TEXT   NOT NULL,
  change_seq BIGINT NOT NULL DEFAULT nextval('change_seq'),
  written_by TEXT   NOT NULL DEFAULT current_setting('alert_router.replica')
);
CREATE INDEX acks_by_change ON acks (change_seq);
