package dev.tta.alertrouter.http.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.query.AlertMarks;
import dev.tta.alertrouter.query.ShownAlert;
import dev.tta.alertrouter.query.ShownGroup;
import java.util.List;
import java.util.Map;

/** Alertmanager's {@code gettableAlert}, {@code alertStatus}, {@code receiver} and {@code alertGroup}. */
@JsonPropertyOrder({"annotations", "endsAt", "fingerprint", "receivers", "startsAt", "status", "updatedAt",
    "generatorURL", "labels"})
record V2AlertJson(
    Map<String, String> annotations,
    String endsAt,
    String fingerprint,
    List<Receiver> receivers,
    String startsAt,
    Status status,
    String updatedAt,
    @JsonProperty("generatorURL") @JsonInclude(JsonInclude.Include.NON_EMPTY) String generatorUrl,
    Map<String, String> labels) {

  static V2AlertJson of(ShownAlert shown) {
    Alert a = shown.alert();
    AlertMarks marks = shown.marks();
    return new V2AlertJson(
        a.annotations(),
        V2Times.format(a.endsAt()),
        a.fingerprint().toString(),
        marks.receivers().stream().map(Receiver::new).toList(),
        V2Times.format(a.startsAt()),
        new Status(marks.inhibitedBy(), marks.silencedBy(), marks.state().wireName()),
        V2Times.format(a.updatedAt()),
        a.generatorUrl(),
        a.labels().asMap());
  }

  /** {@code alertStatus}. */
  @JsonPropertyOrder({"inhibitedBy", "silencedBy", "state"})
  record Status(List<String> inhibitedBy, List<String> silencedBy, String state) {}

  /** {@code receiver}. */
  record Receiver(String name) {}

  /** {@code alertGroup}. */
  @JsonPropertyOrder({"alerts", "labels", "receiver"})
  record Group(List<V2AlertJson> alerts, Map<String, String> labels, Receiver receiver) {
    static Group of(ShownGroup g) {
      return new Group(g.alerts().stream().map(V2AlertJson::of).toList(), g.labels().asMap(), new Receiver(g.receiver()));
    }
  }
}
