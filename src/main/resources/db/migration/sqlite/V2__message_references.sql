-- What a peer answered for a group's first message (Slack's channel and ts), for updates to refer to.
CREATE TABLE message_refs (
  group_key         TEXT    NOT NULL,
  receiver          TEXT    NOT NULL,
  integration       TEXT    NOT NULL,
  integration_index INTEGER NOT NULL,
  reference         TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  PRIMARY KEY (group_key, receiver, integration, integration_index)
) WITHOUT ROWID;
