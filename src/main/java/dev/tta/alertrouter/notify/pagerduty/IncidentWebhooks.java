package dev.tta.alertrouter.notify.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.ack.AckOutcome;
import dev.tta.alertrouter.ack.AckRequest;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Takes PagerDuty's v3 webhooks about incidents alert-router opened and mirrors them on the group:
 * {@code incident.acknowledged} and {@code incident.resolved} acknowledge it ({@code via=pagerduty},
 * by the acting user's name) — a resolve in PagerDuty does not resolve the alerts, which resolve at
 * their source — and {@code incident.unacknowledged} ends its acknowledgement. The incident is found
 * by {@code event.data.incident_key}, which is the dedup key alert-router sent (the SHA-256 of the
 * group key). Every request must carry {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw
 * body>} under one of the configured secrets (several signatures, comma-separated, during a secret
 * rotation); anything else changes nothing.
 */
public final class IncidentWebhooks {
  private static final String HMAC = "HmacSHA256";
  private static final String PREFIX = "v1=";

  private final Supplier<List<Secret>> secrets;
  private final Function<String, Optional<String>> groupByIncidentKey;
  private final Acknowledgements acks;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param secrets the signing secrets in force (read per request, so a reload applies at once)
   * @param groupByIncidentKey the key of the group held now whose dedup key is the given one
   */
  public IncidentWebhooks(
      Supplier<List<Secret>> secrets, Function<String, Optional<String>> groupByIncidentKey, Acknowledgements acks) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.groupByIncidentKey = Objects.requireNonNull(groupByIncidentKey, "groupByIncidentKey");
    this.acks = Objects.requireNonNull(acks, "acks");
  }

  /** What came of one webhook. */
  public sealed interface Outcome {
    /** Not signed by a configured secret (401): nothing changed. */
    record Unsigned(String reason) implements Outcome {}

    /** Signed, but not a v3 webhook as documented (400); {@code problems} name the fields. */
    record Malformed(List<String> problems) implements Outcome {}

    /** Signed and understood; {@code result} says what it did or why it did nothing (200). */
    record Done(String result) implements Outcome {}
  }

  public Outcome receive(byte[] body, String signatureHeader) {
    Objects.requireNonNull(body, "body");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return new Outcome.Unsigned("missing X-PagerDuty-Signature header");
    }
    List<Secret> keys = secrets.get();
    if (keys.isEmpty()) {
      return new Outcome.Unsigned("no PagerDuty webhook_signing_secret is configured, so no webhook can be trusted");
    }
    if (!signedByAny(body, signatureHeader, keys)) {
      return new Outcome.Unsigned("X-PagerDuty-Signature does not match the body under any configured secret");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      String why = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
      return new Outcome.Malformed(List.of("body: not valid JSON: " + why));
    }
    JsonNode event = root == null ? null : root.get("event");
    if (event == null || !event.isObject()) {
      return new Outcome.Malformed(List.of("event: missing; a v3 webhook carries one event object"));
    }
    String type = event.path("event_type").asText("");
    if (type.isEmpty()) {
      return new Outcome.Malformed(List.of("event.event_type: missing"));
    }
    if (!type.equals("incident.acknowledged") && !type.equals("incident.resolved")
        && !type.equals("incident.unacknowledged")) {
      return new Outcome.Done("ignored " + type + ": only incident.acknowledged, incident.resolved and"
          + " incident.unacknowledged change an acknowledgement");
    }
    String incidentKey = event.path("data").path("incident_key").asText("");
    if (incidentKey.isEmpty()) {
      return new Outcome.Malformed(List.of("event.data.incident_key: missing in an " + type + " event"));
    }
    Optional<String> groupKey = groupByIncidentKey.apply(incidentKey.toLowerCase(Locale.ROOT));
    if (groupKey.isEmpty()) {
      // 2xx all the same: PagerDuty would retry anything else, and the incident is not one of ours (or its group is gone).
      return new Outcome.Done("ignored " + type + ": no group held now has incident key " + incidentKey);
    }
    return apply(type, groupKey.get(), agent(event), event.path("data"));
  }

  private Outcome apply(String type, String groupKey, String by, JsonNode incident) {
    boolean acked = acks.current(groupKey).isPresent();
    if (type.equals("incident.unacknowledged")) {
      if (!acked) {
        return new Outcome.Done("group " + groupKey + " was not acknowledged");
      }
      acks.unack(groupKey, by + " in PagerDuty");
      return new Outcome.Done("unacknowledged group " + groupKey);
    }
    if (acked) {
      // Most often the echo of an acknowledgement given here and sent on to PagerDuty.
      return new Outcome.Done("group " + groupKey + " was already acknowledged");
    }
    String number = incident.path("number").isNumber() ? " #" + incident.path("number").asText() : "";
    String comment = (type.equals("incident.resolved") ? "resolved" : "acknowledged") + " in PagerDuty (incident"
        + number + ")";
    AckOutcome outcome = acks.ack(groupKey, new AckRequest(by, comment, null, Ack.VIA_PAGERDUTY));
    if (outcome instanceof AckOutcome.Acked a) {
      return new Outcome.Done(a.ack().describe());
    }
    return new Outcome.Done("group " + groupKey + " not acknowledged: " + outcome);
  }

  /** Who acted: the agent's name ({@code summary}), else its id, else PagerDuty itself (an automatic resolve). */
  private static String agent(JsonNode event) {
    JsonNode agent = event.path("agent");
    String name = agent.path("summary").asText("").strip();
    if (name.isEmpty()) {
      name = agent.path("id").asText("").strip();
    }
    return name.isEmpty() ? "PagerDuty" : name;
  }

  private static boolean signedByAny(byte[] body, String header, List<Secret> keys) {
    List<byte[]> given = new ArrayList<>();
    for (String part : header.split(",")) {
      String s = part.strip();
      if (s.startsWith(PREFIX)) {
        given.add(s.substring(PREFIX.length()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
      }
    }
    boolean match = false;
    for (Secret key : keys) {
      byte[] expected = HexFormat.of().formatHex(hmac(key.reveal(), body)).getBytes(StandardCharsets.US_ASCII);
      for (byte[] signature : given) {
        // Every pair is compared, in constant time, so the time taken says nothing of which matched.
        match |= MessageDigest.isEqual(expected, signature);
      }
    }
    return match;
  }

  static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
