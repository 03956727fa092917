package dev.tta.alertrouter;

import java.nio.file.Path;

/**
 * Where the recorded payloads live: in the repository, relative to the project root (the working
 * folder Maven runs tests in), so a fresh clone needs nothing beside it.
 */
public final class Fixtures {
  /** All recorded fixtures; see the README there for where each came from. */
  public static final Path ROOT = Path.of("src", "test", "resources", "fixtures");
  /** Webhook payloads recorded from the real Alertmanager 0.25, and the config that produced them. */
  public static final Path ALERTMANAGER = ROOT.resolve("alertmanager-0.25");
  /** The Alertmanager configuration the webhook payloads were recorded with. */
  public static final Path ALERTMANAGER_CONFIG = ALERTMANAGER.resolve("alertmanager-used.yml");
  /** What the real Prometheus 2.42 pushed to {@code /api/v2/alerts}. */
  public static final Path PROMETHEUS_PUSH = ROOT.resolve("prometheus-2.42").resolve("push-v2-alerts.json");

  private Fixtures() {}
}
