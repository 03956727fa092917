-- Alerts intake accepted while the stored alerts were still being read at start, as they arrived
-- (not merged: the held copies they merge with were not in memory yet), each with the instant it
-- was received. Once the journal is read, every row is merged, in seq order and at its received_at,
-- exactly as intake would have merged it then; the merged alerts go to alert_journal and the rows
-- are deleted in the same transaction. Rows a crash left here are applied the same way at the next
-- start, so nothing acknowledged is lost. Empty outside a start. Columns as in alert_journal.
CREATE TABLE intake_pending (
  seq                INTEGER PRIMARY KEY,
  batch              INTEGER NOT NULL,      -- one upsert call: its alerts reach the dispatcher together
  received_at        TEXT    NOT NULL,      -- the instant the merge is judged at
  fingerprint        INTEGER NOT NULL,
  labels             TEXT    NOT NULL,
  annotations        TEXT    NOT NULL,
  starts_at          TEXT    NOT NULL,
  ends_at            TEXT,
  ends_at_by_timeout INTEGER NOT NULL,
  generator_url      TEXT,
  updated_at         TEXT    NOT NULL
);
