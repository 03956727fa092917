package dev.tta.alertrouter.http.v2;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.mute.Silence;
import java.time.Instant;
import java.util.List;

/** Alertmanager's {@code gettableSilence}, its state seen at a given moment. */
@JsonPropertyOrder({"id", "status", "updatedAt", "comment", "createdBy", "endsAt", "matchers", "startsAt"})
record V2SilenceJson(
    String id, Status status, String updatedAt, String comment, String createdBy, String endsAt,
    List<MatcherJson> matchers, String startsAt) {

  static V2SilenceJson of(Silence s, Instant now) {
    return new V2SilenceJson(
        s.id(),
        new Status(s.stateAt(now).wireName()),
        V2Times.format(s.updatedAt()),
        s.comment(),
        s.createdBy(),
        V2Times.format(s.endsAt()),
        s.matchers().stream().map(MatcherJson::of).toList(),
        V2Times.format(s.startsAt()));
  }

  /** {@code silenceStatus}. */
  record Status(String state) {}

  /** {@code matcher}. */
  @JsonPropertyOrder({"isEqual", "isRegex", "name", "value"})
  record MatcherJson(boolean isEqual, boolean isRegex, String name, String value) {
    static MatcherJson of(Matcher m) {
      boolean equal = m.type() == Matcher.Type.EQUAL || m.type() == Matcher.Type.REGEX;
      return new MatcherJson(equal, m.type().isRegex(), m.name(), m.value());
    }
  }

  /** The answer to a create or update. */
  record Created(String silenceID) {}
}
