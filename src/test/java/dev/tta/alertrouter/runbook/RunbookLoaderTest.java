package dev.tta.alertrouter.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookLoaderTest {
  @TempDir Path dir;

  private List<String> errors() {
    RunbookLoadResult result = RunbookLoader.load(dir);
    assertFalse(result.ok(), "expected errors");
    assertTrue(result.runbooks().isEmpty());
    return result.errors().stream().map(ConfigError::toString).toList();
  }

  @Test
  void readsFrontMatterWithEntryLines() {
    RunbookFiles.write(dir, "latency",
        "title: High latency",
        "owner: platform",
        "url: https://wiki.tta.dev/latency",
        "alerts:",
        "  - TTAHighLatency",
        "  - '{alertname=\"TTAHighLatency\", service=~\"api|web\"}'");
    Runbook runbook = RunbookFiles.load(dir).byName("latency").orElseThrow();
    assertEquals("High latency", runbook.title());
    assertEquals("platform", runbook.owner());
    assertEquals("https://wiki.tta.dev/latency", runbook.externalUrl().orElseThrow().toString());
    assertEquals(List.of(6, 7), runbook.selectors().stream().map(s -> s.location().line()).toList());
    assertEquals("{alertname=\"TTAHighLatency\", service=~\"api|web\"}", runbook.selectors().get(1).toString());
    assertEquals(2, runbook.selectors().get(1).specificity());
    assertTrue(runbook.markdown().startsWith("# latency"));
  }

  @Test
  void skipsTheReadme() {
    RunbookFiles.writeRaw(dir, "README", "# How to write runbooks\n");
    RunbookFiles.write(dir, "down", "title: Down", "owner: platform", "alerts: [TTAServiceDown]");
    assertEquals(List.of("down"), RunbookFiles.load(dir).all().stream().map(Runbook::name).toList());
  }

  @Test
  void fileWithoutFrontMatterIsAnErrorOnLineOne() {
    RunbookFiles.writeRaw(dir, "plain", "# Just markdown\n");
    assertEquals(List.of(dir.resolve("plain.md") + ":1: a runbook starts with front matter: a line \"---\", "
        + "then title, owner and alerts, then \"---\""), errors());
  }

  @Test
  void unclosedFrontMatterIsAnError() {
    RunbookFiles.writeRaw(dir, "open", "---\ntitle: Open\nowner: platform\nalerts: [X]\n# no closing fence\n");
    assertEquals(List.of(dir.resolve("open.md") + ":1: front matter opened by \"---\" on line 1 is never closed by another \"---\" line"),
        errors());
  }

  @Test
  void invalidYamlNamesItsLine() {
    RunbookFiles.write(dir, "broken", "title: Broken", "owner: platform", "alerts: [TTAServiceDown", "url: x");
    List<String> errors = errors();
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith(dir.resolve("broken.md") + ":5: front matter is not valid YAML"), errors.get(0));
  }

  @Test
  void everyProblemOfEveryFileIsListedWithItsLineAndKey() {
    RunbookFiles.write(dir, "a-bad",
        "title: ''",
        "colour: blue",
        "url: javascript:alert(1)",
        "alerts:",
        "  - TTAServiceDown",
        "  - '{alertname=~\"(unclosed\"}'",
        "  - {alertname=\"Unquoted\"}",
        "  - not an alertname");
    RunbookFiles.write(dir, "b-missing", "title: Missing owner and alerts");
    String a = dir.resolve("a-bad.md").toString();
    String b = dir.resolve("b-missing.md").toString();
    List<String> errors = errors();
    assertEquals(a + ":2: title: must be a non-empty string", errors.get(0));
    assertEquals(a + ":3: colour: unknown key; expected one of title, owner, alerts, url", errors.get(1));
    assertEquals(a + ":4: url: must be an absolute http(s) URL, got \"javascript:alert(1)\"", errors.get(2));
    assertTrue(errors.get(3).startsWith(a + ":7: alerts[1]: invalid regular expression"), errors.get(3));
    assertTrue(errors.get(4).startsWith(a + ":8: alerts[2]: a matcher list must be quoted"), errors.get(4));
    assertTrue(errors.get(5).startsWith(a + ":9: alerts[3]: \"not an alertname\" is not an alertname"), errors.get(5));
    assertEquals(a + ":1: owner: missing; name the team that keeps this runbook", errors.get(6));
    assertEquals(b + ":1: owner: missing; name the team that keeps this runbook", errors.get(7));
    assertEquals(b + ":1: alerts: missing; list the alertnames or matchers this runbook covers", errors.get(8));
    assertEquals(9, errors.size());
  }

  @Test
  void equallySpecificEntriesOfTwoRunbooksAreAnErrorNamingBothFilesAndLines() {
    RunbookFiles.write(dir, "first", "title: First", "owner: platform", "alerts:", "  - TTAHighLatency");
    RunbookFiles.write(dir, "second", "title: Second", "owner: platform", "alerts:", "  - TTAServiceDown",
        "  - '{alertname=\"TTAHighLatency\"}'");
    List<String> errors = errors();
    assertEquals(List.of(dir.resolve("second.md") + ":6: alerts[1]: {alertname=\"TTAHighLatency\"} and "
        + "{alertname=\"TTAHighLatency\"} at " + dir.resolve("first.md") + ":5 (runbook first) are equally "
        + "specific (1 matcher) and can match the same alert; add a matcher to the one that should win, "
        + "or pin them apart"), errors);
  }

  @Test
  void regexesOnTheSameLabelAreTakenToOverlap() {
    RunbookFiles.write(dir, "api", "title: API", "owner: platform", "alerts:",
        "  - '{alertname=\"TTAHighLatency\", service=~\"api.*\"}'");
    RunbookFiles.write(dir, "web", "title: Web", "owner: platform", "alerts:",
        "  - '{alertname=\"TTAHighLatency\", service=~\"web.*\"}'");
    assertEquals(1, errors().size());
  }

  @Test
  void entriesPinnedApartOrOfDifferentSpecificityLoad() {
    RunbookFiles.write(dir, "generic", "title: Latency", "owner: platform", "alerts:", "  - TTAHighLatency",
        "  - TTAHighLatency");
    RunbookFiles.write(dir, "api", "title: API latency", "owner: platform", "alerts:",
        "  - '{alertname=\"TTAHighLatency\", service=\"api\"}'");
    RunbookFiles.write(dir, "web", "title: Web latency", "owner: platform", "alerts:",
        "  - '{alertname=\"TTAHighLatency\", service=~\"web|www\"}'",
        "  - '{alertname=\"TTAHighLatency\", service!~\"web|www\", team=\"cost-optimization\"}'");
    RunbookFiles.write(dir, "other", "title: Others", "owner: platform", "alerts:",
        "  - '{alertname=\"TTAHighLatency\", service=\"db\", team!=\"cost-optimization\"}'");
    Runbooks runbooks = RunbookFiles.load(dir);
    assertEquals("api", runbooks.mostSpecific(Labels.of("alertname", "TTAHighLatency", "service", "api"))
        .orElseThrow().runbook().name());
    assertEquals("web", runbooks.mostSpecific(Labels.of("alertname", "TTAHighLatency", "service", "www"))
        .orElseThrow().runbook().name());
    assertEquals("generic", runbooks.mostSpecific(Labels.of("alertname", "TTAHighLatency", "service", "cache"))
        .orElseThrow().runbook().name());
    assertTrue(runbooks.mostSpecific(Labels.of("alertname", "TTAServiceDown")).isEmpty());
  }

  @Test
  void missingFolderIsAnError() {
    RunbookLoadResult result = RunbookLoader.load(dir.resolve("nope"));
    assertEquals(List.of(dir.resolve("nope") + ": runbooks folder does not exist or is not a folder"),
        result.errors().stream().map(ConfigError::toString).toList());
  }
}
