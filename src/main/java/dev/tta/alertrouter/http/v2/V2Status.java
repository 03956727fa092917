package dev.tta.alertrouter.http.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /api/v2/status} and {@code GET /api/v2/receivers}. */
final class V2Status {
  private final Supplier<V2ConfigView> config;
  private final Supplier<V2StatusFacts> facts;

  V2Status(Supplier<V2ConfigView> config, Supplier<V2StatusFacts> facts) {
    this.config = config;
    this.facts = facts;
  }

  void status(Context ctx) {
    V2ConfigView view = config.get();
    V2StatusFacts facts = this.facts.get();
    List<V2StatusFacts.Peer> peers = facts.peers().stream().sorted(Comparator.comparing(V2StatusFacts.Peer::name)).toList();
    V2Replies.json(ctx, 200, new StatusJson(
        new Cluster(facts.clusterName(), peers, "ready"),
        new Config(view.maskedYaml()),
        V2Times.format(facts.startedAt()),
        facts.version()));
  }

  void receivers(Context ctx) {
    V2Replies.json(ctx, 200, config.get().receiverNames().stream().map(V2AlertJson.Receiver::new).toList());
  }

  /** {@code alertmanagerStatus}. */
  @JsonPropertyOrder({"cluster", "config", "uptime", "versionInfo"})
  record StatusJson(Cluster cluster, Config config, String uptime, V2StatusFacts.VersionInfo versionInfo) {}

  /** {@code clusterStatus}. */
  @JsonPropertyOrder({"name", "peers", "status"})
  record Cluster(@JsonInclude(JsonInclude.Include.NON_EMPTY) String name, List<V2StatusFacts.Peer> peers, String status) {}

  /** {@code alertmanagerConfig}. */
  record Config(String original) {}
}
