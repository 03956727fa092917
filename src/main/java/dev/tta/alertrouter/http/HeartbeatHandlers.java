package dev.tta.alertrouter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tta.alertrouter.heartbeat.HeartbeatMonitor;
import dev.tta.alertrouter.heartbeat.HeartbeatStatus;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/heartbeats} (viewer): every configured heartbeat and where it stands;
 * {@code POST /api/v1/heartbeats/{name}} (intake): a sign of life for one, for senders that cannot
 * keep an alert firing (a cron job, a batch pipeline). The body, if any, is ignored.
 */
public final class HeartbeatHandlers {
  static final String LIST = "/api/v1/heartbeats";
  static final String BEAT = LIST + "/{name}";

  private final HeartbeatMonitor monitor;

  public HeartbeatHandlers(HeartbeatMonitor monitor) {
    this.monitor = Objects.requireNonNull(monitor, "monitor");
  }

  void register(JavalinConfig config) {
    config.routes.get(LIST, this::list);
    config.routes.post(BEAT, this::beat);
  }

  private void list(Context ctx) {
    Json.reply(ctx, 200, new Replies.Data<>(monitor.list().stream().map(HeartbeatJson::of).toList()));
  }

  private void beat(Context ctx) {
    String name = ctx.pathParam("name");
    if (!monitor.beat(name)) {
      Json.reply(ctx, 404, new Replies.Problems(List.of("name: no heartbeat named \"" + shorten(name)
          + "\" is configured (see GET " + LIST + ")")));
      return;
    }
    HeartbeatJson state = monitor.list().stream().filter(h -> h.name().equals(name)).findFirst()
        .map(HeartbeatJson::of).orElseThrow();
    Json.reply(ctx, 200, new Replies.Data<>(state));
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }

  /** A heartbeat on the wire; durations in seconds, instants in RFC 3339, absent ones left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HeartbeatJson(String name, String receiver, long expectEverySeconds, long graceSeconds, String state,
      String lastSeen, String missingSince, String dueBy) {
    static HeartbeatJson of(HeartbeatStatus s) {
      return new HeartbeatJson(s.name(), s.receiver(), s.expectEvery().toSeconds(), s.grace().toSeconds(), s.state(),
          text(s.lastSeen()), text(s.missingSince()), text(s.dueBy()));
    }

    private static String text(Instant instant) {
      return instant == null ? null : instant.toString();
    }
  }
}
