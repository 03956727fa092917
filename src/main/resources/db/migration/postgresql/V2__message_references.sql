-- What a peer answered for a group's first message (Slack's channel and ts), for updates to refer to.
-- A removed reference is kept as an empty one until pruned, so that peers read the removal.
CREATE TABLE message_refs (
  group_key         TEXT    NOT NULL,
  receiver          TEXT    NOT NULL,
  integration       TEXT    NOT NULL,
  integration_index INTEGER NOT NULL,
  reference         TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  change_seq        BIGINT  NOT NULL DEFAULT nextval('change_seq'),
  written_by        TEXT    NOT NULL DEFAULT current_setting('alert_router.replica'),
  PRIMARY KEY (group_key, receiver, integration, integration_index)
);
CREATE INDEX message_refs_by_change ON message_refs (change_seq);
