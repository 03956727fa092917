package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingCasesFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("cases.yml"), yaml);
  }

  private List<String> problems(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThrows(RoutingCasesFile.InvalidCasesException.class, () -> RoutingCasesFile.read(file)).problems();
  }

  @Test
  void readsCasesInOrderWithTheirLines() throws Exception {
    Path file =
        write(
            """
            - labels: {alertname: TTAServiceDown, severity: critical}
              expect: [critical-alerts]
            # a comment
            - labels:
                team: platform
                code: 500
              expect: [platform-team, default]
            """);
    List<RoutingCase> cases = RoutingCasesFile.read(file);
    assertEquals(
        List.of(
            new RoutingCase(1, Labels.of("alertname", "TTAServiceDown", "severity", "critical"), List.of("critical-alerts")),
            new RoutingCase(4, Labels.of("team", "platform", "code", "500"), List.of("platform-team", "default"))),
        cases);
  }

  @Test
  void aSingleExpectedReceiverMayBeWrittenWithoutBrackets() throws Exception {
    assertEquals(List.of("default"), RoutingCasesFile.read(write("- labels: {a: b}\n  expect: default\n")).get(0).expect());
  }

  @Test
  void emptyLabelValueIsKept() throws Exception {
    assertEquals(Labels.of("team", ""), RoutingCasesFile.read(write("- labels: {team: ''}\n  expect: [x]\n")).get(0).labels());
  }

  @Test
  void everyBadCaseIsNamedWithFileAndLine() throws Exception {
    List<String> problems =
        problems(
            """
            - labels: {alertname: A}
              expected: [x]
            - labels: {1bad: x, team: }
              expect: [x]
            - expect: [x, {y: z}]
            """);
    String file = dir.resolve("cases.yml").toString();
    assertEquals(
        List.of(
            file + ":1: unknown key 'expected' (a case has 'labels' and 'expect')",
            file + ":1: 'expect' must be a list of receiver names",
            file + ":3: invalid label name '1bad'",
            file + ":3: label 'team' needs a value (write \"\" for an empty one)",
            file + ":5: 'labels' must be a map of label names to values",
            file + ":5: 'expect' must be a list of receiver names, found {\"y\":\"z\"}"),
        problems);
  }

  @Test
  void fileThatIsNotAListIsRefused() throws Exception {
    assertEquals(
        List.of(dir.resolve("cases.yml") + ":1: expected a list of cases (- labels: {...}, expect: [...])"),
        problems("labels: {a: b}\nexpect: [x]\n"));
  }

  @Test
  void brokenYamlIsRefusedWithItsLine() throws Exception {
    List<String> problems = problems("- labels: {a: b}\n  expect: [x\n- labels: {}\n");
    assertEquals(1, problems.size());
    assertEquals(true, problems.get(0).startsWith(dir.resolve("cases.yml") + ":"), problems.get(0));
    assertEquals(true, problems.get(0).contains("not valid YAML"), problems.get(0));
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.yml");
    assertEquals(
        List.of(missing + ": no such file"),
        assertThrows(RoutingCasesFile.InvalidCasesException.class, () -> RoutingCasesFile.read(missing)).problems());
  }
}
