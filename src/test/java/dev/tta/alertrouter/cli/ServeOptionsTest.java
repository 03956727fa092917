package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** serve refuses a bad --log-format or --explain-cache-size before loading anything. */
class ServeOptionsTest {
  @Test
  void anUnknownLogFormatIsRefusedByName() {
    CommandRun run = CommandRun.of("serve", "--log-format", "xml", "--listen", "127.0.0.1:0");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--log-format: log format must be text or json, not \"xml\""), run.err());
  }

  @Test
  void aNegativeExplainCacheSizeIsRefused() {
    CommandRun run = CommandRun.of("serve", "--explain-cache-size", "-1", "--listen", "127.0.0.1:0");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--explain-cache-size: must not be negative"), run.err());
  }
}
