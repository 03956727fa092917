package dev.tta.alertrouter.notify.template;

import dev.tta.alertrouter.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.notify.Notification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Notifications for the notifier tests, read from the recorded Alertmanager fixtures or built by hand. */
public final class TestNotifications {
  public static final Path FIXTURES = Fixtures.ALERTMANAGER;
  public static final URI EXTERNAL_URL = URI.create("https://router.tta.dev");
  public static final MessageLinks LINKS = new MessageLinks(EXTERNAL_URL);

  private TestNotifications() {}

  /** The alerts of an Alertmanager webhook fixture, as a notification for {@code receiver} at {@code now}. */
  public static Notification fromFixture(String file, String receiver, Instant now) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(FIXTURES.resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode a : root.get("alerts")) {
      Instant endsAt = Instant.parse(a.get("endsAt").asText());
      alerts.add(new Alert(Labels.of(strings(a.get("labels"))), strings(a.get("annotations")),
          Instant.parse(a.get("startsAt").asText()), endsAt.getEpochSecond() < 0 ? null : endsAt,
          a.get("generatorURL").asText(), now));
    }
    return notification(receiver, Labels.of(strings(root.get("groupLabels"))), now, alerts);
  }

  public static Notification notification(String receiver, Labels groupLabels, Instant now, List<Alert> alerts) {
    FlushContext context = new FlushContext("{}:" + groupLabels, groupLabels, receiver, "{}", Duration.ofHours(1),
        Duration.ofMinutes(5), List.of(), List.of(), now);
    return new Notification(context, alerts);
  }

  public static Alert alert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
      Instant endsAt, String generatorUrl) {
    return new Alert(Labels.of(labels), annotations, startsAt, endsAt, generatorUrl, startsAt);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
