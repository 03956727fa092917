package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test notification: one synthetic alert sent once through each integration of a receiver with
 * the real notifiers and templates, outside the pipeline — never grouped, muted, deduplicated,
 * retried or recorded in the notification log. Each integration answers for itself.
 */
public final class ReceiverCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverCheck.class);
  /** The alertname of the synthetic alert when the caller gives no labels. */
  public static final String DEFAULT_ALERTNAME = "AlertRouterTestNotification";

  private ReceiverCheck() {}

  /**
   * One integration to try.
   *
   * @param name its type and index, e.g. {@code slack[0]}
   * @param dryRun render instead of sending (--dry-run, or its credential is unset)
   */
  public record Target(String name, Notifier notifier, boolean dryRun) {
    public Target {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(notifier, "notifier");
    }
  }

  /** What came of one integration. */
  public enum Outcome {
    DELIVERED, FAILED, DRY_RUN;

    /** As metrics and the API write it: {@code dry_run}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param integration e.g. {@code webhook[0]}
   * @param type e.g. {@code webhook}
   * @param detail for a failure, the peer's status and message; for a dry run, the rendered payload
   *     (credentials masked); empty when delivered
   */
  public record Result(String integration, String type, Outcome outcome, String detail) {}

  /**
   * The synthetic alert, firing since {@code now}, in a group of its own for {@code receiver}: the
   * caller's labels, with {@code alertname="AlertRouterTestNotification"} unless they name one.
   */
  public static Notification notification(String receiver, Labels labels, Instant now) {
    Map<String, String> named = new java.util.TreeMap<>(labels.asMap());
    named.putIfAbsent("alertname", DEFAULT_ALERTNAME);
    return notification(receiver, Labels.of(named), Map.of(
        "summary", "Test notification from alert-router to receiver " + receiver,
        "description", "Sent on request to check this receiver's integrations; no alert is firing."),
        "alert-router-test", now);
  }

  /**
   * A synthetic alert ({@code labels}, {@code annotations}), firing since {@code now}, in a group of
   * its own for {@code receiver}, keyed {@code kind:receiver} (test notifications, silence reminders).
   */
  public static Notification notification(
      String receiver, Labels labels, Map<String, String> annotations, String kind, Instant now) {
    Alert alert = new Alert(labels, annotations, now, null, "", now);
    FlushContext context = new FlushContext(kind + ":" + receiver, labels, receiver, kind,
        Duration.ofHours(4), Duration.ofMinutes(5), List.of(), List.of(), now);
    return new Notification(context, List.of(alert));
  }

  /** Sends {@code notification} once through each target, in order. */
  public static List<Result> run(List<Target> targets, Notification notification) {
    List<Result> results = new ArrayList<>(targets.size());
    for (Target target : targets) {
      results.add(runOne(target, notification));
    }
    return results;
  }

  private static Result runOne(Target target, Notification notification) {
    String type = target.notifier().type();
    if (target.dryRun()) {
      return new Result(target.name(), type, Outcome.DRY_RUN, target.notifier().render(notification));
    }
    try {
      DeliveryOutcome outcome = target.notifier().send(notification);
      if (outcome instanceof DeliveryOutcome.Delivered) {
        return new Result(target.name(), type, Outcome.DELIVERED, "");
      }
      String reason = outcome instanceof DeliveryOutcome.Retryable r ? r.reason()
          : ((DeliveryOutcome.Permanent) outcome).reason();
      return new Result(target.name(), type, Outcome.FAILED, reason);
    } catch (RuntimeException e) {
      LOG.warn("test notification through {} failed unexpectedly", target.name(), e);
      return new Result(target.name(), type, Outcome.FAILED, "unexpected " + e.getClass().getSimpleName());
    }
  }
}
