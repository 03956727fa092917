-- Where each group stands in its route's escalate: steps: when the route's receiver was first
-- notified (every step's after counts from it) and how many steps were sent, so a restart neither
-- skips nor repeats a step. ended_at is set when the group resolved or was acknowledged.
CREATE TABLE escalations (
  group_key         TEXT    NOT NULL PRIMARY KEY,
  route_key         TEXT    NOT NULL,
  first_notified_at TEXT    NOT NULL,
  steps_sent        INTEGER NOT NULL,
  ended_at          TEXT,
  updated_at        TEXT    NOT NULL
) WITHOUT ROWID;
