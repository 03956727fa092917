package dev.tta.alertrouter.routing;

import static dev.tta.alertrouter.routing.RouteBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMatchingTest {
  /** The root to "default" with one child to "hit" holding {@code matcher}. */
  private static List<String> receiversWithChild(String matcher, Labels labels) {
    return route("default").routes(route("hit", matcher)).tree().receivers(labels);
  }

  @Test
  void equalMatcherTakesOnlyItsValue() {
    assertEquals(List.of("hit"), receiversWithChild("team=\"platform\"", Labels.of("team", "platform")));
    assertEquals(List.of("default"), receiversWithChild("team=\"platform\"", Labels.of("team", "platformx")));
  }

  @Test
  void notEqualMatcherTakesEveryOtherValue() {
    assertEquals(List.of("hit"), receiversWithChild("team!=\"platform\"", Labels.of("team", "cost")));
    assertEquals(List.of("default"), receiversWithChild("team!=\"platform\"", Labels.of("team", "platform")));
  }

  @Test
  void regexMatcherIsAnchoredAtBothEnds() {
    assertEquals(List.of("hit"), receiversWithChild("service=~\"foo.+\"", Labels.of("service", "foobar")));
    assertEquals(List.of("default"), receiversWithChild("service=~\"foo.+\"", Labels.of("service", "xfoobar")));
    assertEquals(List.of("default"), receiversWithChild("service=~\"foo\"", Labels.of("service", "foobar")));
    assertEquals(List.of("hit"), receiversWithChild("service=~\"a|b\"", Labels.of("service", "b")));
    assertEquals(List.of("default"), receiversWithChild("service=~\"a|b\"", Labels.of("service", "ab")));
  }

  @Test
  void negativeRegexMatcherTakesWhatTheRegexRefuses() {
    assertEquals(List.of("hit"), receiversWithChild("service!~\"a|b\"", Labels.of("service", "ab")));
    assertEquals(List.of("default"), receiversWithChild("service!~\"a|b\"", Labels.of("service", "a")));
  }

  @Test
  void dotDoesNotMatchNewlineUnlessTheRegexAsks() {
    assertEquals(List.of("default"), receiversWithChild("x=~\"a.b\"", Labels.of("x", "a\nb")));
    assertEquals(List.of("hit"), receiversWithChild("x=~\"(?s)a.b\"", Labels.of("x", "a\nb")));
  }

  @Test
  void missingLabelMatchesAsTheEmptyString() {
    Labels none = Labels.of("alertname", "X");
    assertEquals(List.of("hit"), receiversWithChild("team=\"\"", none));
    assertEquals(List.of("default"), receiversWithChild("team!=\"\"", none));
    assertEquals(List.of("hit"), receiversWithChild("team=~\".*\"", none));
    assertEquals(List.of("default"), receiversWithChild("team=~\".+\"", none));
    assertEquals(List.of("hit"), receiversWithChild("team!~\"a|b\"", none));
    assertEquals(List.of("hit"), receiversWithChild("team=\"\"", Labels.of("team", "")));
  }

  @Test
  void everyMatcherOfARouteMustMatch() {
    RouteTree tree = route("default").routes(route("hit", "a=\"1\"", "b=~\"2|3\"")).tree();
    assertEquals(List.of("hit"), tree.receivers(Labels.of("a", "1", "b", "3")));
    assertEquals(List.of("default"), tree.receivers(Labels.of("a", "1", "b", "4")));
  }

  @Test
  void firstMatchingChildStopsItsSiblings() {
    RouteTree tree = route("default").routes(route("first", "a=\"1\""), route("second", "a=~\".+\"")).tree();
    assertEquals(List.of("first"), tree.receivers(Labels.of("a", "1")));
    assertEquals(List.of("second"), tree.receivers(Labels.of("a", "2")));
  }

  @Test
  void continueLetsLaterSiblingsMatchToo() {
    RouteTree tree =
        route("default")
            .routes(
                route("first", "a=\"1\"").continueMatching(),
                route("second", "a=~\".+\""),
                route("third", "a=~\".+\""))
            .tree();
    assertEquals(List.of("first", "second"), tree.receivers(Labels.of("a", "1")));
  }

  @Test
  void continueOnTheLastMatchDoesNotMakeTheParentMatch() {
    RouteTree tree = route("default").routes(route("only", "a=\"1\"").continueMatching()).tree();
    assertEquals(List.of("only"), tree.receivers(Labels.of("a", "1")));
  }

  @Test
  void routeWithoutMatchingChildTakesTheAlertItself() {
    RouteTree tree = route("default").routes(route("team", "team=\"a\"").routes(route("crit", "sev=\"critical\""))).tree();
    assertEquals(List.of("team"), tree.receivers(Labels.of("team", "a", "sev", "warning")));
    assertEquals(List.of("crit"), tree.receivers(Labels.of("team", "a", "sev", "critical")));
    assertEquals(List.of("default"), tree.receivers(Labels.of("sev", "critical")));
  }

  @Test
  void matchesAreLeavesDepthFirstInTreeOrderWithRepeats() {
    RouteTree tree =
        route("default")
            .routes(
                route("x", "a=\"1\"")
                    .continueMatching()
                    .routes(route("y", "b=\"1\"").continueMatching(), route(null, "c=\"1\"")),
                route(null, "a=\"1\""))
            .tree();
    List<Route> matched = tree.match(Labels.of("a", "1", "b", "1", "c", "1"));
    assertEquals(
        List.of("{}/{a=\"1\"}/{b=\"1\"}/0", "{}/{a=\"1\"}/{c=\"1\"}/1", "{}/{a=\"1\"}/1"),
        matched.stream().map(Route::id).toList());
    assertEquals(List.of("y", "x", "default"), tree.receivers(Labels.of("a", "1", "b", "1", "c", "1")));
  }

  @Test
  void rootWhoseOwnMatchersFailTakesNothing() {
    RouteTree tree = route("default", "a=\"1\"").tree();
    assertTrue(tree.match(Labels.of("a", "2")).isEmpty());
    assertSame(tree.root(), tree.match(Labels.of("a", "1")).get(0));
  }

  @Test
  void rootWithoutReceiverIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> route(null).tree());
    assertEquals("root route must specify a default receiver", e.getMessage());
  }

  @Test
  void walkVisitsParentsBeforeChildrenInOrder() {
    RouteTree tree =
        route("r").routes(route("a", "x=\"1\"").routes(route("b", "y=\"1\"")), route("c", "x=\"2\"")).tree();
    List<String> seen = new java.util.ArrayList<>();
    tree.walk(r -> seen.add(r.receiver()));
    assertEquals(List.of("r", "a", "b", "c"), seen);
    assertEquals(4, tree.size());
  }
}
