package dev.tta.alertrouter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of rules may keep its {@code routes test --cases} file, {@code tests.yml}, beside them. */
class RoutingCasesBesideRulesTest {
  private static final String RULES = """
      route:
        receiver: default
      receivers:
        - name: default
      """;
  private static final String CASES = """
      - labels: {alertname: X}
        expect: [default]
      """;

  @Test
  void folderLoadSkipsTestsYml(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("alertmanager.yml"), RULES);
    Files.writeString(dir.resolve("tests.yml"), CASES);
    Files.createDirectories(dir.resolve("teams"));
    Files.writeString(dir.resolve("teams/tests.yaml"), CASES);

    LoadResult result = new ConfigLoader(Map.of()).load(dir);

    assertTrue(result.ok(), result.errors().toString());
    assertEquals(List.of(dir.resolve("alertmanager.yml")), result.config().sources());
  }

  @Test
  void onlyTheExactNameIsSkipped(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("alertmanager.yml"), RULES);
    Files.writeString(dir.resolve("my-tests.yml"), CASES);

    LoadResult result = new ConfigLoader(Map.of()).load(dir);

    assertFalse(result.ok());
    assertTrue(result.errors().toString().contains("my-tests.yml"), result.errors().toString());
  }

  @Test
  void casesFileNamedExplicitlyIsReadAsConfigAndRefused(@TempDir Path dir) throws Exception {
    Path cases = Files.writeString(dir.resolve("tests.yml"), CASES);

    LoadResult result = new ConfigLoader(Map.of()).load(cases);

    assertFalse(result.ok());
  }
}
