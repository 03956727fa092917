package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.flap.FlapStatus;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.MaintenanceSilences;
import dev.tta.alertrouter.mute.TimeMuteReason;
import dev.tta.alertrouter.notify.DeliveryEvent;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.runbook.RunbookChoice;
import dev.tta.alertrouter.severity.Classification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what each stage decided into the {@link Decision} explain shows and the debug log prints:
 * one readable summary and the facts behind it. The decisions every copy of an alert gets are
 * {@link Verdicts}, put into words only when read; these are the rest, taken at flushes. Secrets
 * never reach here: receivers are named, not their URLs or keys, and delivery reasons come from
 * notifiers that leave credentials out.
 */
public final class Decisions {
  private Decisions() {}

  /** {@link Verdicts#received}, taken at {@code at}. */
  public static Decision received(Alert alert, Instant at) {
    return Verdicts.received(alert, at).takenAt(at);
  }

  public static Decision priority(Classification c, Instant at) {
    return Verdicts.priority(c).takenAt(at);
  }

  /** @param countAs {@link TeamRoutes#countAs}: a team's name, {@code unknown} or {@code none} */
  public static Decision team(String countAs, Instant at) {
    return Verdicts.team(countAs).takenAt(at);
  }

  public static Decision route(Route route, Instant at) {
    return Verdicts.route(route).takenAt(at);
  }

  public static Decision group(String groupKey, String receiver, Instant at) {
    return Verdicts.group(groupKey, receiver).takenAt(at);
  }

