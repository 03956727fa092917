package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's launcher: the class-data archive beside the jar is used, mapped at its own address, and the JVM takes the options. */
class LauncherTest {
  @TempDir Path dir;

  @Test
  void anArchiveBesideTheJarIsUsedAtItsOwnAddress() throws Exception {
    Path jar = Files.createFile(dir.resolve("alert-router.jar"));
    Path archive = Files.createFile(dir.resolve("alert-router.jsa"));

    String options = javaOptions(jar);

    assertTrue(options.contains("-XX:SharedArchiveFile=" + archive), options);
    assertTrue(options.contains("-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"), options);
    assertTrue(options.contains("-XX:Tier4InvocationThreshold=50000"), "C2 later, for a quicker start: " + options);
    // The JVM accepts them (an archive it cannot use is ignored: -Xshare:auto).
    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    java.addAll(Arrays.asList(options.trim().split("\\s+")));
    java.add("-version");
    assertEquals(0, run(java), options);
  }

  @Test
  void withoutAnArchiveTheJvmLoadsFromTheJar() throws Exception {
    Path jar = Files.createFile(dir.resolve("alert-router.jar"));

    String options = javaOptions(jar);

    assertFalse(options.contains("SharedArchiveFile"), options);
    assertFalse(options.contains("ArchiveRelocationMode"), options);
  }

  private static String javaOptions(Path jar) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "bin/alert-router", "java-options").redirectErrorStream(true);
    builder.environment().put("ALERT_ROUTER_JAR", jar.toString());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("ALERT_ROUTER_HEAP_OPTS");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    return out;
  }

  private static int run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), out);
    return process.exitValue();
  }
}
