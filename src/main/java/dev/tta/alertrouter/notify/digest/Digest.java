package dev.tta.alertrouter.notify.digest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One digest message: what a receiver's integration was not sent one by one during one window,
 * because more notifications came than its {@code digest.max_per_interval} allows.
 *
 * @param id names the digest in explain and logs: {@code receiver/integration@window start}
 * @param receiver the receiver's name
 * @param integration the integration as {@code Integration.name()} prints it, e.g. {@code slack[0]}
 * @param windowStart the start of the window the notifications were folded in (the earliest, when a
 *     digest that could not be delivered was carried into a later one)
 * @param windowEnd when the digest is sent
 * @param notifications how many notifications were folded
 * @param groups each group folded, with its alerts, most alerts first
 * @param alertnames the most frequent {@code alertname} values among the folded alerts
 * @param teams the most frequent {@code team} values
 * @param priorities every {@code priority} value, most urgent first
 */
public record Digest(
    String id,
    String receiver,
    String integration,
    Instant windowStart,
    Instant windowEnd,
    int notifications,
    List<FoldedGroup> groups,
    List<Count> alertnames,
    List<Count> teams,
    List<Count> priorities) {

  /** How many of each label value a digest shows at most. */
  public static final int TOP = 5;

  public Digest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    groups = List.copyOf(groups);
    alertnames = List.copyOf(alertnames);
    teams = List.copyOf(teams);
    priorities = List.copyOf(priorities);
  }

  /** The alerts folded, each counted once per group it was folded in. */
  public int alerts() {
    return groups.stream().mapToInt(g -> g.firing() + g.resolved()).sum();
  }

  public int firing() {
    return groups.stream().mapToInt(FoldedGroup::firing).sum();
  }

  public int resolved() {
    return groups.stream().mapToInt(FoldedGroup::resolved).sum();
  }

  /** The line a digest leads with: {@code +37 more alerts in 12 groups}. */
  public String headline() {
    int alerts = alerts();
    return "+" + alerts + " more alert" + (alerts == 1 ? "" : "s") + " in " + groups.size() + " group"
        + (groups.size() == 1 ? "" : "s");
  }

  /**
   * One group whose notification was folded; the alerts by their status in the last notification
   * folded for the group.
   */
  public record FoldedGroup(String groupKey, int firing, int resolved) {
    public FoldedGroup {
      Objects.requireNonNull(groupKey, "groupKey");
    }
  }

  /** A label value and how many folded alerts carry it. */
  public record Count(String value, int count) {
    public Count {
      Objects.requireNonNull(value, "value");
    }
  }
}
