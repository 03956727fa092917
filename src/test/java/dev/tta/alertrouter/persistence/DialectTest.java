package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DialectTest {
  /** The quick schema check reads the scripts the dialect names: they must be exactly the folder's. */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void theListedScriptsAreTheMigrationFoldersContent(Dialect dialect) throws Exception {
    String folder = dialect.migrations().replaceFirst("^classpath:", "");
    URL url = Objects.requireNonNull(DialectTest.class.getClassLoader().getResource(folder), folder);
    List<String> inFolder;
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      inFolder = files.map(file -> file.getFileName().toString()).sorted().toList();
    }
    assertEquals(inFolder, dialect.scripts().stream().sorted().toList());
  }

  @Test
  void everyListedScriptIsAVersionedMigration() {
    for (Dialect dialect : Dialect.values()) {
      for (String script : dialect.scripts()) {
        assertEquals(true, script.matches("V\\d+__[a-z0-9_]+\\.sql"), dialect + " " + script);
      }
    }
  }
}
