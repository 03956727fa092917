package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The build's last words about tests skipped for a missing peer. */
class MissingPeerReportTest {
  @Test
  void aReasonNamesWhatToInstall() {
    assertEquals("prometheus", MissingPeerReport.packagesOf(
        "missing peer: promtool (Debian package prometheus: apt-get install prometheus)"));
    assertEquals("chromium chromium-driver", MissingPeerReport.packagesOf(
        "missing peer: chromium (Debian package chromium: apt-get install chromium chromium-driver)"));
  }

  @Test
  void theLastWordsListEveryPackageOnce() {
    Map<String, AtomicInteger> skipped = new TreeMap<>();
    skipped.put("chromium chromium-driver", new AtomicInteger(8));
    skipped.put("prometheus", new AtomicInteger(2));
    String report = MissingPeerReport.describe(skipped);
    assertTrue(report.startsWith("Peer tests: 10 tests skipped for a missing peer:"), report);
    assertTrue(report.contains("8 need Debian's chromium chromium-driver"), report);
    assertTrue(report.contains("To run them: apt-get install chromium chromium-driver prometheus (with CI=true"), report);
  }

  @Test
  void saysSoWhenNoneWasSkipped() {
    assertEquals("Peer tests: none skipped for a missing peer.", MissingPeerReport.describe(Map.of()));
  }
}
