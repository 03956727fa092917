package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library is copied into the data folder once, and nothing is left in the temporary folder. */
class SqliteNativeLibraryTest {
  @TempDir Path dir;

  @Test
  void theLibraryIsCopiedIntoTheDataFolderOnceAndTheTemporaryFolderStaysEmpty() throws Exception {
    Path data = dir.resolve("data");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));

    List<String> first = probe(data, tmp);
    Path library = onlyLibraryUnder(data.resolve(SqliteNativeLibrary.FOLDER));
    assertEquals(List.of("lib.path=" + library.getParent(), "alerts=0"), first);
    FileTime copied = Files.getLastModifiedTime(library);

    List<String> second = probe(data, tmp);
    assertEquals(first, second, "the second start uses the same copy");
    assertEquals(copied, Files.getLastModifiedTime(library), "and does not copy it again");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.contains("sqlite")).toList(),
          "the driver extracted nothing into the temporary folder");
    }
  }

  @Test
  void aDataFolderThatCannotHoldItLeavesTheDriverToItsOwnExtraction() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    // A file where the library's folder would go: no copy can be made there.
    Files.writeString(data.resolve(SqliteNativeLibrary.FOLDER), "not a folder");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));

    assertEquals(List.of("lib.path=null", "alerts=0"), probe(data, tmp), "the store opens all the same");
  }

  @Test
  void aCopyForAnotherPlatformBesideThisOneLeavesTheChoiceToTheDriversDetection() throws Exception {
    Path data = dir.resolve("data");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path library = copiedByAFirstStart(data, tmp);
    Path other = foreignCopyBeside(library, "Linux-Other-arch");

    assertEquals(List.of("lib.path=" + library.getParent(), "alerts=0"), probe(data, tmp),
        "with two copies of this version, the one for this platform is chosen, not " + other);
  }

  @Test
  void aDataFolderMovedFromAnotherPlatformStillOpens() throws Exception {
    Path data = dir.resolve("data");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path library = copiedByAFirstStart(data, tmp);
    Path foreign = foreignCopyBeside(library, "Linux-Other-arch");
    Files.delete(library);
    Files.delete(library.getParent());

    // The only copy is the other platform's: the driver is pointed at it, cannot load it, and finds its own.
    assertEquals(List.of("lib.path=" + foreign.getParent(), "alerts=0"), probe(data, tmp));
  }

  /** Starts once on {@code data} and returns the library that start copied there. */
  private static Path copiedByAFirstStart(Path data, Path tmp) throws Exception {
    probe(data, tmp);
    return onlyLibraryUnder(data.resolve(SqliteNativeLibrary.FOLDER));
  }

  /** A copy of this driver version made on another platform (not a loadable library here). */
  private static Path foreignCopyBeside(Path library, String platform) throws IOException {
    String thisFolder = library.getParent().getFileName().toString();
    String version = thisFolder.substring(0, thisFolder.indexOf('-'));
    Path folder = library.getParent().resolveSibling(version + "-org-sqlite-native-" + platform + "-" + library.getFileName());
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(library.getFileName()), "not an ELF file for this machine");
  }

  private static Path onlyLibraryUnder(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> libraries = files.filter(Files::isRegularFile).toList();
      assertEquals(1, libraries.size(), libraries.toString());
      assertTrue(libraries.get(0).getFileName().toString().contains("sqlitejdbc"), libraries.toString());
      return libraries.get(0);
    }
  }

  /** Runs {@link SqliteNativeLibraryProbe} in a JVM of its own, with {@code tmp} as its temporary folder. */
  private static List<String> probe(Path data, Path tmp) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + tmp, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        SqliteNativeLibraryProbe.class.getName(), data.toString()));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe ended");
    assertEquals(0, process.exitValue(), out);
    return out.lines().toList();
  }
}
