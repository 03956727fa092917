package dev.tta.alertrouter.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's name among those sharing a PostgreSQL database, owned while the replica lives: a
 * session-level advisory lock on a hash of the name, held on a connection of its own. Two live
 * replicas with one name would renew each other's group leases and each drop the resolves the
 * other holds; the second to start is refused instead.
 *
 * <p>The database ends the lock with the session: at once when the process dies (its kernel closes
 * the socket), and within about {@value #KEEPALIVE_SECONDS_TOTAL} seconds of keepalives when the
 * host vanishes with the connection open. No clock is involved, unlike a heartbeat row.
 *
 * <p>{@link #check} (run every peer-sync period) notices a lost connection: the replica no longer
 * owns its name, so it must stop flushing ({@link #owned} turns false) until it takes the name
 * again on a new connection; if another replica took it meanwhile, it stays stopped.
 */
final class ReplicaName implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaName.class);
  /** How long a replica waits for a query on the lock connection before it counts the connection lost. */
  private static final int CHECK_TIMEOUT_SECONDS = 2;
  private static final int KEEPALIVE_SECONDS_TOTAL = 10 + 3 * 5;

  private final Connector connector;
  private final String name;
  private final long key;
  private final Object lock = new Object();
  private Connection connection;
  private volatile boolean owned;

  private ReplicaName(Connector connector, String name, Connection connection) {
    this.connector = connector;
    this.name = name;
    this.key = keyOf(name);
    this.connection = connection;
    this.owned = true;
  }

  /**
   * Takes {@code name} for this process.
   *
   * @throws ReplicaNameTakenException when a live replica holds it
   * @throws SQLException when the database cannot be reached
   */
  static ReplicaName take(Connector connector, String name) throws SQLException {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(name, "name");
    Connection connection = connector.connect();
    try {
      if (!tryLock(connection, keyOf(name), name)) {
        String holder = describeHolder(connection, name).map(h -> " (" + h + ")").orElse("");
        throw new ReplicaNameTakenException("another live alert-router replica holds the name \"" + name
            + "\" in the shared store " + connector + holder + ". Each replica needs a name of its own:"
            + " start this one with --replica NAME (the default is $HOSTNAME; in Kubernetes pass the pod"
            + " name through the downward API), or stop the other one first.");
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new ReplicaName(connector, name, connection);
  }

  private static boolean tryLock(Connection connection, long key, String name) throws SQLException {
    connection.setAutoCommit(true);
    try (Statement settings = connection.createStatement()) {
      // A host that vanishes without closing its socket must not keep the name for the kernel's
      // default two hours of keepalive silence.
      settings.execute("SET tcp_keepalives_idle = 10");
      settings.execute("SET tcp_keepalives_interval = 5");
      settings.execute("SET tcp_keepalives_count = 3");
    }
    try (PreparedStatement application = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
      // So that pg_stat_activity (and the refusal message) names what holds the lock.
      application.setString(1, applicationName(name));
      application.execute();
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  /** Where the holder of the name connects from and since when, if this user may see it. */
  private static Optional<String> describeHolder(Connection connection, String name) {
    String sql = "SELECT client_addr, backend_start FROM pg_stat_activity"
        + " WHERE application_name = ? AND pid <> pg_backend_pid() ORDER BY backend_start LIMIT 1";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, applicationName(name));
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        String from = row.getString(1);
        return Optional.of("connected from " + (from == null ? "a local socket" : from) + " since " + row.getString(2));
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static String applicationName(String name) {
    return "alert-router replica " + name;
  }

  /** The lock's key: 64 bits of a SHA-256 of the name (the key space {@link PeerSync#WRITE_LOCK} is in too). */
  static long keyOf(String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("alert-router replica name " + name).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether this replica owns its name now: only then may it flush groups under it. */
  boolean owned() {
    return owned;
  }

  String name() {
    return name;
  }

  /**
   * Makes sure the lock connection is alive; when it is not, gives the name up (flushing stops)
   * and tries to take it again on a new connection.
   */
  void check() {
    synchronized (lock) {
      if (connection != null && isAlive(connection)) {
        return;
      }
      if (owned) {
        owned = false;
        LOG.error("lost the connection that holds the replica name \"{}\": this replica stops flushing groups"
            + " until it holds the name again", name);
      }
      closeConnection();
      retake();
    }
  }

  private void retake() {
    Connection fresh;
    try {
      fresh = connector.connect();
    } catch (SQLException e) {
      LOG.debug("cannot reconnect to take the replica name {} again: {}", name, e.toString());
      return;
    }
    try {
      if (tryLock(fresh, key, name)) {
        connection = fresh;
        owned = true;
        LOG.warn("holds the replica name \"{}\" again: flushing resumes", name);
        return;
      }
      LOG.error("another alert-router replica took the name \"{}\" while this one was cut off: this one"
          + " keeps refusing to flush; stop one of them and give each its own --replica", name);
    } catch (SQLException e) {
      LOG.debug("taking the replica name {} again failed: {}", name, e.toString());
    }
    closeQuietly(fresh);
  }

  private static boolean isAlive(Connection connection) {
    try {
      return connection.isValid(CHECK_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private void closeConnection() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing the replica-name connection failed", e);
    }
  }

  /** Gives the name up: closing the session releases the lock. */
  @Override
  public void close() {
    synchronized (lock) {
      owned = false;
      closeConnection();
    }
  }

  @Override
  public String toString() {
    return "replica name " + name;
  }
}
