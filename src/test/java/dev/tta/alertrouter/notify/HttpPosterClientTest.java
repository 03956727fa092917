package dev.tta.alertrouter.notify;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.config.HttpClientConfig;
import dev.tta.alertrouter.startup.Lazy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An HTTP client is built at its first use, once: building integrations starts no client threads. */
class HttpPosterClientTest {
  /** The JDK names each client's selector thread after the client's number, which only grows. */
  private static final Pattern SELECTOR = Pattern.compile("HttpClient-(\\d+)-SelectorManager");

  @Test
  void theClientIsBuiltAtItsFirstUseOnly() {
    int before = newestClient();
    Lazy<HttpClient> lazy = Lazy.of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))::build);
    assertTrue(newestClient() <= before, "no client was built with the integration");

    HttpClient client = lazy.get();
    assertTrue(newestClient() > before, "the first use built one");
    assertSame(client, lazy.get(), "and later uses share it");
  }

  @Test
  void anIntegrationsPosterBuildsNoClientUntilItSends() {
    int before = newestClient();
    for (int i = 0; i < 5; i++) {
      new HttpPoster(HttpClientConfig.defaults());
    }
    assertTrue(newestClient() <= before, "five posters, no client built");
  }

  private static int newestClient() {
    OptionalInt newest = Thread.getAllStackTraces().keySet().stream()
        .map(t -> SELECTOR.matcher(t.getName()))
        .filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1)))
        .max();
    return newest.orElse(-1);
  }
}
