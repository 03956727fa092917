package dev.tta.alertrouter.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tta.alertrouter.alert.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a file of routing cases:
 *
 * <pre>
 * - labels: {alertname: TTAServiceDown, severity: critical}
 *   expect: [critical-alerts]
 * </pre>
 *
 * Every problem is reported, each with the file and the line of its case.
 */
final class RoutingCasesFile {
  private static final Set<String> KEYS = Set.of("labels", "expect");

  private RoutingCasesFile() {}

  /** The cases in file order; throws {@link InvalidCasesException} listing every problem found. */
  static List<RoutingCase> read(Path file) throws InvalidCasesException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    List<RoutingCase> cases = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (JsonParser parser = mapper.getFactory().createParser(Files.newBufferedReader(file))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidCasesException(List.of(file + ": no cases"));
      }
      if (first != JsonToken.START_ARRAY) {
        throw new InvalidCasesException(
            List.of(file + ":" + parser.currentTokenLocation().getLineNr() + ": expected a list of cases (- labels: {...}, expect: [...])"));
      }
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = mapper.readTree(parser);
        readCase(node, file + ":" + line, line, cases, problems);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidCasesException(List.of(file + ": no such file"));
    } catch (JsonProcessingException e) {
      throw new InvalidCasesException(
          List.of(file + ":" + e.getLocation().getLineNr() + ": not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidCasesException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidCasesException(problems);
    }
    return cases;
  }

  private static void readCase(JsonNode node, String where, int line, List<RoutingCase> cases, List<String> problems) {
    if (!node.isObject()) {
      problems.add(where + ": a case must be a map with 'labels' and 'expect'");
      return;
    }
    int before = problems.size();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        problems.add(where + ": unknown key '" + key + "' (a case has 'labels' and 'expect')");
      }
    }
    Map<String, String> labels = readLabels(node.get("labels"), where, problems);
    List<String> expect = readExpect(node.get("expect"), where, problems);
    if (problems.size() == before) {
      cases.add(new RoutingCase(line, Labels.of(labels), expect));
    }
  }

  private static Map<String, String> readLabels(JsonNode labels, String where, List<String> problems) {
    Map<String, String> map = new TreeMap<>();
    if (labels == null || !labels.isObject()) {
      problems.add(where + ": 'labels' must be a map of label names to values");
      return map;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!Labels.isValidName(e.getKey())) {
        problems.add(where + ": invalid label name '" + e.getKey() + "'");
      } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        problems.add(where + ": label '" + e.getKey() + "' needs a value (write \"\" for an empty one)");
      } else {
        map.put(e.getKey(), e.getValue().asText());
      }
    }
    return map;
  }

  private static List<String> readExpect(JsonNode expect, String where, List<String> problems) {
    List<String> receivers = new ArrayList<>();
    if (expect != null && expect.isTextual()) {
      receivers.add(expect.asText());
      return receivers;
    }
    if (expect == null || !expect.isArray()) {
      problems.add(where + ": 'expect' must be a list of receiver names");
      return receivers;
    }
    for (JsonNode r : expect) {
      if (!r.isTextual()) {
        problems.add(where + ": 'expect' must be a list of receiver names, found " + r);
      } else {
        receivers.add(r.asText());
      }
    }
    return receivers;
  }

  /** The file cannot be used; {@link #problems()} names each reason. */
  static final class InvalidCasesException extends Exception {
    private final List<String> problems;

    InvalidCasesException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }
}
