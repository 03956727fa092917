package dev.tta.alertrouter.mute;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.InhibitRuleConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a label set is inhibited, as Alertmanager's {@code inhibit.Inhibitor.Mutes}: some
 * rule's target matchers match it and a firing alert matching that rule's source matchers has the
 * same values for the rule's {@code equal} labels. The composition root feeds it every alert the
 * store merges ({@link #onAlerts}); after a config reload, a new Inhibitor must be fed every alert
 * the store holds. Thread-safe.
 */
public final class Inhibitor {
  private final List<InhibitRule> rules;
  private final Clock clock;

  public Inhibitor(List<InhibitRuleConfig> rules, Clock clock) {
    Objects.requireNonNull(rules, "rules");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<InhibitRule> built = new ArrayList<>(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      built.add(new InhibitRule(i, rules.get(i)));
    }
    this.rules = List.copyOf(built);
  }

  /** Takes the newest merged copies of alerts: firing sources are indexed, resolved ones forgotten. */
  public void onAlerts(Collection<Alert> alerts) {
    if (rules.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (Alert alert : alerts) {
      for (InhibitRule rule : rules) {
        rule.update(alert, now);
      }
    }
  }

  /** The first rule (in config order) and firing source that inhibit {@code target} at {@code now}. */
  public Optional<InhibitionReason> isInhibited(Labels target, Instant now) {
    for (InhibitRule rule : rules) {
      if (!rule.matchesTarget(target)) {
        continue;
      }
      Optional<InhibitionReason> reason = rule.inhibits(target, now);
      if (reason.isPresent()) {
        return reason;
      }
    }
    return Optional.empty();
  }

  /**
   * Forgets sources that have resolved by {@code now} without a resolved copy being fed (their
   * {@code endsAt} passed). Lookups already skip them; this keeps memory bounded. The composition
   * root calls it on a schedule, as Alertmanager's 15-minute cache GC.
   *
   * @return how many sources were forgotten
   */
  public int collectGarbage(Instant now) {
    int removed = 0;
    for (InhibitRule rule : rules) {
      removed += rule.collectGarbage(now);
    }
    return removed;
  }

  /** Indexed sources summed over the rules (an alert that is a source of two rules counts twice). */
  public int indexedSources() {
    return rules.stream().mapToInt(InhibitRule::sourceCount).sum();
  }
}
