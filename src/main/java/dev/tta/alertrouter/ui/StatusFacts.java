package dev.tta.alertrouter.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the status page shows about the running server.
 *
 * @param version the build's version
 * @param startedAt when the server started
 * @param configLoadedAt when the configuration in force was loaded
 * @param configSource the file or folder it was loaded from
 * @param runbooksSource the runbooks folder, or a sentence saying there is none
 * @param lastReloadSucceeded whether the latest reload (if any) succeeded
 * @param store where the state lives (never credentials)
 * @param replica this replica's name
 * @param storeFigures named figures of the store (alerts by status, silences, writer counters)
 * @param leases the group leases replicas hold on a shared store (empty on SQLite)
 */
public record StatusFacts(
    String version,
    Instant startedAt,
    Instant configLoadedAt,
    String configSource,
    String runbooksSource,
    boolean lastReloadSucceeded,
    String store,
    String replica,
    Map<String, String> storeFigures,
    List<Lease> leases) {

  public StatusFacts {
    storeFigures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(storeFigures));
    leases = List.copyOf(leases);
  }

  /** One group's lease: which replica flushes it, until when. */
  public record Lease(String groupKey, String owner, Instant expiresAt) {}
}
