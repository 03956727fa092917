package dev.tta.alertrouter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON answers with our own mapper, independent of Javalin's JSON plugin. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static void reply(Context ctx, int status, Object body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
    ctx.status(status).contentType("application/json").result(bytes);
  }

  /** {@code body}, already JSON. */
  static void replyWritten(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType("application/json").result(body);
  }

  static void error(Context ctx, int status, String message) {
    reply(ctx, status, new Replies.Error(message));
  }
}
