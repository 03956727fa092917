package dev.tta.alertrouter;

import java.util.Map;
import java.util.TreeMap;

/** Reads one sample out of the Prometheus text format, labels in any order. */
final class MetricSamples {
  private final Map<String, Double> samples = new TreeMap<>();

  private MetricSamples(String text) {
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(normalise(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
    }
  }

  static MetricSamples parse(String text) {
    return new MetricSamples(text);
  }

  /**
   * The value of {@code name} with exactly {@code labels} (name, value, name, value, ...); 0 when the
   * series is absent, as Prometheus reads a counter not yet created.
   */
  double value(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.getOrDefault(key(name, wanted), 0.0);
  }

  boolean has(String name, String... labels) {
    Map<String, String> wanted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    return samples.containsKey(key(name, wanted));
  }

  private static String normalise(String series) {
    int brace = series.indexOf('{');
    if (brace < 0) {
      return series;
    }
    Map<String, String> labels = new TreeMap<>();
    String body = series.substring(brace + 1, series.length() - 1);
    // Label values in these tests hold no '",' sequences, so a plain split is exact.
    for (String pair : body.split("\",")) {
      int eq = pair.indexOf('=');
      String value = pair.substring(eq + 2);
      labels.put(pair.substring(0, eq), value.endsWith("\"") ? value.substring(0, value.length() - 1) : value);
    }
    return key(series.substring(0, brace), labels);
  }

  private static String key(String name, Map<String, String> labels) {
    return labels.isEmpty() ? name : name + labels;
  }
}
