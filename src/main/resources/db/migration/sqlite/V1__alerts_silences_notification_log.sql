-- alert-router's state. Instants are ISO-8601 text (Instant.toString): exact to the nanosecond,
-- as Alertmanager's timestamps are, and readable with the sqlite3 shell.

-- Alerts as a journal: each new version of an alert is appended under the next seq, so writes
-- fill pages at the end of the table instead of one random page per alert. The row with the
-- highest seq of a fingerprint is its alert; a row whose labels are null is a tombstone (the
-- alert was pruned). The router deletes superseded rows as it goes. To read the current alerts:
--   SELECT * FROM alert_journal j WHERE seq = (SELECT max(seq) FROM alert_journal
--     WHERE fingerprint = j.fingerprint) AND labels IS NOT NULL;
CREATE TABLE alert_journal (
  seq                INTEGER PRIMARY KEY,
  fingerprint        INTEGER NOT NULL,     -- the 64-bit fingerprint, signed
  labels             TEXT,                 -- JSON object; null in a tombstone
  annotations        TEXT,                 -- JSON object
  starts_at          TEXT,
  ends_at            TEXT,                 -- null: end unknown, fires until resolved
  ends_at_by_timeout INTEGER,              -- 1 when ends_at came from resolve_timeout
  generator_url      TEXT,
  updated_at         TEXT
);

CREATE TABLE silences (
  id         TEXT PRIMARY KEY,
  matchers   TEXT NOT NULL,                -- JSON array of {name, type, value}
  starts_at  TEXT NOT NULL,
  ends_at    TEXT NOT NULL,
  created_by TEXT NOT NULL,
  comment    TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- What was last notified per group, receiver and integration (Alertmanager's nflog).
CREATE TABLE notification_log (
  group_key         TEXT    NOT NULL,
  receiver          TEXT    NOT NULL,
  integration       TEXT    NOT NULL,
  integration_index INTEGER NOT NULL,
  firing            TEXT    NOT NULL,      -- fingerprints (16 hex digits), comma-separated
  resolved          TEXT    NOT NULL,
  notified_at       TEXT    NOT NULL,
  PRIMARY KEY (group_key, receiver, integration, integration_index)
) WITHOUT ROWID;
