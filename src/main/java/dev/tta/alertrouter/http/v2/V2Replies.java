package dev.tta.alertrouter.http.v2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * The v2 API's JSON answers. Errors come in Alertmanager's two forms: its handlers' JSON string ({@code "bad matcher format: x"}),
 * and the {@code {"code":602,"message":"…"}} object its OpenAPI layer (go-openapi) writes when a
 * request does not fit the spec (missing field, not a UUID, body not JSON).
 */
final class V2Replies {
  /** go-openapi's codes: a required value missing, a value of the wrong type or format, too few items. */
  static final int REQUIRED = 602;
  static final int INVALID_TYPE = 601;
  static final int TOO_FEW_ITEMS = 612;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private V2Replies() {}

  /** A JSON string body, as Alertmanager's handlers answer errors. */
  static void message(Context ctx, int status, String message) {
    write(ctx, status, message);
  }

  /** go-openapi's validation answer: 422 (or 400 for an unparsable body) with code and message. */
  static void validation(Context ctx, int status, int code, String message) {
    write(ctx, status, new CodedError(code, message));
  }

  record CodedError(int code, String message) {}

  /** Any JSON answer, success or not. */
  static void json(Context ctx, int status, Object body) {
    write(ctx, status, body);
  }

  private static void write(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }
}
