package loadbench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts of an alert storm, as Prometheus pushes them: {@code count} distinct alerts over
 * {@code alertnames} names, each name firing on 4 of {@code services} services, each service owned by
 * one of {@code teams + 1} teams (the last has no route of its own), severity fixed per name. Alerts of
 * one group (alertname, service) are spread over the whole round, as a real storm interleaves them.
 */
final class AlertSet {
  static final String[] SEVERITIES = {"critical", "warning", "info"};
  private static final int SERVICES_PER_NAME = 4;

  private final String namePrefix;
  private final int count;
  private final int alertnames;
  private final int services;
  private final int teams;

  AlertSet(String namePrefix, int count, int alertnames, int services, int teams) {
    if (count < alertnames || alertnames < 1 || services < SERVICES_PER_NAME || teams < 1) {
      throw new IllegalArgumentException("need count >= alertnames >= 1, services >= 4, teams >= 1");
    }
    this.namePrefix = namePrefix;
    this.count = count;
    this.alertnames = alertnames;
    this.services = services;
    this.teams = teams;
  }

  int count() {
    return count;
  }

  static String alertname(String prefix, int index) {
    return prefix + String.format("%03d", index);
  }

  static String service(int index) {
    return "svc-" + index;
  }

  /** Alert {@code j}'s labels, in the order they are written. */
  String[] labels(int j) {
    int name = j % alertnames;
    int occurrence = j / alertnames;
    int service = (name * 7 + occurrence % SERVICES_PER_NAME) % services;
    return new String[] {
      "alertname", alertname(namePrefix, name),
      "service", service(service),
      "team", "team-" + (service % (teams + 1)),
      "severity", SEVERITIES[name % SEVERITIES.length],
      "instance", "host-" + occurrence + ":9100",
      "job", "node",
    };
  }

  /**
   * The request bodies for one push of every alert, {@code perRequest} alerts each, all firing from
   * {@code startsAt} until {@code endsAt} (Prometheus sends a future end, renewed each evaluation).
   */
  List<byte[]> bodies(int perRequest, Instant startsAt, Instant endsAt) {
    List<byte[]> bodies = new ArrayList<>((count + perRequest - 1) / perRequest);
    for (int from = 0; from < count; from += perRequest) {
      StringBuilder sb = new StringBuilder(perRequest * 420).append('[');
      for (int j = from; j < Math.min(count, from + perRequest); j++) {
        if (j > from) {
          sb.append(',');
        }
        appendAlert(sb, j, startsAt, endsAt);
      }
      bodies.add(sb.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }
    return bodies;
  }

  private void appendAlert(StringBuilder sb, int j, Instant startsAt, Instant endsAt) {
    String[] labels = labels(j);
    sb.append("{\"labels\":{");
    for (int i = 0; i < labels.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(labels[i]).append("\":\"").append(labels[i + 1]).append('"');
    }
    sb.append("},\"annotations\":{\"summary\":\"")
        .append(labels[1]).append(" on ").append(labels[3]).append(" (").append(labels[9])
        .append(")\",\"description\":\"").append(labels[1]).append(" has been firing on ").append(labels[9])
        .append(" of service ").append(labels[3]).append(" for more than 5 minutes.\"},")
        .append("\"startsAt\":\"").append(startsAt).append("\",\"endsAt\":\"").append(endsAt)
        .append("\",\"generatorURL\":\"http://prometheus:9090/graph?g0.expr=up%3D%3D0&g0.tab=1\"}");
  }
}
