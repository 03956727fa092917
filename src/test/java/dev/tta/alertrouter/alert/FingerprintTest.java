package dev.tta.alertrouter.alert;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintTest {
  static final Path FIXTURES = Fixtures.ALERTMANAGER;

  static Stream<Path> webhookFixtures() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("webhookFixtures")
  void fingerprintEqualsAlertmanagers(Path fixture) throws IOException {
    JsonNode payload = new ObjectMapper().readTree(fixture.toFile());
    assertFalse(payload.get("alerts").isEmpty());
    for (JsonNode alert : payload.get("alerts")) {
      Map<String, String> labels = new TreeMap<>();
      alert.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      assertEquals(alert.get("fingerprint").asText(), Labels.of(labels).fingerprint().toString());
    }
  }
}
