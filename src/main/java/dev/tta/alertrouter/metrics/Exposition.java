package dev.tta.alertrouter.metrics;

import java.util.Objects;

/** One scrape's answer: the body in the negotiated format and its content type. */
public record Exposition(String contentType, byte[] body) {
  public Exposition {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
