package dev.tta.alertrouter.bench;

import dev.tta.alertrouter.alert.Labels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alerts of bench/load's storm (500 alertnames, each on 4 of 50 services, teams by service, severity
 * by name, one instance label each), for the micro-benchmarks, so that they measure the same alerts.
 */
final class StormAlerts {
  static final String[] SEVERITIES = {"critical", "warning", "info"};

  private StormAlerts() {}

  /** Alert {@code j}'s labels, in the order Prometheus would send them. */
  static Map<String, String> labelMap(int j) {
    int name = j % 500;
    int occurrence = j / 500;
    int service = (name * 7 + occurrence % 4) % 50;
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alertname", String.format("Alert%03d", name));
    labels.put("service", "svc-" + service);
    labels.put("team", "team-" + service % 6);
    labels.put("severity", SEVERITIES[name % 3]);
    labels.put("instance", "host-" + occurrence + ":9100");
    labels.put("job", "node");
    return labels;
  }

  static Labels labels(int j) {
    return Labels.of(labelMap(j));
  }

  static Map<String, String> annotations(int j) {
    Map<String, String> labels = labelMap(j);
    return Map.of(
        "summary", labels.get("alertname") + " on " + labels.get("service") + " (" + labels.get("instance") + ")",
        "description", labels.get("alertname") + " has been firing on " + labels.get("instance") + " of service "
            + labels.get("service") + " for more than 5 minutes.");
  }

  /** A {@code POST /api/v2/alerts} body with alerts {@code from} to {@code from + count - 1}. */
  static byte[] prometheusPush(int from, int count, Instant startsAt, Instant endsAt) {
    StringBuilder sb = new StringBuilder("[");
    for (int j = from; j < from + count; j++) {
      if (j > from) {
        sb.append(',');
      }
      alertJson(sb, j, startsAt.toString(), endsAt.toString(), null);
    }
    return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** An Alertmanager webhook payload (version 4) of {@code count} firing alerts. */
  static byte[] alertmanagerWebhook(int from, int count, Instant startsAt) {
    StringBuilder sb = new StringBuilder("{\"receiver\":\"alert-router\",\"status\":\"firing\",\"alerts\":[");
    for (int j = from; j < from + count; j++) {
      if (j > from) {
        sb.append(',');
      }
      alertJson(sb, j, startsAt.toString(), "0001-01-01T00:00:00Z", labels(j).fingerprint().toString());
    }
    sb.append("],\"groupLabels\":{},\"commonLabels\":{\"job\":\"node\"},\"commonAnnotations\":{},")
        .append("\"externalURL\":\"http://alertmanager:9093\",\"version\":\"4\",")
        .append("\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void alertJson(StringBuilder sb, int j, String startsAt, String endsAt, String fingerprint) {
    sb.append('{');
    if (fingerprint != null) {
      sb.append("\"status\":\"firing\",");
    }
    sb.append("\"labels\":");
    object(sb, labelMap(j));
    sb.append(",\"annotations\":");
    object(sb, annotations(j));
    sb.append(",\"startsAt\":\"").append(startsAt).append("\",\"endsAt\":\"").append(endsAt)
        .append("\",\"generatorURL\":\"http://prometheus:9090/graph?g0.expr=up%3D%3D0&g0.tab=1\"");
    if (fingerprint != null) {
      sb.append(",\"fingerprint\":\"").append(fingerprint).append('"');
    }
    sb.append('}');
  }

  private static void object(StringBuilder sb, Map<String, String> map) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : map.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
    }
    sb.append('}');
  }
}
