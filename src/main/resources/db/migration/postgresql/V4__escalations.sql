-- Where each group stands in its route's escalate: steps, as in the SQLite schema; shared, so the
-- replica taking a group over neither skips nor repeats a step.
CREATE TABLE escalations (
  group_key         TEXT    PRIMARY KEY,
  route_key         TEXT    NOT NULL,
  first_notified_at TEXT    NOT NULL,
  steps_sent        INTEGER NOT NULL,
  ended_at          TEXT,
  updated_at        TEXT    NOT NULL,
  change_seq        BIGINT  NOT NULL DEFAULT nextval('change_seq'),
  written_by        TEXT    NOT NULL DEFAULT current_setting('alert_router.replica')
);
CREATE INDEX escalations_by_change ON escalations (change_seq);
