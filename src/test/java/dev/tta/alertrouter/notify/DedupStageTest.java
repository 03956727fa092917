package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Fingerprint;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.FlushContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alertmanager 0.25's {@code TestDedupStageNeedsUpdate} cases, through the stage itself. */
class DedupStageTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration REPEAT = Duration.ofMinutes(10);
  private static final String GROUP = "{}:{alertname=\"TTAServiceDown\"}";

  /** Alert n: firing or resolved at NOW; the same labels (so fingerprint) either way. */
  private static Alert alert(int n, boolean firing) {
    return new Alert(
        Labels.of("alertname", "TTAServiceDown", "instance", "pod-" + n),
        Map.of(),
        NOW.minus(Duration.ofHours(1)),
        firing ? null : NOW.minusSeconds(1),
        "",
        NOW);
  }

  private static Set<Fingerprint> fingerprints(int... ns) {
    return Set.copyOf(IntStream.of(ns).mapToObj(n -> alert(n, true).fingerprint()).toList());
  }

  private static NotificationLog.Entry entry(int[] firing, int[] resolved, Duration ago) {
    return new NotificationLog.Entry(fingerprints(firing), fingerprints(resolved), NOW.minus(ago));
  }

  static Stream<Arguments> cases() {
    int[] none = {};
    return Stream.of(
        Arguments.of("no entry, some firing: notify", null, new int[] {2, 3, 4}, none, false, true),
        Arguments.of("no entry, only resolved: skip", null, none, new int[] {2, 3, 4}, false, false),
        Arguments.of(
            "firing set changed: notify",
            entry(new int[] {1, 2, 3}, none, Duration.ofMinutes(1)), new int[] {2, 3, 4}, none, false, true),
        Arguments.of(
            "entry from long ago: notify",
            entry(new int[] {1, 2, 3}, none, Duration.ofDays(3650)), new int[] {1, 2, 3}, none, false, true),
        Arguments.of(
            "same firing within repeat_interval: skip",
            entry(new int[] {1, 2, 3}, none, Duration.ofMinutes(9)), new int[] {1, 2, 3}, none, false, false),
        Arguments.of(
            "same firing after repeat_interval: notify",
            entry(new int[] {1, 2, 3}, none, Duration.ofMinutes(11)), new int[] {1, 2, 3}, none, false, true),
        Arguments.of(
            "only resolved, none fired before, after repeat_interval: skip",
            entry(none, new int[] {1, 2, 3}, Duration.ofMinutes(11)), none, new int[] {3, 4, 5}, true, false),
        Arguments.of(
            "new resolved, send_resolved off: skip",
            entry(new int[] {1, 2}, new int[] {3}, Duration.ofMinutes(9)), new int[] {1}, new int[] {2, 3}, false, false),
        Arguments.of(
            "new resolved, send_resolved on: notify",
            entry(new int[] {1, 2}, new int[] {3}, Duration.ofMinutes(9)), new int[] {1}, new int[] {2, 3}, true, true),
        Arguments.of(
            "all resolved, send_resolved off: notify (clears the log)",
            entry(new int[] {1, 2}, new int[] {3}, Duration.ofMinutes(9)), none, new int[] {1, 2, 3}, false, true),
        Arguments.of(
            "all resolved, send_resolved on: notify",
            entry(new int[] {1, 2}, new int[] {3}, Duration.ofMinutes(9)), none, new int[] {1, 2, 3}, true, true),
        Arguments.of(
            "firing subset of last firing: skip",
            entry(new int[] {1, 2}, none, Duration.ofMinutes(9)), new int[] {1}, none, true, false),
        Arguments.of(
            "exactly repeat_interval ago: skip (it must have passed)",
            entry(new int[] {1}, none, REPEAT), new int[] {1}, none, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAsAlertmanager(
      String description,
      NotificationLog.Entry last,
      int[] firing,
      int[] resolved,
      boolean sendResolved,
      boolean notifies) {
    InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofDays(5));
    if (last != null) {
      log.record(new NotificationLog.Key(GROUP, "default", "slack", 0), last);
    }
    List<Alert> alerts = new ArrayList<>();
    IntStream.of(firing).forEach(n -> alerts.add(alert(n, true)));
    IntStream.of(resolved).forEach(n -> alerts.add(alert(n, false)));

    List<List<Alert>> suppressed = new ArrayList<>();
    DedupListener listener = (context, integration, index, dropped) -> suppressed.add(dropped);

    List<Alert> passed = new DedupStage(log, "slack", 0, sendResolved, listener).apply(context(), alerts);

    assertEquals(notifies ? alerts : List.of(), passed);
    // A duplicate is a skip after an earlier notification; a group never notified duplicates nothing.
    assertEquals(!notifies && last != null ? List.of(alerts) : List.of(), suppressed);
  }

  @ParameterizedTest(name = "an entry for {0} does not count")
  @MethodSource("otherKeys")
  void entriesOfOtherGroupsReceiversAndIntegrationsDoNotCount(String what, NotificationLog.Key other) {
    InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofDays(5));
    log.record(other, entry(new int[] {1}, new int[] {}, Duration.ofMinutes(1)));
    List<Alert> alerts = List.of(alert(1, true));

    assertEquals(alerts, new DedupStage(log, "slack", 0, true).apply(context(), alerts));
  }

  static Stream<Arguments> otherKeys() {
    return Stream.of(
        Arguments.of("another group", new NotificationLog.Key("{}:{alertname=\"X\"}", "default", "slack", 0)),
        Arguments.of("another receiver", new NotificationLog.Key(GROUP, "other", "slack", 0)),
        Arguments.of("another integration type", new NotificationLog.Key(GROUP, "default", "email", 0)),
        Arguments.of("another integration index", new NotificationLog.Key(GROUP, "default", "slack", 1)));
  }

  private static FlushContext context() {
    return new FlushContext(
        GROUP,
        Labels.of("alertname", "TTAServiceDown"),
        "default",
        "{}",
        REPEAT,
        Duration.ofMinutes(5),
        List.of(),
        List.of(),
        NOW);
  }
}
