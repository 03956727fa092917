package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve refuses a bad --log-format or --explain-cache-size before loading anything, and a bad web config at load. */
class ServeOptionsTest {
  @Test
  void anUnknownLogFormatIsRefusedByName() {
    CommandRun run = CommandRun.of("serve", "--log-format", "xml", "--listen", "127.0.0.1:0");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--log-format: log format must be text or json, not \"xml\""), run.err());
  }

  @Test
  void aWebConfigWithAWeakHashStopsServeWithFileLineAndKey(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("am.yml"), "route: {receiver: r}\nreceivers: [{name: r}]\n");
    Path web = Files.writeString(dir.resolve("web.yml"),
        "basic_auth_users:\n  alice: $2y$04$SFcDrzkI6eZ5cDTeb1X9a.QJyqBaFbyBXS4XLPdL6fnS6JHr1APsS\n");

    CommandRun run = CommandRun.of("serve", "--config", config.toString(), "--web.config.file", web.toString(),
        "--listen", "127.0.0.1:0", "--data", dir.resolve("data").toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(web + ":2: basic_auth_users.alice: bcrypt cost 4 is below 10"), run.err());
    assertTrue(run.err().contains("alert-router did not start: 1 configuration error(s)"), run.err());
  }

  @Test
  void serveAloneAnswersHelpAndBadOptionsAsTheWholeCommandLineDoes() {
    for (String[] args : new String[][] {{"serve", "--help"}, {"serve", "--bogus"}, {"serve", "--listen", "nowhere"}}) {
      assertEquals(CommandRun.withEveryCommand(args), CommandRun.of(args), String.join(" ", args));
    }
    assertTrue(CommandRun.of("serve", "--help").out().startsWith("Usage: alert-router serve"));
  }

  @Test
  void aNegativeExplainCacheSizeIsRefused() {
    CommandRun run = CommandRun.of("serve", "--explain-cache-size", "-1", "--listen", "127.0.0.1:0");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--explain-cache-size: must not be negative"), run.err());
  }
}
