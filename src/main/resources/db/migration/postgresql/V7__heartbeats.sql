-- Heartbeats (dead-man's switches), as in the SQLite schema: one row per heartbeat name, its last
-- sign of life and since when its missing alert fires. Peers read each other's rows by change_seq.
CREATE TABLE heartbeats (
  name          TEXT   PRIMARY KEY,
  last_seen     TEXT,
  missing_since TEXT,
  updated_at    TEXT   NOT NULL,
  change_seq    BIGINT NOT NULL DEFAULT nextval('change_seq'),
  written_by    TEXT   NOT NULL DEFAULT current_setting('alert_router.replica')
);
CREATE INDEX heartbeats_by_change ON heartbeats (change_seq);
