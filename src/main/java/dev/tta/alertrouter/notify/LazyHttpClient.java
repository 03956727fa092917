package dev.tta.alertrouter.notify;

import java.net.http.HttpClient;
import java.util.Objects;

/**
 * A JDK {@link HttpClient} built at its first use. Building one starts a selector thread, and the
 * first built loads the JDK's trust store: about a tenth of a restart when every integration built
 * its client while the server started (bench/README.md, "Memory and restart"). Settings are checked
 * when the builder is configured, so a bad one still fails the configuration's load, not a send.
 */
public final class LazyHttpClient {
  private final HttpClient.Builder builder;
  private HttpClient client;

  /** @param builder configured and no longer touched by the caller */
  public LazyHttpClient(HttpClient.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  public synchronized HttpClient get() {
    if (client == null) {
      client = builder.build();
    }
    return client;
  }
}
