package dev.tta.alertrouter.notify.template;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.notify.Notification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Computes a {@link MessageModel} from a notification. */
public final class MessageModels {
  /** The labels an on-call reader looks for first, in the order they are shown; not every label. */
  static final List<String> IMPORTANT_LABELS = List.of("alertname", "service", "environment", "cluster", "team",
      "instance");

  private static final DateTimeFormatter HUMAN_UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private MessageModels() {}

  public static MessageModel of(Notification notification, MessageLinks links) {
    Instant now = notification.context().now();
    Labels common = notification.commonLabels();
    Map<String, String> commonAnnotations = notification.commonAnnotations();
    List<AlertView> alerts = notification.alerts().stream().map(a -> view(a, now, common, notification, links)).toList();
    List<AlertView> firing = alerts.stream().filter(AlertView::firing).toList();
    List<AlertView> resolved = alerts.stream().filter(a -> !a.firing()).toList();
    List<Alert> firingAlerts = notification.firing();
    // What the message leads with: the firing alerts, or all of them once everything resolved.
    List<AlertView> lead = firing.isEmpty() ? alerts : firing;
    List<Alert> leadAlerts = firingAlerts.isEmpty() ? notification.alerts() : firingAlerts;
    Optional<Priority> priority = mostUrgent(leadAlerts);
    boolean isResolved = firing.isEmpty();
    PriorityStyle style = PriorityStyle.of(priority, isResolved);
    Optional<Instant> since = firingAlerts.stream().map(Alert::startsAt).min(Comparator.naturalOrder());
    Map<String, String> important = new LinkedHashMap<>();
    for (String name : IMPORTANT_LABELS) {
      String value = common.get(name);
      if (value != null) {
        important.put(name, value);
      }
    }
    return new MessageModel(
        notification.context().groupKey(),
        notification.context().receiver(),
        notification.status().wireName(),
        priority.map(Enum::name).orElse(""),
        style.color(),
        style.emoji(),
        common.contains("alertname") ? common.get("alertname") : String.join(", ", notification.alertNames()),
        commonOr(commonAnnotations, "summary", lead.stream().map(AlertView::summary).toList()),
        // A description is about one alert: a group whose alerts differ shows each alert's own.
        commonOr(commonAnnotations, "description", lead.size() == 1 ? List.of(lead.get(0).description()) : List.of()),
        notification.context().groupLabels().asMap(),
        common.asMap(),
        new TreeMap<>(commonAnnotations),
        important,
        alerts,
        firing,
        resolved,
        since.map(HUMAN_UTC::format).orElse(""),
        since.map(Instant::getEpochSecond).orElse(0L),
        notification.context().groupLabels().toString(),
        MessageLinks.safe(commonOr(commonAnnotations, "runbook_url", lead.stream().map(AlertView::runbookUrl).toList())),
        lead.stream().map(AlertView::generatorUrl).filter(u -> !u.isEmpty()).findFirst().orElse(""),
        links.group(notification.context().groupLabels()),
        lead.isEmpty() ? "" : lead.get(0).explainUrl(),
        links.externalUrl(),
        "");
  }

  private static AlertView view(Alert alert, Instant now, Labels common, Notification n, MessageLinks links) {
    SortedMap<String, String> distinct = new TreeMap<>();
    alert.labels().forEach((name, value) -> {
      if (!value.equals(common.get(name))) {
        distinct.put(name, value);
      }
    });
    String identity = distinct.isEmpty() || n.alerts().size() == 1
        ? alert.name()
        : String.join(", ", distinct.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return new AlertView(
        alert.name(),
        alert.statusAt(now).wireName(),
        alert.labels().asMap(),
        new TreeMap<>(alert.annotations()),
        distinct,
        identity,
        alert.fingerprint().toString(),
        iso(alert.startsAt()),
        alert.endsAt() == null ? "" : iso(alert.endsAt()),
        alert.annotations().getOrDefault("summary", ""),
        alert.annotations().getOrDefault("description", ""),
        MessageLinks.safe(alert.annotations().get("runbook_url")),
        MessageLinks.safe(alert.generatorUrl()),
        links.explain(alert.fingerprint()));
  }

  private static Optional<Priority> mostUrgent(List<Alert> alerts) {
    return alerts.stream()
        .map(a -> a.labels().get(Priority.LABEL))
        .filter(Objects::nonNull)
        .flatMap(p -> {
          try {
            return Stream.of(Priority.valueOf(p));
          } catch (IllegalArgumentException e) {
            return Stream.empty();
          }
        })
        .min(Comparator.naturalOrder());
  }

  private static String commonOr(Map<String, String> common, String name, List<String> candidates) {
    String value = common.get(name);
    if (value != null) {
      return value;
    }
    return candidates.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
  }

  private static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
