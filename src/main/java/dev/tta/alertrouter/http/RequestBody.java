package dev.tta.alertrouter.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/** The body of an intake request: JSON only, and no longer than the configured limit. */
final class RequestBody {
  private RequestBody() {}

  /**
   * Null when the {@code Content-Type} is {@code application/json} (UTF-8, the only charset JSON
   * allows, may be named); otherwise what is wrong with it.
   */
  static String contentTypeProblem(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "Content-Type is missing; expected application/json";
    }
    String[] parts = contentType.split(";");
    String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      return "unsupported Content-Type \"" + shorten(contentType) + "\"; expected application/json";
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip().toLowerCase(Locale.ROOT);
      if (param.startsWith("charset=")) {
        String charset = param.substring("charset=".length()).replace("\"", "");
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          return "unsupported charset \"" + shorten(charset) + "\"; JSON must be UTF-8";
        }
      }
    }
    return null;
  }

  /** Reads at most {@code limit} bytes; throws {@link TooLarge} without reading further past it. */
  static byte[] read(Context ctx, long limit) throws IOException, TooLarge {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw new TooLarge(limit);
    }
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16L);
    try (InputStream in = ctx.bodyInputStream()) {
      if (declared >= 0 && declared <= cap) {
        return readDeclared(in, (int) declared);
      }
      byte[] body = in.readNBytes(cap + 1);
      if (body.length > cap) {
        throw new TooLarge(limit);
      }
      return body;
    }
  }

  /**
   * A body whose length the client declared (every Prometheus and Alertmanager push) is read into
   * one array of that size: reading up to the limit instead gathered it in chunks and copied it
   * again, a measured cost at 100 alerts per request (bench/README.md). Jetty ends the stream at
   * the declared length, so a shorter body is one the client cut off.
   */
  private static byte[] readDeclared(InputStream in, int declared) throws IOException {
    byte[] body = new byte[declared];
    int read = in.readNBytes(body, 0, declared);
    return read == declared ? body : Arrays.copyOf(body, read);
  }

  private static String shorten(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }

  /** The body is over the limit. */
  static final class TooLarge extends Exception {
    private final long limit;

    TooLarge(long limit) {
      super("request body exceeds the limit of " + limit + " bytes", null, false, false);
      this.limit = limit;
    }

    long limit() {
      return limit;
    }
  }
}
