package dev.tta.alertrouter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests skipped because a peer ({@link Peers}) is missing and, when the run ends, writes
 * how many and which packages would run them to {@code target/missing-peers.txt}, which the build
 * prints as its last words (the antrun step in pom.xml). Registered through
 * META-INF/services, so every test run has it.
 */
public final class MissingPeerReport implements TestExecutionListener {
  static final Path REPORT = Path.of("target", "missing-peers.txt");
  private static final Pattern PACKAGE = Pattern.compile("Debian package ([a-z0-9.+-]+)");
  /** What the reason says to install, where that is more than the package (chromium needs its driver too). */
  private static final Pattern INSTALL = Pattern.compile("apt-get install ([a-z0-9.+-]+(?: [a-z0-9.+-]+)*)\\)");

  private final Map<String, AtomicInteger> skippedByPackage = new ConcurrentHashMap<>();
  private volatile TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    this.plan = plan;
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
      return;
    }
    String message = result.getThrowable().map(Throwable::getMessage).orElse("");
    if (message == null || !message.contains(Peers.MISSING)) {
      return;
    }
    String debianPackage = packagesOf(message);
    skippedByPackage.computeIfAbsent(debianPackage, p -> new AtomicInteger()).addAndGet(testsIn(test));
  }

  /** The packages a skip reason says to install: {@code prometheus}, or {@code chromium chromium-driver}. */
  static String packagesOf(String reason) {
    Matcher install = INSTALL.matcher(reason);
    if (install.find()) {
      return install.group(1);
    }
    Matcher m = PACKAGE.matcher(reason);
    return m.find() ? m.group(1) : "unknown";
  }

  /** A class skipped in {@code @BeforeAll} skips all its tests (a parameterized one counts once). */
  private int testsIn(TestIdentifier test) {
    if (test.isTest() || plan == null) {
      return 1;
    }
    int tests = 0;
    for (TestIdentifier child : plan.getChildren(test)) {
      tests += testsIn(child);
    }
    return Math.max(tests, 1);
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    String report = describe(new TreeMap<>(skippedByPackage));
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String describe(Map<String, AtomicInteger> skippedByPackage) {
    int total = skippedByPackage.values().stream().mapToInt(AtomicInteger::get).sum();
    if (total == 0) {
      return "Peer tests: none skipped for a missing peer.";
    }
    StringBuilder out = new StringBuilder();
    out.append("Peer tests: ").append(total).append(total == 1 ? " test" : " tests")
        .append(" skipped for a missing peer:");
    skippedByPackage.forEach((pkg, count) -> out.append("\n  ").append(count.get()).append(" need Debian's ").append(pkg));
    java.util.Set<String> packages = new java.util.LinkedHashSet<>();
    skippedByPackage.keySet().forEach(k -> packages.addAll(java.util.List.of(k.split(" "))));
    out.append("\nTo run them: apt-get install ").append(String.join(" ", packages))
        .append(" (with CI=true a missing peer fails the run instead)");
    return out.toString();
  }
}
