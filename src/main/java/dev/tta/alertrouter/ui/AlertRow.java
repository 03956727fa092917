package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.runbook.RunbookChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert as the pages show it: its classified labels, priority, team, age, status and what mutes
 * it now, and its runbook link.
 *
 * @param state one of {@code firing}, {@code resolved}, {@code inhibited}, {@code silenced}, {@code muted}
 */
public record AlertRow(
    String fingerprint,
    String name,
    String priority,
    String team,
    String summary,
    Instant startsAt,
    String age,
    String state,
    String inhibitedBy,
    String inhibitedByFingerprint,
    List<String> silencedBy,
    List<String> timeMutes,
    String runbookUrl,
    String generatorUrl,
    Map<String, String> labels,
    Map<String, String> annotations,
    Alert alert,
    Labels classified) {

  static AlertRow of(Alert stored, UiBackend backend, dev.tta.alertrouter.mute.Silences silences, Instant now) {
    Labels classified = backend.classify(stored.labels());
    List<Route> routes = backend.routes().match(classified);
    Muting muting = Muting.of(backend, silences, classified, routes, now);
    Alert.Status status = stored.statusAt(now);
    String state;
    if (status == Alert.Status.RESOLVED) {
      state = "resolved";
    } else if (muting.inhibitedBy().isPresent()) {
      state = "inhibited";
    } else if (!muting.silencedBy().isEmpty()) {
      state = "silenced";
    } else if (!muting.timeMutes().isEmpty()) {
      state = "muted";
    } else {
      state = "firing";
    }
    RunbookChoice runbook = backend.runbooks().choose(classified, stored.annotations());
    String summary = stored.annotations().getOrDefault("summary", stored.annotations().getOrDefault("description", ""));
    return new AlertRow(
        stored.fingerprint().toString(),
        stored.name(),
        classified.getOrEmpty(Priority.LABEL),
        backend.team(classified),
        summary,
        stored.startsAt(),
        Views.age(Duration.between(stored.startsAt(), now)),
        state,
        muting.inhibitedBy().map(InhibitionReason::describe).orElse(null),
        muting.inhibitedBy().map(r -> r.source().fingerprint().toString()).orElse(null),
        muting.silencedBy(),
        muting.timeMutes(),
        Views.safeLink(runbook.url().orElse(null)),
        Views.safeLink(stored.generatorUrl()),
        classified.asUnmodifiableMap(),
        stored.annotations(),
        stored,
        classified);
  }

  /** {@code p0}, {@code p1}, {@code p2}: the badge's CSS class. */
  public String priorityClass() {
    return priority.isEmpty() ? "none" : priority.toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether it fires (muted or not). */
  public boolean firing() {
    return !"resolved".equals(state);
  }
}
