package dev.tta.alertrouter.capture;

import dev.tta.alertrouter.alert.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One intake payload as it was taken: when, from which endpoint, and the alerts parsed from it
 * (labels, annotations, startsAt, endsAt, generatorURL). No header, so no credential, is part of it.
 *
 * @param receivedAt when intake took the payload (the router's clock)
 * @param source {@code alertmanager} ({@code POST /api/v1/alertmanager}) or {@code prometheus}
 *     ({@code POST /api/v2/alerts})
 * @param alerts the valid alerts of the payload, as parsed
 */
public record CaptureRecord(Instant receivedAt, String source, List<Alert> alerts) {
  public CaptureRecord {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(source, "source");
    alerts = List.copyOf(alerts);
  }
}
