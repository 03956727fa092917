package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes {@link RouteConfig} trees in tests the way a config file would. */
final class RouteBuilder {
  private final String receiver;
  private final List<Matcher> matchers = new ArrayList<>();
  private final List<RouteBuilder> children = new ArrayList<>();
  private List<String> groupBy;
  private boolean continueMatching;
  private Duration groupWait;
  private Duration groupInterval;
  private Duration repeatInterval;
  private List<String> muteTimeIntervals = List.of();
  private List<String> activeTimeIntervals = List.of();

  private RouteBuilder(String receiver) {
    this.receiver = receiver;
  }

  /** A route to {@code receiver} (null inherits) with matchers written as in {@code matchers:}. */
  static RouteBuilder route(String receiver, String... matchers) {
    RouteBuilder b = new RouteBuilder(receiver);
    for (String m : matchers) {
      b.matchers.add(Matchers.parse(m));
    }
    return b;
  }

  RouteBuilder routes(RouteBuilder... routes) {
    children.addAll(Arrays.asList(routes));
    return this;
  }

  RouteBuilder continueMatching() {
    continueMatching = true;
    return this;
  }

  RouteBuilder groupBy(String... labels) {
    groupBy = List.of(labels);
    return this;
  }

  RouteBuilder groupWait(Duration d) {
    groupWait = d;
    return this;
  }

  RouteBuilder groupInterval(Duration d) {
    groupInterval = d;
    return this;
  }

  RouteBuilder repeatInterval(Duration d) {
    repeatInterval = d;
    return this;
  }

  RouteBuilder muteTimeIntervals(String... names) {
    muteTimeIntervals = List.of(names);
    return this;
  }

  RouteBuilder activeTimeIntervals(String... names) {
    activeTimeIntervals = List.of(names);
    return this;
  }

  RouteConfig build() {
    return new RouteConfig(
        receiver,
        groupBy,
        matchers,
        continueMatching,
        groupWait,
        groupInterval,
        repeatInterval,
        muteTimeIntervals,
        activeTimeIntervals,
        children.stream().map(RouteBuilder::build).toList(),
        new SourceLocation("test.yml", 1));
  }

  RouteTree tree() {
    return RouteTree.of(build());
  }
}
