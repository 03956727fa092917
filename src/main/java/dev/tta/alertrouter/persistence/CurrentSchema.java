package dev.tta.alertrouter.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a database's schema already is what this build's migrations make it, told by one query
 * of Flyway's history table: every migration script applied, successfully, with the checksum Flyway
 * computes for the script as shipped, and nothing else applied. Then a start skips Flyway, whose
 * set-up, scan of the jar and validation took about half a second of a restart (bench/README.md,
 * "Memory and restart"). In any other case, or when anything here fails, Flyway runs as before and
 * migrates, or refuses a changed script, itself.
 */
final class CurrentSchema {
  private static final Logger LOG = LoggerFactory.getLogger(CurrentSchema.class);
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
  private static final String APPLIED =
      "SELECT version, checksum FROM flyway_schema_history WHERE success = ? AND version IS NOT NULL";

  private CurrentSchema() {}

  static boolean matches(Connection connection, Dialect dialect) {
    try {
      Map<String, Integer> shipped = shipped(dialect);
      Map<String, Integer> applied = applied(connection);
      boolean current = !shipped.isEmpty() && shipped.equals(applied);
      if (!current) {
        LOG.debug("the schema differs from {}: applied {}, shipped {}", dialect.migrations(), applied.keySet(),
            shipped.keySet());
      }
      return current;
    } catch (SQLException | IOException | UncheckedIOException e) {
      // A new database has no history table yet: Flyway creates it.
      LOG.debug("no quick schema check ({}): Flyway checks it", e.toString());
      return false;
    }
  }

  /** The versions of {@code dialect}'s migration scripts and Flyway's checksum of each. */
  static Map<String, Integer> shipped(Dialect dialect) throws IOException {
    String folder = dialect.migrations().replaceFirst("^classpath:", "");
    Map<String, Integer> versions = new HashMap<>();
    for (String name : dialect.scripts()) {
      Matcher versioned = VERSIONED.matcher(name);
      if (versioned.matches()) {
        versions.put(versioned.group(1).replace('_', '.'), checksum(folder + "/" + name));
      }
    }
    return versions;
  }

  private static Map<String, Integer> applied(Connection connection) throws SQLException {
    Map<String, Integer> versions = new HashMap<>();
    try (var statement = connection.prepareStatement(APPLIED)) {
      statement.setBoolean(1, true);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Integer checksum = rows.getObject(2) == null ? null : rows.getInt(2);
          versions.put(rows.getString(1), checksum);
        }
      }
    }
    return versions;
  }

  /** Flyway's checksum of a script: CRC-32 of its lines' UTF-8 bytes, without line ends or a leading BOM. */
  static int checksum(String resource) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = Objects.requireNonNull(CurrentSchema.class.getClassLoader().getResourceAsStream(resource), resource);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = lines.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      for (; line != null; line = lines.readLine()) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return (int) crc.getValue();
  }
}
