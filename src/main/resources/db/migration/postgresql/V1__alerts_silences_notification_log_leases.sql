-- alert-router's state shared by several replicas. The tables and columns mirror the SQLite schema
-- (instants as ISO-8601 text, exact to the nanosecond), plus what replicas need to share it:
-- change_seq orders every write, so a replica reads what its peers wrote since it last looked;
-- written_by names the replica that wrote a row, so it can skip its own writes.
-- Writers hold one advisory lock per transaction, so change_seq order is commit order.

CREATE SEQUENCE change_seq;

CREATE TABLE alerts (
  fingerprint        BIGINT  PRIMARY KEY,
  labels             TEXT    NOT NULL,
  annotations        TEXT    NOT NULL,
  starts_at          TEXT    NOT NULL,
  ends_at            TEXT,
  ends_at_by_timeout INTEGER NOT NULL,
  generator_url      TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL,
  change_seq         BIGINT  NOT NULL DEFAULT nextval('change_seq'),
  written_by         TEXT    NOT NULL DEFAULT current_setting('alert_router.replica')
);
CREATE INDEX alerts_by_change ON alerts (change_seq);

CREATE TABLE silences (
  id         TEXT   PRIMARY KEY,
  matchers   TEXT   NOT NULL,
  starts_at  TEXT   NOT NULL,
  ends_at    TEXT   NOT NULL,
  created_by TEXT   NOT NULL,
  comment    TEXT   NOT NULL,
  updated_at TEXT   NOT NULL,
  change_seq BIGINT NOT NULL DEFAULT nextval('change_seq'),
  written_by TEXT   NOT NULL DEFAULT current_setting('alert_router.replica')
);
CREATE INDEX silences_by_change ON silences (change_seq);

CREATE TABLE notification_log (
  group_key         TEXT    NOT NULL,
  receiver          TEXT    NOT NULL,
  integration       TEXT    NOT NULL,
  integration_index INTEGER NOT NULL,
  firing            TEXT    NOT NULL,
  resolved          TEXT    NOT NULL,
  notified_at       TEXT    NOT NULL,
  change_seq        BIGINT  NOT NULL DEFAULT nextval('change_seq'),
  written_by        TEXT    NOT NULL DEFAULT current_setting('alert_router.replica'),
  PRIMARY KEY (group_key, receiver, integration, integration_index)
);
CREATE INDEX notification_log_by_change ON notification_log (change_seq);

-- Which replica flushes which aggregation group, until when (database time).
CREATE TABLE group_leases (
  group_key  TEXT        PRIMARY KEY,
  owner      TEXT        NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
