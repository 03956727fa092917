package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.mute.InhibitionReason;
import dev.tta.alertrouter.mute.TimeIntervals;
import dev.tta.alertrouter.replay.CandidateDiff;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.runbook.RunbookResolver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the web UI reads from the configuration in force, answered by the composition root from the
 * current routing engine on every call (a reload swaps it). Every answer comes from the objects the
 * pipeline itself uses — the classifier, the compiled route tree, the inhibitor, the time intervals,
 * the dispatcher's groups — so a page never disagrees with what the server does.
 */
public interface UiBackend {
  /** The loaded configuration. */
  RouterConfig config();

  /** The route tree the dispatcher matches (teams compiled in). */
  RouteTree routes();

  /** {@code labels} with the {@code priority} label the classifier gives them. */
  Labels classify(Labels labels);

  /** The team an alert counts as ({@code TeamRoutes.countAs}): a team's name, {@code unknown} or {@code none}. */
  String team(Labels classified);

  /** Whether a firing source inhibits these (classified) labels now, and which. */
  Optional<InhibitionReason> inhibitedBy(Labels classified, Instant now);

  /** The time intervals of the configuration. */
  TimeIntervals timeIntervals();

  /** The dispatcher's aggregation groups now. */
  List<GroupSnapshot> groups();

  /** The runbook links in force. */
  RunbookResolver runbooks();

  /** Reloads the configuration as {@code POST /-/reload} does; empty on success, else the errors. */
  Optional<String> reload();

  /** The figures of the status page. */
  StatusFacts status();

  /**
   * Replays the server's capture through the configuration in force and {@code candidateYaml}, as
   * {@code POST /api/v1/config/diff} does; a backend without a capture refuses with 503.
   */
  default CandidateDiff diff(String candidateYaml) {
    return CandidateDiff.refused(503, List.of("this server does not compare configurations"));
  }

  /** Why the alert is flapping now ({@code flapping since T, N changes in W}), if a route found it flapping. */
  default Optional<String> flapping(Fingerprint fingerprint) {
    return Optional.empty();
  }
}