  public static Decision inhibited(FlushContext context, InhibitionReason reason) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("source_fingerprint", reason.source().fingerprint().toString());
    details.put("source_labels", reason.source().labels().toString());
    details.put("rule", "inhibit_rules[" + reason.ruleIndex() + "]");
    details.put("rule_location", reason.ruleLocation().toString());
    return Decision.of(context.now(), DecisionStage.INHIBITED, context.groupKey(),
        reason.describe() + "; not sent to " + context.receiver(), details);
  }

  public static Decision timeMuted(FlushContext context, TimeMuteReason reason) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    // The same words as alertrouter_alerts_time_muted_total's kind label.
    details.put("kind", reason.kind() == TimeMuteReason.Kind.INSIDE_MUTE_INTERVAL
        ? "mute_time_intervals" : "outside_active_time_intervals");
    details.put("intervals", String.join(",", reason.intervals()));
    return Decision.of(context.now(), DecisionStage.TIME_MUTED, context.groupKey(),
        "muted: " + reason.describe() + "; not sent to " + context.receiver(), details);
  }

  public static Decision silenced(FlushContext context, List<String> silenceIds) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("silences", String.join(",", silenceIds));
    return Decision.of(context.now(), DecisionStage.SILENCED, context.groupKey(),
        "silenced by " + silenceIds.stream().map(Decisions::silence).collect(Collectors.joining(", "))
            + "; not sent to " + context.receiver(), details);
  }

  /** A silence in words: a {@code maintenance:} entry's silence names its window. */
  private static String silence(String id) {
    return id.startsWith(MaintenanceSilences.ID_PREFIX)
        ? "maintenance window " + id.substring(MaintenanceSilences.ID_PREFIX.length()) + " (silence " + id + ")"
        : id;
  }

  public static Decision deduplicated(FlushContext context, String integration, int index) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("integration", integration + "[" + index + "]");
    details.put("repeat_interval", context.repeatInterval().toString());
    return Decision.of(context.now(), DecisionStage.DEDUPLICATED, context.groupKey() + " " + integration + "[" + index + "]",
        "not sent again to " + context.receiver() + " via " + integration + "[" + index
            + "]: already notified, nothing new within repeat_interval " + readable(context.repeatInterval()),
        details);
  }

  /**
   * A notification folded into digest {@code digestId}, which is sent at {@code sendAt}: "folded
   * into digest D at T".
   */
  public static Decision folded(FlushContext context, String integration, int index, String digestId,
      Instant sendAt) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("integration", integration + "[" + index + "]");
    details.put("digest", digestId);
    details.put("digest_at", sendAt.toString());
    return Decision.of(context.now(), DecisionStage.FOLDED, context.groupKey() + " " + integration + "[" + index + "]",
        "folded into digest " + digestId + " at " + sendAt + ": " + context.receiver() + " via " + integration + "["
            + index + "] had its digest.max_per_interval notifications this interval",
        details);
  }

  public static Decision runbook(RunbookChoice choice, Instant at) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("source", choice.source().wireName());
    choice.url().ifPresent(url -> details.put("url", url));
    choice.title().ifPresent(title -> details.put("title", title));
    details.put("matched_by", choice.matchedBy());
    String summary = choice.url()
        .map(url -> "runbook " + url + " from " + choice.source().wireName() + " (" + choice.matchedBy() + ")")
        .orElse("no runbook: " + choice.matchedBy());
    return Decision.of(at, DecisionStage.RUNBOOK, "", summary, details);
  }

  public static Decision notification(DeliveryEvent event, Instant at) {
    Map<String, String> details = flush(event.groupKey(), event.receiver());
    details.put("integration", event.integration() + "[" + event.index() + "]");
    details.put("outcome", event.result().label());
    details.put("attempt", Integer.toString(event.attempt()));
    details.put("latency_ms", Long.toString(event.latency().toMillis()));
    if (!event.reason().isEmpty()) {
      details.put("reason", event.reason());
    }
    String summary = "notification " + event.result().label() + ": receiver " + event.receiver() + " via "
        + event.integration() + "[" + event.index() + "]"
        + (event.attempt() > 0 ? ", attempt " + event.attempt() : "")
        + (event.reason().isEmpty() ? "" : ": " + event.reason());
    return Decision.of(at, DecisionStage.NOTIFICATION, "", summary, details);
  }

  /** The alert's group was acknowledged: {@code acked by alice at T}. */
  public static Decision acknowledged(String groupKey, String describedAck, String comment, Instant at) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("group_key", groupKey);
    if (!comment.isEmpty()) {
      details.put("comment", comment);
    }
    String until = describedAck.contains(" until ") ? "" : ", until the group resolves";
    return Decision.of(at, DecisionStage.ACKNOWLEDGED, groupKey,
        describedAck + until + (comment.isEmpty() ? "" : ": " + comment) + "; repeats are held", details);
  }

  /** The alert's group's acknowledgement ended: {@code why} is "unacknowledged by bob" or "the group resolved". */
  public static Decision ackEnded(String groupKey, String describedAck, String why, Instant at) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("group_key", groupKey);
    details.put("ended", why);
    return Decision.of(at, DecisionStage.ACKNOWLEDGED, groupKey,
        describedAck + " ended: " + why + "; repeats resume", details);
  }

  /** A repeat was not sent because the group is acknowledged ({@code why}: acked by alice at T). */
  public static Decision repeatHeld(FlushContext context, String integration, int index, String why) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("integration", integration + "[" + index + "]");
    details.put("held_by", why);
    return Decision.of(context.now(), DecisionStage.ACKNOWLEDGED, context.groupKey() + " " + integration + "[" + index + "]",
        "repeat not sent to " + context.receiver() + " via " + integration + "[" + index + "]: " + why, details);
  }

  /** An escalation step notified {@code receiver}: {@code note} is "escalated: nobody acknowledged in 5m". */
  public static Decision escalated(String groupKey, String routeKey, int step, String receiver, String note, Instant at) {
    Map<String, String> details = flush(groupKey, receiver);
    details.put("route", routeKey);
    details.put("step", Integer.toString(step));
    return Decision.of(at, DecisionStage.ESCALATED, groupKey + " step " + step,
        note + "; step " + step + " notified " + receiver, details);
  }

  /** {@code what}: "marked flapping; one flapping notification", "held", "stable again: real state sent". */
  public static Decision flapping(FlushContext context, FlapStatus status, String what) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("flapping_since", status.since().toString());
    details.put("changes", Integer.toString(status.changes()));
    details.put("window", status.window().toString());
    return Decision.of(context.now(), DecisionStage.FLAPPING, context.groupKey() + " " + what,
        status.describe() + "; " + what + " (" + context.receiver() + ")", details);
  }

  /** The route's resolve rules kept a resolve from an integration that never heard the alert fire. */
  public static Decision resolveDropped(FlushContext context, String integration, int index, String why) {
    Map<String, String> details = flush(context.groupKey(), context.receiver());
    details.put("integration", integration + "[" + index + "]");
    return Decision.of(context.now(), DecisionStage.DEDUPLICATED, context.groupKey() + " " + integration + "[" + index
        + "] resolve", "resolve not sent to " + context.receiver() + " via " + integration + "[" + index + "]: " + why,
        details);
  }

  private static Map<String, String> flush(String groupKey, String receiver) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("group_key", groupKey);
    details.put("receiver", receiver);
    return details;
  }

  private static String readable(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
