package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The alerts of a recorded Alertmanager webhook payload in src/test/resources/fixtures. */
final class FixtureAlerts {
  private FixtureAlerts() {}

  static List<Alert> webhook(String name) {
    try {
      JsonNode payload = new ObjectMapper().readTree(Fixtures.ALERTMANAGER.resolve(name).toFile());
      List<Alert> alerts = new ArrayList<>();
      for (JsonNode a : payload.get("alerts")) {
        Instant startsAt = Instant.parse(a.get("startsAt").asText());
        alerts.add(new Alert(Labels.of(strings(a.get("labels"))), strings(a.get("annotations")), startsAt, null,
            a.path("generatorURL").asText(), startsAt));
      }
      return alerts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
