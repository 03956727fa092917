package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one integration is asked to deliver for one flush of a group: the group's facts and its
 * alerts, each with its status at the flush time.
 *
 * @param context the flush (group key, receiver, group labels, time)
 * @param alerts the alerts to tell about, in the dispatcher's order
 */
public record Notification(FlushContext context, List<Alert> alerts) {
  public Notification {
    Objects.requireNonNull(context, "context");
    alerts = List.copyOf(alerts);
  }

  public List<Alert> firing() {
    return alerts.stream().filter(a -> !a.isResolvedAt(context.now())).toList();
  }

  public List<Alert> resolved() {
    return alerts.stream().filter(a -> a.isResolvedAt(context.now())).toList();
  }

  /** "firing" while any alert fires, else "resolved", as Alertmanager's payload status. */
  public Alert.Status status() {
    return firing().isEmpty() ? Alert.Status.RESOLVED : Alert.Status.FIRING;
  }

  /** The labels every alert shares with the same value (Alertmanager's {@code CommonLabels}). */
  public Labels commonLabels() {
    if (alerts.isEmpty()) {
      return Labels.empty();
    }
    Map<String, String> common = alerts.get(0).labels().asMap();
    for (Alert a : alerts.subList(1, alerts.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(a.labels().get(e.getKey())));
    }
    return Labels.of(common);
  }

  /** The annotations every alert shares with the same value. */
  public Map<String, String> commonAnnotations() {
    if (alerts.isEmpty()) {
      return Map.of();
    }
    Map<String, String> common = new TreeMap<>(alerts.get(0).annotations());
    for (Alert a : alerts.subList(1, alerts.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(a.annotations().get(e.getKey())));
    }
    return common;
  }

  /** The alerts' names, distinct, in order: for a title when the group is not keyed by alertname. */
  public List<String> alertNames() {
    List<String> names = new ArrayList<>();
    for (Alert a : alerts) {
      if (!names.contains(a.name())) {
        names.add(a.name());
      }
    }
    return names;
  }
}
