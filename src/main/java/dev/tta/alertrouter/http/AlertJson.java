package dev.tta.alertrouter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tta.alertrouter.alert.Alert;
import java.time.Instant;
import java.util.Map;

/** An alert as {@code GET /api/v1/alerts} shows it; {@code endsAt} is null when the end is unknown. */
record AlertJson(
    Map<String, String> labels,
    Map<String, String> annotations,
    String startsAt,
    String endsAt,
    String status,
    String fingerprint,
    @JsonProperty("generatorURL") String generatorUrl,
    String updatedAt) {

  static AlertJson of(Alert a, Instant now) {
    return new AlertJson(
        a.labels().asMap(),
        a.annotations(),
        a.startsAt().toString(),
        a.endsAt() == null ? null : a.endsAt().toString(),
        a.statusAt(now).wireName(),
        a.fingerprint().toString(),
        a.generatorUrl(),
        a.updatedAt().toString());
  }
}
