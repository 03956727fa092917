package dev.tta.alertrouter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tta.alertrouter.intake.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The JSON bodies of the API's answers. */
final class Replies {
  private Replies() {}

  /** {@code {"status":"error","error":"..."}}: one problem not tied to a field. */
  record Error(String status, String error) {
    Error(String error) {
      this("error", error);
    }
  }

  /** One problem of a request, by alert index where it is one alert's. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProblemJson(Integer index, String field, String message) {
    static ProblemJson of(Problem p) {
      return new ProblemJson(p.index(), p.field(), p.message());
    }
  }

  /** An intake answer: how many alerts were stored, and every problem when some were refused. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Intake(String status, int accepted, Integer truncatedAlerts, List<ProblemJson> errors) {
    static Intake success(int accepted, int truncated) {
      return new Intake("success", accepted, truncated > 0 ? truncated : null, null);
    }

    /**
     * {@link #success}'s JSON, as Jackson writes it, without Jackson: every accepted push is answered
     * with it, and a restart's first answer need not wait for a mapper to be built (RepliesTest).
     */
    static byte[] successJson(int accepted, int truncated) {
      String body = "{\"status\":\"success\",\"accepted\":" + accepted
          + (truncated > 0 ? ",\"truncatedAlerts\":" + truncated : "") + "}";
      return body.getBytes(StandardCharsets.US_ASCII);
    }

    static Intake error(int accepted, int truncated, List<Problem> problems) {
      return new Intake("error", accepted, truncated > 0 ? truncated : null,
          problems.stream().map(ProblemJson::of).toList());
    }
  }

  /** A refused query: {@code {"status":"error","errors":[...]}}. */
  record BadQuery(String status, List<ProblemJson> errors) {
    BadQuery(List<ProblemJson> errors) {
      this("error", errors);
    }
  }

  /** {@code {"status":"success","data":...}}, as Alertmanager's and Prometheus' v1 APIs answer. */
  record Data<T>(String status, T data) {
    Data(T data) {
      this("success", data);
    }
  }

  /** A refused request: {@code {"status":"error","errors":["field: problem", ...]}}. */
  record Problems(String status, List<String> errors) {
    Problems(List<String> errors) {
      this("error", errors);
    }
  }

  record Success(String status) {
    Success() {
      this("success");
    }
  }
}
