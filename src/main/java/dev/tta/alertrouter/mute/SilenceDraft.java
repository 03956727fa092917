package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Matcher;
import java.time.Instant;
import java.util.List;

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
 */
public record SilenceDraft(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment) {

  public SilenceDraft {
    matchers = matchers == null ? null : List.copyOf(matchers);
    id = id == null || id.isEmpty() ? null : id;
  }
}
