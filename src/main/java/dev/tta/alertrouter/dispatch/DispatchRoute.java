package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Labels;
import java.time.Duration;
import java.util.List;

/** Stand-in for the routing package's route until that branch lands. TEMPORARY. */
public interface DispatchRoute {
  String key();

  String receiver();

  List<String> groupBy();

  boolean groupByAll();

  Duration groupWait();

  Duration groupInterval();

  Duration repeatInterval();

  List<String> muteTimeIntervals();

  List<String> activeTimeIntervals();

  /** Stand-in for the route tree. TEMPORARY. */
  interface Tree {
    List<DispatchRoute> match(Labels labels);
  }
}
