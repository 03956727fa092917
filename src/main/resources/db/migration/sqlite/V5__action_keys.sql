-- The server's keys for signing action links (acknowledge a group from an email or a webhook).
-- Written once, by the first start that finds none, and never changed: a new key would invalidate
-- every link already sent. Not pruned.
CREATE TABLE action_keys (
  name       TEXT NOT NULL PRIMARY KEY,  -- 'links'
  secret     TEXT NOT NULL,              -- 32 random bytes, base64
  created_at TEXT NOT NULL
) WITHOUT ROWID;
