package dev.tta.alertrouter.http;

import dev.tta.alertrouter.capture.CaptureWriter;
import dev.tta.alertrouter.capture.Since;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/** {@code GET /api/v1/capture?since=…}: the captured intake payloads as NDJSON, oldest first. */
final class CaptureEndpoint {
  static final String PATH = "/api/v1/capture";

  private final CaptureWriter writer;
  private final Clock clock;

  CaptureEndpoint(CaptureWriter writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  void handle(Context ctx) throws IOException, InterruptedException {
    Instant since;
    try {
      since = Since.parse(ctx.queryParam("since"), clock.instant());
    } catch (IllegalArgumentException e) {
      Json.error(ctx, 400, e.getMessage());
      return;
    }
    writer.flush();
    ctx.contentType("application/x-ndjson");
    writer.storage().export(since, ctx.outputStream());
  }
}
