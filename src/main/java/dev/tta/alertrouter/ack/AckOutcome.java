package dev.tta.alertrouter.ack;

/** What came of acknowledging or unacknowledging a group. */
public sealed interface AckOutcome {
  /** The group is acknowledged now, by {@code ack}. */
  record Acked(Ack ack) implements AckOutcome {}

  /** The group's acknowledgement ended (or it had none). */
  record Unacked(String groupKey) implements AckOutcome {}

  /** The dispatcher holds no group of that key. */
  record UnknownGroup(String groupKey) implements AckOutcome {}

  /** The request cannot be honoured as it stands; {@code problem} names the field. */
  record Refused(String problem) implements AckOutcome {}
}
