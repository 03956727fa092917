package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The build's last words about tests skipped for a missing peer. */
class MissingPeerReportTest {
  @Test
  void namesHowManyTestsEachPackageWouldRunAndTheInstallCommand() {
    Map<String, AtomicInteger> skipped = new TreeMap<>(Map.of(
        "prometheus", new AtomicInteger(4), "prometheus-alertmanager", new AtomicInteger(18)));

    assertEquals("""
        Peer tests: 22 tests skipped for a missing peer:
          4 need Debian's prometheus
          18 need Debian's prometheus-alertmanager
        To run them: apt-get install prometheus prometheus-alertmanager \
        (with CI=true a missing peer fails the run instead)""", MissingPeerReport.describe(skipped));
  }

  @Test
  void saysSoWhenNoneWasSkipped() {
    assertEquals("Peer tests: none skipped for a missing peer.", MissingPeerReport.describe(Map.of()));
  }
}
