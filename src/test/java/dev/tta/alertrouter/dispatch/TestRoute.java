package dev.tta.alertrouter.dispatch;

import java.time.Duration;
import java.util.List;

/** TEMPORARY until the routing branch lands. */
record TestRoute(
    String key,
    String receiver,
    List<String> groupBy,
    boolean groupByAll,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    List<String> muteTimeIntervals,
    List<String> activeTimeIntervals)
    implements DispatchRoute {

  static TestRoute groupingBy(
      String key, String receiver, List<String> groupBy, Duration wait, Duration interval, Duration repeat) {
    return new TestRoute(key, receiver, groupBy, false, wait, interval, repeat, List.of(), List.of());
  }

  static TestRoute groupingByAll(
      String key, String receiver, Duration wait, Duration interval, Duration repeat) {
    return new TestRoute(key, receiver, List.of(), true, wait, interval, repeat, List.of(), List.of());
  }
}
