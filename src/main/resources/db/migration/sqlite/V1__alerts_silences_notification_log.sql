-- alert-router's state. Instants are ISO-8601 text (Instant.toString): exact to the nanosecond,
-- as Alertmanager's timestamps are, and readable with the sqlite3 shell.

-- One row per alert fingerprint, as AlertStore merges them.
CREATE TABLE alerts (
  fingerprint        INTEGER PRIMARY KEY,  -- the 64-bit fingerprint, signed
  labels             TEXT    NOT NULL,     -- JSON object
  annotations        TEXT    NOT NULL,     -- JSON object
  starts_at          TEXT    NOT NULL,
  ends_at            TEXT,                 -- null: end unknown, fires until resolved
  ends_at_by_timeout INTEGER NOT NULL,     -- 1 when ends_at came from resolve_timeout
  generator_url      TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL
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
