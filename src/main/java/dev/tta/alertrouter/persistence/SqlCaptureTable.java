package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.capture.CaptureCodec;
import dev.tta.alertrouter.capture.CaptureRecord;
import dev.tta.alertrouter.capture.CaptureStorage;
import dev.tta.alertrouter.config.CaptureSettings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The capture in the shared PostgreSQL store (table {@code capture}, migration V6): every replica's
 * {@link dev.tta.alertrouter.capture.CaptureWriter} inserts its batches here, so any replica, or
 * {@code capture export --store}, reads all of them in time order. Each batch is one transaction that
 * first takes an advisory lock, so replicas apply the bounds one at a time and the table is within
 * {@code max_size} and {@code max_age} after every commit; oldest records (by receive time) go first.
 */
public final class SqlCaptureTable implements CaptureStorage {
  /** Serializes capture writes across replicas; any constant no other lock in the database uses. */
  private static final long WRITE_LOCK = 0x6361_7074_7572_65L;
  private static final int READ_FETCH_SIZE = 500;

  private final Connector connector;
  private final String replica;
  private final Supplier<CaptureSettings> settings;
  private final Clock clock;
  /** Appended since the last flush; only the writer thread touches it and {@link #connection}. */
  private final List<CaptureRecord> pending = new ArrayList<>();
  /** The capture writer's thread alone appends and flushes. */
  private final CaptureCodec.Encoder encoder = new CaptureCodec.Encoder();
  private Connection connection;
  private volatile long sizeBytes;

  SqlCaptureTable(Connector connector, String replica, Supplier<CaptureSettings> settings, Clock clock) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.replica = Objects.requireNonNull(replica, "replica");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The capture table of the database at {@code url}, for reading only (what {@code capture export
   * --store} reads): nothing is migrated, written or deleted.
   */
  public static CaptureStorage forReading(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the shared store must be a jdbc:postgresql: URL");
    }
    return new SqlCaptureTable(Connector.postgresql(url), "reader", CaptureSettings::defaults, Clock.systemUTC());
  }

  @Override
  public void append(CaptureRecord record) {
    pending.add(record);
  }

  /** Inserts what was appended and applies the bounds, in one transaction; a failed batch is dropped. */
  @Override
  public void flush() throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    List<CaptureRecord> batch = List.copyOf(pending);
    pending.clear();
    inTransaction(c -> {
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO capture (received_at, replica, record, bytes) VALUES (?, ?, ?, ?)")) {
        for (CaptureRecord r : batch) {
          encoder.encode(r);
          insert.setObject(1, timestamp(r.receivedAt()));
          insert.setString(2, replica);
          insert.setString(3, encoder.text());
          insert.setInt(4, encoder.size()); // with its line break, as exported
          insert.addBatch();
        }
        insert.executeBatch();
      }
      enforceBounds(c);
    });
  }

  @Override
  public void prune() throws IOException {
    inTransaction(this::enforceBounds);
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  @Override
  public void read(Instant since, Consumer<CaptureRecord> each) throws IOException {
    try (Connection c = connector.connect()) {
      c.setAutoCommit(false); // the driver streams by fetch size only inside a transaction
      try (PreparedStatement select = c.prepareStatement(
          "SELECT record FROM capture WHERE received_at >= ? ORDER BY received_at, id")) {
        select.setFetchSize(READ_FETCH_SIZE);
        select.setObject(1, timestamp(since));
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            CaptureCodec.parse(rows.getString(1))
                .filter(r -> !r.receivedAt().isBefore(since))
                .ifPresent(each);
          }
        }
      }
      c.rollback();
    } catch (SQLException e) {
      throw new IOException("reading the capture from " + connector + ": " + e.getMessage(), e);
    }
  }

  /**
   * Drops records older than {@code max_age}, then, when the table holds more than {@code max_size},
   * the oldest records down to seven eighths of it (so the costlier trim runs once per eighth of the
   * bound, as segment files rotate, not at every batch).
   */
  private void enforceBounds(Connection c) throws SQLException {
    CaptureSettings s = settings.get();
    try (PreparedStatement old = c.prepareStatement("DELETE FROM capture WHERE received_at < ?")) {
      old.setObject(1, timestamp(clock.instant().minus(s.maxAge())));
      old.executeUpdate();
    }
    long total = total(c);
    if (total > s.maxBytes()) {
      long excess = total - (s.maxBytes() - s.maxBytes() / 8);
      // The shortest run of oldest records whose bytes reach the excess.
      try (PreparedStatement trim = c.prepareStatement("""
          DELETE FROM capture WHERE id IN (
            SELECT id FROM (
              SELECT id, bytes, SUM(bytes) OVER (ORDER BY received_at, id) AS up_to FROM capture
            ) running WHERE up_to - bytes < ?)""")) {
        trim.setLong(1, excess);
        trim.executeUpdate();
      }
      total = total(c);
    }
    sizeBytes = total;
  }

  private static long total(Connection c) throws SQLException {
    try (PreparedStatement sum = c.prepareStatement("SELECT COALESCE(SUM(bytes), 0) FROM capture");
         ResultSet row = sum.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(Work work) throws IOException {
    try {
      Connection c = connection();
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, WRITE_LOCK);
          lock.execute();
        }
        work.run(c);
        c.commit();
      } catch (SQLException e) {
        // The next batch starts on a fresh connection: this one may be broken.
        closeConnection();
        throw e;
      }
    } catch (SQLException e) {
      throw new IOException("writing the capture to " + connector + ": " + e.getMessage(), e);
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      Connection c = connector.connect();
      c.setAutoCommit(false);
      try (PreparedStatement timeout = c.prepareStatement("SET idle_in_transaction_session_timeout = '30s'")) {
        timeout.execute();
      }
      c.commit();
      connection = c;
    }
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already broken
      }
      connection = null;
    }
  }

  private static OffsetDateTime timestamp(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** Writes what is pending, then closes the connection. */
  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      closeConnection();
    }
  }

  @Override
  public String toString() {
    return "the capture table in " + connector;
  }
}
