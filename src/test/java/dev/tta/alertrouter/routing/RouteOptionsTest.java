package dev.tta.alertrouter.routing;

import static dev.tta.alertrouter.routing.RouteBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteOptionsTest {
  private static RouteOptions onlyChild(RouteBuilder root) {
    return root.tree().root().children().get(0).options();
  }

  @Test
  void rootGetsAlertmanagersDefaults() {
    RouteOptions o = route("default").tree().root().options();
    assertEquals(
        new RouteOptions("default", List.of(), false, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4), List.of(), List.of()),
        o);
  }

  @Test
  void childInheritsReceiver() {
    assertEquals("default", onlyChild(route("default").routes(route(null, "a=\"1\""))).receiver());
    assertEquals("mine", onlyChild(route("default").routes(route("mine", "a=\"1\""))).receiver());
  }

  @Test
  void emptyReceiverInheritsAsInAlertmanager() {
    assertEquals("default", onlyChild(route("default").routes(route("", "a=\"1\""))).receiver());
  }

  @Test
  void childInheritsGroupByUnlessItSetsIt() {
    assertEquals(List.of("a", "b"), onlyChild(route("d").groupBy("a", "b").routes(route(null))).groupBy());
    assertEquals(List.of("c"), onlyChild(route("d").groupBy("a", "b").routes(route(null).groupBy("c"))).groupBy());
  }

  @Test
  void groupByKeepsConfigOrderWithoutRepeats() {
    assertEquals(List.of("b", "a"), route("d").groupBy("b", "a", "b").tree().root().options().groupBy());
  }

  @Test
  void emptyGroupByInheritsAsInAlertmanager() {
    RouteOptions o = onlyChild(route("d").groupBy("a").routes(route(null).groupBy()));
    assertEquals(List.of("a"), o.groupBy());
    assertFalse(o.groupByAll());
  }

  @Test
  void ellipsisGroupsByAllLabelsAndIsInherited() {
    RouteTree tree = route("d").groupBy("...").routes(route(null, "a=\"1\"").routes(route(null, "b=\"1\""))).tree();
    assertTrue(tree.root().options().groupByAll());
    Route grandchild = tree.root().children().get(0).children().get(0);
    assertTrue(grandchild.options().groupByAll());
    assertEquals(List.of(), grandchild.options().groupBy());
  }

  @Test
  void ellipsisKeepsTheInheritedListBesideTheFlag() {
    RouteOptions o = onlyChild(route("d").groupBy("a").routes(route(null).groupBy("...")));
    assertTrue(o.groupByAll());
    assertEquals(List.of("a"), o.groupBy());
  }

  @Test
  void namedGroupByUnderEllipsisClearsTheFlag() {
    RouteOptions o = onlyChild(route("d").groupBy("...").routes(route(null).groupBy("x")));
    assertFalse(o.groupByAll());
    assertEquals(List.of("x"), o.groupBy());
  }

  @Test
  void childInheritsGroupWait() {
    RouteBuilder root = route("d").groupWait(Duration.ofSeconds(10));
    assertEquals(Duration.ofSeconds(10), onlyChild(root.routes(route(null))).groupWait());
    assertEquals(Duration.ZERO, onlyChild(route("d").groupWait(Duration.ofSeconds(10)).routes(route(null).groupWait(Duration.ZERO))).groupWait());
  }

  @Test
  void childInheritsGroupInterval() {
    assertEquals(Duration.ofSeconds(10), onlyChild(route("d").groupInterval(Duration.ofSeconds(10)).routes(route(null))).groupInterval());
    assertEquals(
        Duration.ofMinutes(1),
        onlyChild(route("d").groupInterval(Duration.ofSeconds(10)).routes(route(null).groupInterval(Duration.ofMinutes(1)))).groupInterval());
  }

  @Test
  void childInheritsRepeatInterval() {
    assertEquals(Duration.ofHours(1), onlyChild(route("d").repeatInterval(Duration.ofHours(1)).routes(route(null))).repeatInterval());
    assertEquals(
        Duration.ofMinutes(5),
        onlyChild(route("d").repeatInterval(Duration.ofHours(1)).routes(route(null).repeatInterval(Duration.ofMinutes(5)))).repeatInterval());
  }

  @Test
  void grandchildInheritsThroughAnUnsetChild() {
    RouteTree tree = route("d").groupWait(Duration.ofSeconds(1)).routes(route("x").routes(route(null))).tree();
    RouteOptions o = tree.root().children().get(0).children().get(0).options();
    assertEquals("x", o.receiver());
    assertEquals(Duration.ofSeconds(1), o.groupWait());
    assertEquals(Duration.ofMinutes(5), o.groupInterval());
  }

  @Test
  void timeIntervalsAreNotInherited() {
    RouteTree tree =
        route("d").routes(route(null, "a=\"1\"").muteTimeIntervals("nights").activeTimeIntervals("office").routes(route(null))).tree();
    RouteOptions child = tree.root().children().get(0).options();
    assertEquals(List.of("nights"), child.muteTimeIntervals());
    assertEquals(List.of("office"), child.activeTimeIntervals());
    RouteOptions grandchild = tree.root().children().get(0).children().get(0).options();
    assertEquals(List.of(), grandchild.muteTimeIntervals());
    assertEquals(List.of(), grandchild.activeTimeIntervals());
  }
}
