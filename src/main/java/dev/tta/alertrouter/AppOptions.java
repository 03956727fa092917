package dev.tta.alertrouter;

import dev.tta.alertrouter.explain.ExplainRecorder;
import dev.tta.alertrouter.explain.LogFormat;
import dev.tta.alertrouter.notify.ConcurrencyLimits;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code serve} was asked to do.
 *
 * @param config a YAML file or a folder of them
 * @param runbooks the runbooks folder, if any
 * @param host the address to listen on
 * @param port the port (0 picks a free one)
 * @param data where state lives
 * @param dryRun render and log every notification instead of sending it
 * @param externalUrl how people reach this server: the base of links in notifications
 * @param logFormat how decision and notification lines are written
 * @param explainCacheSize how many alerts' decision records explain keeps (least recently used go first)
 * @param sharedStore a {@code jdbc:postgresql:} URL several replicas share; empty for SQLite under {@code data}
 * @param replica this replica's name among those sharing the store (unique among live replicas)
 * @param webConfig {@code --web.config.file}: TLS, response headers and users, in exporter-toolkit's format
 * @param maxInFlightPerReceiver how many notifications of one receiver may be on the wire at once
 */
public record AppOptions(
    Path config, Optional<Path> runbooks, String host, int port, Path data, boolean dryRun, URI externalUrl,
    LogFormat logFormat, long explainCacheSize, Optional<String> sharedStore, String replica, Optional<Path> webConfig,
    int maxInFlightPerReceiver) {
  public AppOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(runbooks, "runbooks");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(externalUrl, "externalUrl");
    Objects.requireNonNull(logFormat, "logFormat");
    if (explainCacheSize < 0) {
      throw new IllegalArgumentException("explain cache size must not be negative: " + explainCacheSize);
    }
    Objects.requireNonNull(sharedStore, "sharedStore");
    Objects.requireNonNull(replica, "replica");
    Objects.requireNonNull(webConfig, "webConfig");
    if (maxInFlightPerReceiver < 1) {
      throw new IllegalArgumentException("notifications in flight per receiver must be at least 1: " + maxInFlightPerReceiver);
    }
  }

  /** With the default bound of notifications in flight per receiver. */
  public AppOptions(
      Path config, Optional<Path> runbooks, String host, int port, Path data, boolean dryRun, URI externalUrl,
      LogFormat logFormat, long explainCacheSize, Optional<String> sharedStore, String replica, Optional<Path> webConfig) {
    this(config, runbooks, host, port, data, dryRun, externalUrl, logFormat, explainCacheSize, sharedStore, replica,
        webConfig, ConcurrencyLimits.DEFAULT_PER_RECEIVER);
  }

  /** Without a web config. */
  public AppOptions(
      Path config, Optional<Path> runbooks, String host, int port, Path data, boolean dryRun, URI externalUrl,
      LogFormat logFormat, long explainCacheSize, Optional<String> sharedStore, String replica) {
    this(config, runbooks, host, port, data, dryRun, externalUrl, logFormat, explainCacheSize, sharedStore, replica,
        Optional.empty());
  }

  /** The same options with {@code --web.config.file}. */
  public AppOptions withWebConfig(Path file) {
    return new AppOptions(config, runbooks, host, port, data, dryRun, externalUrl, logFormat, explainCacheSize,
        sharedStore, replica, Optional.of(file), maxInFlightPerReceiver);
  }

  /** State in SQLite under {@code data}. */
  public AppOptions(
      Path config, Optional<Path> runbooks, String host, int port, Path data, boolean dryRun, URI externalUrl,
      LogFormat logFormat, long explainCacheSize) {
    this(config, runbooks, host, port, data, dryRun, externalUrl, logFormat, explainCacheSize, Optional.empty(), "local");
  }

  /** Text logs and the default explain cache size. */
  public AppOptions(
      Path config, Optional<Path> runbooks, String host, int port, Path data, boolean dryRun, URI externalUrl) {
    this(config, runbooks, host, port, data, dryRun, externalUrl, LogFormat.TEXT, ExplainRecorder.DEFAULT_CAPACITY);
  }
}
