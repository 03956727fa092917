package dev.tta.alertrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.startup.Lazy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the person who clicked a Slack button what came of it, through the interaction's {@code
 * response_url}: an ephemeral message only they see, so the channel's message stays as it is. Sent
 * in the background, because Slack wants the interaction answered within 3 seconds.
 */
class SlackResponder {
  private static final Logger LOG = LoggerFactory.getLogger(SlackResponder.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Lazy<HttpClient> client = Lazy.of(HttpClient.newBuilder().connectTimeout(TIMEOUT)::build);

  /** Posts {@code text} to {@code responseUrl}, an http(s) URL from a verified payload; failures are logged. */
  void tell(String responseUrl, String text) {
    URI uri;
    try {
      uri = URI.create(responseUrl);
    } catch (IllegalArgumentException e) {
      LOG.warn("a Slack interaction's response_url is not a URL; not telling the user: {}", text);
      return;
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      LOG.warn("a Slack interaction's response_url is not http(s); not telling the user: {}", text);
      return;
    }
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    client.get().sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      if (failure != null) {
        LOG.warn("telling a Slack user through response_url failed: {}", failure.toString());
      } else if (response.statusCode() / 100 != 2) {
        LOG.warn("Slack's response_url answered HTTP {}", response.statusCode());
      }
    });
  }
}
