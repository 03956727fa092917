package dev.tta.alertrouter.http.v2;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /api/v2/status} tells besides the configuration: this replica and its peers,
 * when it started, and what was built.
 *
 * @param clusterName this replica's name
 * @param peers the replicas serving together (this one included), each ready
 * @param startedAt Alertmanager's {@code uptime}: the moment the server started
 * @param version the build, as {@code versionInfo}
 */
public record V2StatusFacts(String clusterName, List<Peer> peers, Instant startedAt, VersionInfo version) {
  public V2StatusFacts {
    Objects.requireNonNull(clusterName, "clusterName");
    peers = List.copyOf(peers);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(version, "version");
  }

  /** Alertmanager's {@code peerStatus}. */
  public record Peer(String name, String address) {}

  /** Alertmanager's {@code versionInfo}, filled honestly: no Go here. */
  public record VersionInfo(
      String version, String revision, String branch, String buildUser, String buildDate, String goVersion) {}
}
