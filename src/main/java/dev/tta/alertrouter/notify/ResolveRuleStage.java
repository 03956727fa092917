package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.config.ResolveRule;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies the route's {@code resolve:} rules to one integration, just before its dedup stage: the
 * resolve of an alert this integration never heard firing (per the notification log) is dropped when
 * the route says {@code after_silence_expired: drop}, or when the alert fired for less than
 * {@code min_firing_duration}. A resolve the integration heard firing is never dropped here, so no
 * receiver is left believing an alert still fires. With {@link ResolveRule#DEFAULT} it passes all.
 */
final class ResolveRuleStage implements Stage {
  private final NotificationLog log;
  private final String integration;
  private final int index;
  private final DedupListener listener;

  ResolveRuleStage(NotificationLog log, String integration, int index, DedupListener listener) {
    this.log = Objects.requireNonNull(log, "log");
    this.integration = Objects.requireNonNull(integration, "integration");
    this.index = index;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    ResolveRule rule = context.resolve();
    if (rule.isDefault()) {
      return alerts;
    }
    Set<Fingerprint> heardFiring = log.last(new NotificationLog.Key(context.groupKey(), context.receiver(), integration,
        index)).map(NotificationLog.Entry::firing).orElse(Set.of());
    List<Alert> passed = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      String why = alert.isResolvedAt(context.now()) && !heardFiring.contains(alert.fingerprint())
          ? dropReason(rule, alert)
          : null;
      if (why == null) {
        passed.add(alert);
      } else {
        listener.resolveDropped(context, integration, index, alert, why);
      }
    }
    return passed;
  }

  private static String dropReason(ResolveRule rule, Alert alert) {
    if (rule.afterSilenceExpired() == ResolveRule.AfterSilenceExpired.DROP) {
      return "its firing was never notified (resolve.after_silence_expired: drop)";
    }
    Duration fired = Duration.between(alert.startsAt(), alert.endsAt());
    if (fired.compareTo(rule.minFiringDuration()) < 0) {
      return "it fired for less than resolve.min_firing_duration";
    }
    return null;
  }
}
