package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tta.alertrouter.Peers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds check-config to Alertmanager's own verdict: the real {@code amtool} 0.25 (Debian's
 * prometheus-alertmanager package) must reject the same Alertmanager files, and accept and count
 * the good ones the same way. Skipped where amtool is not installed.
 */
class CheckConfigAgreesWithAmtoolTest {
  private static Path amtool;

  @TempDir Path dir;

  @BeforeAll
  static void amtoolInstalled() {
    amtool = Peers.require("amtool", "prometheus-alertmanager");
  }

  record Amtool(int exitCode, String output) {}

  private static Amtool amtool(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(amtool.toString(), "check-config", file.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A guard against a hung process, not a timing assertion.
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("amtool did not finish");
    }
    return new Amtool(p.exitValue(), output);
  }

  static List<InvalidConfigCases> alertmanagerInvalidCases() {
    return InvalidConfigCases.all().stream().filter(InvalidConfigCases::alertmanagerRejects).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("alertmanagerInvalidCases")
  void amtoolRejectsWhatCheckConfigRejects(InvalidConfigCases c) throws Exception {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), c.yaml());

    Amtool am = amtool(file);
    int ours = CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString()).exitCode();

    assertNotEquals(0, am.exitCode(), "amtool accepted it:\n" + am.output());
    assertEquals(1, ours);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "src/test/resources/fixtures/alertmanager-0.25/alertmanager-used.yml",
      "src/test/resources/config/alertmanager-full.yml"})
  void goodAlertmanagerConfigsGetTheSameSummary(String path) throws Exception {
    Amtool am = amtool(Path.of(path));
    CheckConfigCommandTest.Run ours = CheckConfigCommandTest.checkConfig(Map.of(), "--config", path);

    assertEquals(0, am.exitCode(), am.output());
    assertEquals(0, ours.exitCode(), ours.err());
    // amtool's lines up to the template count are ours too; we add alert-router's own after them.
    List<String> amLines = Arrays.asList(am.output().split("\n")).subList(0, 7);
    List<String> ourLines = Arrays.asList(ours.out().split("\n")).subList(0, 7);
    assertEquals(amLines, ourLines);
  }

  /**
   * The recorded configuration with opsgenie, discord and telegram receivers appended: amtool 0.25
   * and check-config both accept it and count the same. (msteams, msteamsv2, Telegram's
   * message_thread_id and the *_file forms of Discord's and Telegram's secrets came after 0.25, whose
   * amtool refuses them; {@link #amtool025RefusesTheNewerTypes} pins that, and check-config's own
   * test covers them.)
   */
  @org.junit.jupiter.api.Test
  void theNewReceiverTypesAlertmanager025KnowsAreAcceptedByBoth() throws Exception {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), ReceiverFixtures.withAlertmanager025Types());

    Amtool am = amtool(file);
    CheckConfigCommandTest.Run ours = CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString());

    assertEquals(0, am.exitCode(), am.output());
    assertEquals(0, ours.exitCode(), ours.err());
    assertEquals(Arrays.asList(am.output().split("\n")).subList(0, 7), Arrays.asList(ours.out().split("\n")).subList(0, 7));
  }

  @org.junit.jupiter.api.Test
  void amtool025RefusesTheNewerTypes() throws Exception {
    Path file = Files.writeString(dir.resolve("alertmanager.yml"), ReceiverFixtures.withEveryType());

    Amtool am = amtool(file);

    assertNotEquals(0, am.exitCode());
    org.junit.jupiter.api.Assertions.assertTrue(am.output().contains("field msteams_configs not found"), am.output());
    assertEquals(0, CheckConfigCommandTest.checkConfig(Map.of(), "--config", file.toString()).exitCode());
  }
}
