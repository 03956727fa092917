package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tta.alertrouter.dispatch.ManualClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed action links end to end: the server emails a firing group through GreenMail and posts it
 * to a webhook peer, each with an acknowledge link; opening the link changes nothing, the page's
 * form acknowledges ({@code via=email} or {@code via=link}), and a changed or expired link is refused.
 */
class ActionLinkHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXTERNAL = "http://router.example:9095";
  private static final String GROUP = "{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\", service=\"api\"}";
  private static final Pattern LINK = Pattern.compile(Pattern.quote(EXTERNAL) + "(/actions/[A-Za-z0-9_.-]+)");
  private static final String ADMIN_TOKEN = "ops-token-5f2a9c1e7b";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private GreenMail smtp;
  private PeerWebhook webhook;
  private App app;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort());
    smtp.start();
    webhook = new PeerWebhook();
    Path config = Files.writeString(dir.resolve("am.yml"), """
        route:
          receiver: default
          group_by: [alertname, service]
          group_wait: 1h
          routes:
            - matchers: ['severity="critical"']
              receiver: pager
        receivers:
          - name: default
          - name: pager
            email_configs:
              - {to: oncall@tta.dev, from: router@tta.dev, smarthost: '127.0.0.1:%d', require_tls: false}
            webhook_configs: [{url: '%s'}]
        server:
          action_links_ttl: 2h
          auth:
            tokens: [{name: ops, token: %s, role: admin}]
        """.formatted(smtp.getSmtp().getPort(), webhook.url("/pager"), ADMIN_TOKEN));
    AppOptions options = new AppOptions(config, Optional.empty(), "127.0.0.1", 0, dir.resolve("data"), false,
        URI.create(EXTERNAL));
    app = App.start(options, clock, Map.of());
    // Started two hours ago: longer ago than group_wait, so the group flushes at once.
    HttpResponse<String> posted = send("POST", "/api/v2/alerts", "application/json",
        "[{\"labels\":{\"alertname\":\"TTAServiceDown\",\"service\":\"api\",\"severity\":\"critical\"},"
            + "\"startsAt\":\"" + clock.instant().minus(Duration.ofHours(2)) + "\"}]");
    assertEquals(200, posted.statusCode(), posted.body());
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    webhook.close();
    smtp.stop();
  }

  @Test
  void theEmailLinkShowsWhatWillHappenAndOnlyTheFormAcknowledges() throws Exception {
    MimeMessage mail = firstMail();
    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    String path = link(text);
    assertTrue(html.contains(EXTERNAL + path), "the HTML part carries the same link: " + html);

    HttpResponse<String> page = send("GET", path, null, null);

    assertEquals(200, page.statusCode(), "no credentials needed with access control on: the link authorises; " + page.body());
    assertEquals(401, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/groups"))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "while the API needs them");
    assertTrue(page.body().contains("Acknowledge this group?"), page.body());
    assertTrue(page.body().contains("alertname=&quot;TTAServiceDown&quot;"), "labels shown, escaped: " + page.body());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    assertTrue(group().path("ack").isNull(), "opening the link (as a mail scanner does) acknowledges nothing");
    assertFalse(metrics().contains("via=\"email\"} 1.0"), "nothing counted yet");

    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String token = csrf(page.body());
    HttpResponse<String> noToken = send("POST", path, "application/x-www-form-urlencoded", "by=alice", "Cookie", cookie);
    assertEquals(403, noToken.statusCode(), "the form needs its CSRF token");
    assertTrue(group().path("ack").isNull());

    HttpResponse<String> done = send("POST", path, "application/x-www-form-urlencoded",
        "_csrf=" + token + "&by=alice&comment=" + URLEncoder.encode("rolling back", StandardCharsets.UTF_8),
        "Cookie", cookie);

    assertEquals(200, done.statusCode(), done.body());
    assertTrue(done.body().contains("acked by alice at"), done.body());
    JsonNode ack = group().path("ack");
    assertEquals("alice", ack.path("by").asText(), ack.toString());
    assertEquals("rolling back", ack.path("comment").asText());
    assertTrue(metrics().contains("alertrouter_acks_total{priority=\"P0\",team=\"none\",via=\"email\"} 1.0"),
        metrics());
  }

  @Test
  void theWebhookLinkAcknowledgesAsLinkAndAnEmptyNameIsRecordedAsLink() throws Exception {
    JsonNode payload = webhook.await(p -> PeerWebhook.carries(p, "TTAServiceDown"), Duration.ofSeconds(30));
    assertEquals("4", payload.path("version").asText(), "Alertmanager's payload shape is kept");
    assertEquals(GROUP, payload.path("groupKey").asText());
    String path = link(payload.path("actionLinks").path("acknowledge").asText());
    HttpResponse<String> page = send("GET", path, null, null);
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    HttpResponse<String> done = send("POST", path, "application/x-www-form-urlencoded",
        "_csrf=" + csrf(page.body()) + "&by=", "Cookie", cookie);

    assertEquals(200, done.statusCode(), done.body());
    assertEquals("link", group().path("ack").path("by").asText());
    assertTrue(metrics().contains("alertrouter_acks_total{priority=\"P0\",team=\"none\",via=\"link\"} 1.0"));
  }

  @Test
  void aChangedLinkIsRefusedAndChangesNothing() throws Exception {
    String path = link(part(firstMail(), "text/plain"));
    String token = path.substring("/actions/".length());
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.'));
    // Another group's key under the same signature: the signature no longer matches.
    char[] chars = payload.toCharArray();
    chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
    String changed = "/actions/" + new String(chars) + signature;

    HttpResponse<String> page = send("GET", changed, null, null);
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("signature does not match"), page.body());
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> posted = send("POST", changed, "application/x-www-form-urlencoded",
        "_csrf=" + csrf(send("GET", path, null, null, "Cookie", cookie).body()) + "&by=mallory", "Cookie", cookie);

    assertEquals(400, posted.statusCode(), posted.body());
    assertEquals(400, send("GET", "/actions/not-a-token", null, null).statusCode());
    assertTrue(group().path("ack").isNull());
  }

  @Test
  void anExpiredLinkIsRefusedWithAClearPage() throws Exception {
    String path = link(part(firstMail(), "text/plain"));
    HttpResponse<String> page = send("GET", path, null, null);
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String csrf = csrf(page.body());

    clock.advance(Duration.ofHours(2)); // server.action_links_ttl

    HttpResponse<String> expired = send("GET", path, null, null);
    assertEquals(410, expired.statusCode());
    assertTrue(expired.body().contains("This link has expired"), expired.body());
    HttpResponse<String> posted = send("POST", path, "application/x-www-form-urlencoded",
        "_csrf=" + csrf + "&by=alice", "Cookie", cookie);
    assertEquals(410, posted.statusCode(), posted.body());
    // Two hours on, the group may have resolved and gone; the acknowledgements counted say none was taken.
    assertFalse(metrics().contains("via=\"email\"} 1.0"), metrics());
  }

  private MimeMessage firstMail() {
    assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the firing group was emailed");
    return smtp.getReceivedMessages()[0];
  }

  private static String link(String text) {
    Matcher m = LINK.matcher(text);
    assertTrue(m.find(), "an action link in: " + text);
    return m.group(1);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertTrue(m.find(), "a CSRF field in: " + page);
    return m.group(1);
  }

  private static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        try {
          return part(body, type);
        } catch (AssertionError notHere) {
          // look further
        }
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private JsonNode group() throws Exception {
    for (JsonNode g : JSON.readTree(send("GET", "/api/v1/groups", null, null).body())) {
      if (g.path("groupKey").asText().equals(GROUP)) {
        return g;
      }
    }
    throw new AssertionError("no group " + GROUP);
  }

  private String metrics() throws Exception {
    return send("GET", "/metrics", null, null).body();
  }

  private HttpResponse<String> send(String method, String path, String type, String body, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (!path.startsWith("/actions/")) {
      b.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<String> response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertNotNull(response);
    return response;
  }
}
