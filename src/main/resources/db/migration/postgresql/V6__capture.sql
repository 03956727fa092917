-- The intake capture (server.capture) of every replica in one place, so GET /api/v1/capture on any
-- replica returns all of them in time order. Not state: no change_seq, PeerSync does not read it.
-- bytes is the record's NDJSON length, what the max_size bound counts.
CREATE TABLE capture (
  id          BIGSERIAL   PRIMARY KEY,
  received_at TIMESTAMPTZ NOT NULL,
  replica     TEXT        NOT NULL,
  record      TEXT        NOT NULL,
  bytes       INTEGER     NOT NULL
);
CREATE INDEX capture_by_time ON capture (received_at, id);
