package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The fields of one alert object as read from the stream, before they are judged: the checks run
 * once the whole object is read, in a fixed order, so that the problems come out in the same order
 * whatever the order of the fields, and a field given twice counts once with its last value (as in
 * Jackson's tree). Unknown fields are skipped. Reused from one alert to the next.
 */
final class AlertObject {
  final Members labels;
  final Members annotations = new Members(JsonParser::getText);
  final FieldValue startsAt = new FieldValue();
  final FieldValue endsAt = new FieldValue();
  final FieldValue generatorUrl = new FieldValue();
  final FieldValue status = new FieldValue();

  AlertObject(LabelValues labelValues) {
    labels = new Members(labelValues::read);
  }

  /** Reads the object the parser is on, up to and including its end. */
  void read(JsonParser parser) throws IOException {
    clear();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      parser.nextToken();
      switch (name) {
        case "labels" -> labels.read(parser);
        case "annotations" -> annotations.read(parser);
        case "startsAt" -> startsAt.read(parser);
        case "endsAt" -> endsAt.read(parser);
        case "generatorURL" -> generatorUrl.read(parser);
        case "status" -> status.read(parser);
        default -> JsonBody.skip(parser);
      }
    }
  }

  private void clear() {
    labels.clear();
    annotations.clear();
    startsAt.clear();
    endsAt.clear();
    generatorUrl.clear();
    status.clear();
  }
}
