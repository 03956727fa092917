package dev.tta.alertrouter.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps SQLite's native library in the data folder, copied out of the jar once per driver version
 * and platform, and points the driver at that copy. On its own the driver copies its 1.1 MB library
 * into the temporary folder at every start, about 95 ms of a restart, and deletes it only when the
 * JVM exits cleanly, so every SIGKILL left a copy behind.
 *
 * <p>Whatever goes wrong here (no library in the jar for this platform, a read-only or noexec data
 * folder) leaves the driver to its own search, which tries this copy first and then its usual
 * extraction.
 */
final class SqliteNativeLibrary {
  /** The folder under {@code --data}. */
  static final String FOLDER = "sqlite-native";
  /** The driver's own settings: where its library is, and its file name. */
  private static final String PATH_PROPERTY = "org.sqlite.lib.path";
  private static final String NAME_PROPERTY = "org.sqlite.lib.name";
  private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);

  private SqliteNativeLibrary() {}

  /**
   * Points the driver at the copy under {@code dataDir}, making it first when it is missing. Does
   * nothing when the operator set {@code org.sqlite.lib.path}, or an earlier store in this JVM did
   * (the driver loads its library once per JVM).
   */
  static void useCopyUnder(Path dataDir) {
    if (System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    String name = LibraryLoaderUtil.getNativeLibName();
    try {
      Path kept = onlyCopyOfThisVersion(dataDir.resolve(FOLDER), name);
      if (kept != null) {
        pointDriverAt(kept, name);
        return;
      }
      // The driver's platform detection runs `uname -o` and reads /proc: only for the first copy.
      String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
      Path dir = dataDir.resolve(FOLDER).resolve(SQLiteJDBCLoader.getVersion() + resource.replace('/', '-'));
      Path library = dir.resolve(name);
      if (!Files.isRegularFile(library) && !copy(resource, dir, library)) {
        return;
      }
      pointDriverAt(dir, name);
    } catch (IOException | RuntimeException e) {
      LOG.debug("SQLite's native library is not kept under {}: {}", dataDir, e.toString());
    }
  }

  /**
   * The folder of the one copy this driver version made earlier (its name ends in the platform), or
   * null when there is none or there are copies for several platforms (a data folder moved between
   * machines): then the driver's own detection picks. A copy for another platform fails to load,
   * and the driver then finds its library itself.
   */
  private static Path onlyCopyOfThisVersion(Path folder, String name) throws IOException {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    String prefix = SQLiteJDBCLoader.getVersion() + "-";
    try (Stream<Path> copies = Files.list(folder)) {
      List<Path> found = copies
          .filter(dir -> dir.getFileName().toString().startsWith(prefix) && Files.isRegularFile(dir.resolve(name)))
          .limit(2)
          .toList();
      return found.size() == 1 ? found.get(0) : null;
    }
  }

  /** The driver's only way to be told: system properties, read when it loads its library. */
  private static void pointDriverAt(Path dir, String name) {
    System.setProperty(NAME_PROPERTY, name);
    System.setProperty(PATH_PROPERTY, dir.toString());
  }

  /** Copies the library out of the jar, whole or not at all; false when the jar has none for this platform. */
  private static boolean copy(String resource, Path dir, Path library) throws IOException {
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, library.getFileName().toString(), ".part");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      return true;
    }
  }
}
