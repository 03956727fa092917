package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A silence as posted by a client (Alertmanager's {@code postableSilence}), not yet validated:
 * any field may be missing (null) and {@link Silences#set} names every problem at once.
 *
 * @param id null to create; an existing silence's id to update it
 * @param matchers the matchers, or null when missing
 * @param startsAt null when missing
 * @param endsAt null when missing
 * @param createdBy null when missing
 * @param comment null when missing
 * @param recurrence names of {@code time_intervals} the silence mutes inside; empty: always
 * @param owner the receiver told about the silence, if any
 */
public record SilenceDraft(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    List<String> recurrence,
    Optional<String> owner) {

  public SilenceDraft {
    recurrence = recurrence == null ? List.of() : List.copyOf(recurrence);
    owner = owner == null ? Optional.empty() : owner.filter(o -> !o.isBlank());
    matchers = matchers == null ? null : List.copyOf(matchers);
    id = id == null || id.isEmpty() ? null : id;
  }

  /** A one-off silence without an owner, as Alertmanager's API posts them. */
  public SilenceDraft(
      String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    this(id, matchers, startsAt, endsAt, createdBy, comment, List.of(), Optional.empty());
  }
}
