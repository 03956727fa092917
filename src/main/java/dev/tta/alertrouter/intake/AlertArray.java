package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tta.alertrouter.alert.Alert;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array of alert objects read element by element: the good alerts, and a problem for each
 * fault of the bad ones, so that one bad alert never costs the others of its batch.
 *
 * @param alerts the valid alerts, in payload order
 * @param problems every fault found, each naming the alert's index
 * @param received how many elements the array held, good and bad
 */
record AlertArray(List<Alert> alerts, List<Problem> problems, int received) {

  /** Makes an alert of one alert object's fields in a payload format's terms; null when invalid. */
  @FunctionalInterface
  interface Format {
    Alert toAlert(AlertFields fields);
  }

  /** Reads the array the parser is on, up to and including its end. */
  static AlertArray read(JsonParser parser, LabelValues labelValues, ValidNames validNames, Format format)
      throws IOException {
    List<Alert> alerts = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    AlertObject object = new AlertObject(labelValues);
    int index = 0;
    // Jackson reports the end of input inside an array as an error; the null check only rules out a loop.
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null;
        token = parser.nextToken()) {
      if (token == JsonToken.START_OBJECT) {
        object.read(parser);
        Alert alert = format.toAlert(new AlertFields(object, index, problems, validNames));
        if (alert != null) {
          alerts.add(alert);
        }
      } else {
        problems.add(new Problem(index, null, "alert must be a JSON object", InvalidReason.INVALID_FIELD));
        JsonBody.skip(parser);
      }
      index++;
    }
    return new AlertArray(alerts, problems, index);
  }
}
