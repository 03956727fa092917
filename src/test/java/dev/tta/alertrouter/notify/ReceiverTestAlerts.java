package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import dev.tta.alertrouter.notify.template.Templates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications for the chat and incident notifiers' tests (Teams, Opsgenie, Discord, Telegram). */
public final class ReceiverTestAlerts {
  public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  public static final String RUNBOOK = "https://runbooks.tta.dev/service-down";
  public static final String RULE = "http://prom.example:9090/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0";
  public static final String GROUP_KEY = "{}:{alertname=\"TTAServiceDown\", service=\"api\"}";
  /** What a real Alertmanager 0.25 sent as PagerDuty's dedup_key for GROUP_KEY: {@code notify.Key.Hash}, Opsgenie's alias too. */
  public static final String ALERTMANAGERS_KEY_HASH = "0746b8aad22bcf6a4b44b6c6c592687172b9f3e51de75d0c59787ed719efba91";
  /** Markup and mentions each format must neutralise. */
  public static final String HOSTILE =
      "<b>bold</b> & <a href=\"javascript:alert(1)\">x</a> **md** [click](https://evil.example) @everyone <@123> `code`";

  private ReceiverTestAlerts() {}

  public static MessageTemplates defaults(MessageKind kind) {
    return new Templates((receiver, integration, template, reason) -> {}).defaults(kind, "platform", "test[0]");
  }

  /** One alert of the given priority (or none for ""), firing since T0 - 5m, flushed at T0. */
  public static Notification firing(String priority) {
    Map<String, String> labels = new java.util.TreeMap<>(Map.of("alertname", "TTAServiceDown", "service", "api",
        "team", "platform", "severity", "critical"));
    if (!priority.isEmpty()) {
      labels.put("priority", priority);
    }
    Alert alert = new Alert(Labels.of(labels),
        Map.of("summary", "TTA service api is down", "runbook_url", RUNBOOK),
        T0.minus(Duration.ofMinutes(5)), null, RULE, T0);
    return notification(List.of(alert));
  }

  /** The same alert, resolved at T0 - 1m. */
  public static Notification resolved() {
    Alert alert = new Alert(Labels.of(Map.of("alertname", "TTAServiceDown", "service", "api", "priority", "P0")),
        Map.of("summary", "TTA service api is down", "runbook_url", RUNBOOK),
        T0.minus(Duration.ofMinutes(5)), T0.minus(Duration.ofMinutes(1)), RULE, T0);
    return notification(List.of(alert));
  }

  /** An alert whose label values and annotations are {@link #HOSTILE}. */
  public static Notification hostile() {
    Alert alert = new Alert(
        Labels.of(Map.of("alertname", "TTAServiceDown", "service", "api", "priority", "P1", "instance", HOSTILE)),
        Map.of("summary", HOSTILE, "description", "line one\n# heading\n- item " + HOSTILE),
        T0.minus(Duration.ofMinutes(5)), null, "", T0);
    return notification(List.of(alert));
  }

  public static Notification notification(List<Alert> alerts) {
    Labels groupLabels = Labels.of(Map.of("alertname", "TTAServiceDown", "service", "api"));
    FlushContext context = new FlushContext(GROUP_KEY, groupLabels, "platform", "{}", Duration.ofHours(1),
        Duration.ofMinutes(5), List.of(), List.of(), T0);
    return new Notification(context, alerts);
  }
}
