package dev.tta.alertrouter.routing;

import dev.tta.alertrouter.Fixtures;
import static dev.tta.alertrouter.routing.RouteBuilder.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RouteKeyTest {
  static final Path FIXTURES = Fixtures.ALERTMANAGER;

  @Test
  void rootKeyIsItsEmptyMatcherSet() {
    Route root = route("d").tree().root();
    assertEquals("{}", root.key());
    assertEquals("{}", root.id());
  }

  @Test
  void childKeyAppendsItsMatchersAndIdAppendsItsPosition() {
    RouteTree tree =
        route("d").routes(route("a", "severity=\"warning\""), route("b", "severity=\"critical\"").routes(route("c", "team=~\"a|b\""))).tree();
    Route critical = tree.root().children().get(1);
    assertEquals("{}/{severity=\"critical\"}", critical.key());
    assertEquals("{}/{severity=\"critical\"}/1", critical.id());
    Route team = critical.children().get(0);
    assertEquals("{}/{severity=\"critical\"}/{team=~\"a|b\"}", team.key());
    assertEquals("{}/{severity=\"critical\"}/{team=~\"a|b\"}/0", team.id());
  }

  @Test
  void siblingsWithTheSameMatchersShareAKeyButNotAnId() {
    RouteTree tree = route("d").routes(route("a", "x=\"1\"").continueMatching(), route("b", "x=\"1\"")).tree();
    Route first = tree.root().children().get(0);
    Route second = tree.root().children().get(1);
    assertEquals(first.key(), second.key());
    assertFalse(first.id().equals(second.id()));
  }

  @Test
  void matchersSortByNameThenValueThenOperator() {
    Route r = route("d").routes(route(null, "z=\"1\"", "a!~\"x\"", "a=~\"x\"", "a=\"x\"", "a!=\"x\"", "a=\"w\"")).tree().root().children().get(0);
    assertEquals("{a=\"w\",a=\"x\",a!=\"x\",a=~\"x\",a!~\"x\",z=\"1\"}", r.matchersString());
    assertEquals(r.matchersString(), r.key().substring("{}/".length()));
  }

  @Test
  void matchAndMatchReValuesSortWithTheNewMatchers() {
    // match_re values arrive anchored, as Alertmanager 0.25's config.Regexp prints them.
    Route r =
        route("d")
            .routes(route(null, "service=\"api\"", "env=~\"^(?:prod.*)$\"", "env=\"prod\"", "env=~\"dev\""))
            .tree()
            .root()
            .children()
            .get(0);
    assertEquals("{env=~\"^(?:prod.*)$\",env=~\"dev\",env=\"prod\",service=\"api\"}", r.matchersString());
  }

  @Test
  void valuesSortInCodePointOrderAsGoDoes() {
    Matcher supplementary = Matcher.equal("a", "\uD83D\uDE00"); // U+1F600
    Matcher bmp = Matcher.equal("a", "\uFFFD");
    assertEquals(List.of(bmp, supplementary), MatcherOrder.sorted(List.of(supplementary, bmp)));
  }

  @Test
  void keyEscapesValuesAsAlertmanagerPrintsThem() {
    Route r = route("d").routes(route(null, "a=\"q\\\"b\\\\c\\nd\"")).tree().root().children().get(0);
    assertEquals("{}/{a=\"q\\\"b\\\\c\\nd\"}", r.key());
  }

  static Stream<Path> webhookFixtures() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  /** The tree of the fixtures' alertmanager-used.yml. */
  private static RouteTree fixtureTree() {
    return route("router").groupBy("alertname", "service").routes(route("router-truncated", "truncate=\"yes\"")).tree();
  }

  @ParameterizedTest
  @MethodSource("webhookFixtures")
  void keyAndGroupByRebuildAlertmanagersGroupKey(Path fixture) throws IOException {
    JsonNode payload = new ObjectMapper().readTree(fixture.toFile());
    RouteTree tree = fixtureTree();
    for (JsonNode alert : payload.get("alerts")) {
      Map<String, String> labels = new TreeMap<>();
      alert.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
      Labels alertLabels = Labels.of(labels);
      List<Route> routes = tree.match(alertLabels);
      assertEquals(1, routes.size());
      Route route = routes.get(0);
      assertEquals(payload.get("receiver").asText(), route.receiver());
      assertEquals(payload.get("groupKey").asText(), route.key() + ":" + alertLabels.select(route.options().groupBy()));
    }
  }
}
