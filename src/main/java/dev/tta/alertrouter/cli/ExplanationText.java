package dev.tta.alertrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;

/** Prints an explanation (the explain API's {@code data}) as lines a person reads top to bottom. */
final class ExplanationText {
  private ExplanationText() {}

  static void print(JsonNode explanation, PrintWriter out) {
    out.println("alert " + explanation.path("fingerprint").asText() + " " + labels(explanation.path("labels")));
    long dropped = explanation.path("droppedDecisions").asLong();
    if (dropped > 0) {
      out.println("(" + dropped + " older notification line(s) no longer kept)");
    }
    for (JsonNode d : explanation.path("decisions")) {
      StringBuilder line = new StringBuilder()
          .append(readable(d.path("at").asText())).append("  ")
          .append(String.format("%-12s", d.path("stage").asText())).append(' ')
          .append(d.path("summary").asText());
      int times = d.path("times").asInt(1);
      if (times > 1) {
        line.append("  (").append(times).append(" times, last ").append(readable(d.path("lastAt").asText())).append(')');
      }
      out.println(line);
    }
    out.flush();
  }

  /** To the millisecond: enough to order a story, and readable. */
  private static String readable(String instant) {
    try {
      return Instant.parse(instant).truncatedTo(ChronoUnit.MILLIS).toString();
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  private static String labels(JsonNode labels) {
    StringBuilder sb = new StringBuilder("{");
    Iterator<Map.Entry<String, JsonNode>> fields = labels.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      sb.append(f.getKey()).append("=\"").append(f.getValue().asText()).append('"');
      if (fields.hasNext()) {
        sb.append(", ");
      }
    }
    return sb.append('}').toString();
  }
}
