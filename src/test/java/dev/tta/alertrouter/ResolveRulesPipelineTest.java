package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.mute.SilenceDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * README's resolve table, row by row, through the real pipeline (engine, silences, dedup, webhook
 * deliveries to a loopback peer) on the manual clock. One alert fires at 0:00 and resolves at 20:00;
 * a silence mutes it while it fires (until 20:15, after it resolved but before the resolve's flush
 * at 20:30), only later (10:00 to 30:00: it was notified firing, and its resolve's flush is muted), for
 * all of it, or never.
 */
class ResolveRulesPipelineTest {
  private static final Instant T0 = EngineHarness.T0;
  private static final Labels ALERT = Labels.of("alertname", "JobFailed", "service", "billing");
  /** After the resolve at 20:00, before its flush at 20:30. */
  private static final Instant SILENCE_EXPIRES = T0.plus(Duration.ofMinutes(20)).plusSeconds(15);
  private static final Labels OTHER = Labels.of("alertname", "JobFailed", "service", "payments");

  @TempDir Path dir;
  private PeerWebhook peer;
  private EngineHarness h;

  @BeforeEach
  void peer() throws Exception {
    peer = new PeerWebhook();
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    peer.close();
  }

  private void start(String resolve, boolean sendResolved) throws Exception {
    h = EngineHarness.of(dir, """
        route:
          receiver: team
          group_by: [alertname]
          group_wait: 30s
          group_interval: 1m
          repeat_interval: 4h
          %s
        receivers:
          - name: team
            webhook_configs: [{url: '%s', send_resolved: %s}]
        """.formatted(resolve, peer.url("/team"), sendResolved));
  }

  @ParameterizedTest(name = "{0} | muted firing {1} | muted resolved {2} | send_resolved {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # rule                             | muted firing | muted resolved | send_resolved | sent
      ''                                 | false | false | true  | firing resolved
      ''                                 | false | false | false | firing
      ''                                 | false | true  | true  | firing
      ''                                 | false | true  | false | firing
      ''                                 | true  | false | true  | ''
      ''                                 | true  | false | false | ''
      ''                                 | true  | true  | true  | ''
      ''                                 | true  | true  | false | ''
      'resolve: {send_when_muted: true}' | false | true  | true  | firing resolved
      'resolve: {send_when_muted: true}' | false | true  | false | firing
      'resolve: {send_when_muted: true}' | true  | true  | true  | ''
      'resolve: {send_when_muted: true}' | true  | false | true  | ''
      """)
  void oneAlert(String rule, boolean mutedFiring, boolean mutedResolved, boolean sendResolved, String expected)
      throws Exception {
    start(rule, sendResolved);
    if (mutedFiring) {
      silence(T0, mutedResolved ? T0.plus(Duration.ofMinutes(30)) : SILENCE_EXPIRES);
    } else if (mutedResolved) {
      silence(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(30)));
    }
    h.receive(new Alert(ALERT, Map.of(), T0, null, "", T0));
    h.advance(Duration.ofMinutes(20));
    h.receive(new Alert(ALERT, Map.of(), T0, h.clock.instant(), "", h.clock.instant()));
    h.advance(Duration.ofMinutes(40));

    assertEquals(expected.isEmpty() ? List.of() : List.of(expected.split(" ")), statuses(ALERT));
  }

  /**
   * The group's other alert was notified firing; this one fired while silenced and resolves after the
   * silence expired. Alertmanager (notify) sends its resolve in a second notification of the group;
   * drop sends nothing more.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                          | resolved | firing firing
      'resolve: {after_silence_expired: notify}'  | resolved | firing firing
      'resolve: {after_silence_expired: drop}'    | ''       | firing
      """)
  void aResolveWhoseFiringWasMutedBesideANotifiedAlert(String rule, String expected, String other) throws Exception {
    start(rule, true);
    silence(T0, SILENCE_EXPIRES);
    h.receive(new Alert(OTHER, Map.of(), T0, null, "", T0), new Alert(ALERT, Map.of(), T0, null, "", T0));
    h.advance(Duration.ofMinutes(20));
    h.receive(new Alert(ALERT, Map.of(), T0, h.clock.instant(), "", h.clock.instant()));
    h.advance(Duration.ofMinutes(10));

    assertEquals(List.of(other.split(" ")), statuses(OTHER), "the other alert, in each notification");
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected), statuses(ALERT));
  }

  /** An alert that fired for 20 s after its group was notified of another: its resolve is news to Alertmanager. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                        | resolved
      'resolve: {min_firing_duration: 1m}'      | ''
      'resolve: {min_firing_duration: 15s}'     | resolved
      """)
  void aBlipShorterThanMinFiringDurationSendsNothing(String rule, String expected) throws Exception {
    start(rule, true);
    h.receive(new Alert(OTHER, Map.of(), T0, null, "", T0));
    h.advance(Duration.ofMinutes(2));
    Instant blip = h.clock.instant();
    h.receive(new Alert(ALERT, Map.of(), blip, null, "", blip));
    h.advance(Duration.ofSeconds(20));
    h.receive(new Alert(ALERT, Map.of(), blip, h.clock.instant(), "", h.clock.instant()));
    h.advance(Duration.ofMinutes(10));

    assertEquals(expected.isEmpty() ? List.of() : List.of(expected), statuses(ALERT));
  }

  @Test
  void aResolveTheReceiverHeardFiringIsSentWhateverMinFiringDurationSays() throws Exception {
    start("resolve: {min_firing_duration: 1h, after_silence_expired: drop}", true);
    h.receive(new Alert(ALERT, Map.of(), T0, null, "", T0));
    h.advance(Duration.ofMinutes(2));
    h.receive(new Alert(ALERT, Map.of(), T0, h.clock.instant(), "", h.clock.instant()));
    h.advance(Duration.ofMinutes(2));

    assertEquals(List.of("firing", "resolved"), statuses(ALERT));
  }

  private void silence(Instant from, Instant to) {
    h.silences.set(new SilenceDraft(null, List.of(Matcher.equal("service", "billing")), from, to, "test", "mute"));
  }

  /** The status this alert had in each notification that carried it, in order. */
  private List<String> statuses(Labels labels) {
    return peer.accepted().stream()
        .flatMap(p -> {
          java.util.List<JsonNode> alerts = new java.util.ArrayList<>();
          p.path("alerts").forEach(alerts::add);
          return alerts.stream();
        })
        .filter(a -> a.path("labels").path("service").asText().equals(labels.get("service")))
        .map(a -> a.path("status").asText())
        .toList();
  }
}
