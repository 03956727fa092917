package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code runbooks.url_template}, e.g. {@code https://runbooks.tta.dev/{alertname}}: each
 * {@code {label}} is replaced by the alert's value of that label, percent-encoded. An alert that
 * lacks a referenced label gets no URL from the template rather than a link to a page that cannot
 * exist.
 */
public final class UrlTemplate {
  private final String text;
  /** Literal text and placeholders, alternating: even indexes literal, odd indexes label names. */
  private final List<String> parts;

  private UrlTemplate(String text, List<String> parts) {
    this.text = text;
    this.parts = parts;
  }

  /** @throws IllegalArgumentException naming the problem: bad braces, a bad label name, not http(s) */
  public static UrlTemplate parse(String text) {
    Objects.requireNonNull(text, "text");
    List<String> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '}') {
        throw new IllegalArgumentException("unmatched } at position " + i + " in " + text);
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int end = text.indexOf('}', i);
      if (end < 0) {
        throw new IllegalArgumentException("unclosed { at position " + i + " in " + text);
      }
      String label = text.substring(i + 1, end);
      if (!Labels.isValidName(label)) {
        throw new IllegalArgumentException("{" + label + "} is not a label name in " + text);
      }
      parts.add(literal.toString());
      parts.add(label);
      literal.setLength(0);
      i = end + 1;
    }
    parts.add(literal.toString());
    // Placeholders stand in for path text, so test the shape with a plain value in each.
    StringBuilder sample = new StringBuilder();
    for (int p = 0; p < parts.size(); p++) {
      sample.append(p % 2 == 0 ? parts.get(p) : "x");
    }
    if (!HttpUrls.isHttpUrl(sample.toString())) {
      throw new IllegalArgumentException("must make absolute http(s) URLs: " + text);
    }
    return new UrlTemplate(text, List.copyOf(parts));
  }

  /** The labels it needs, in order of first use. */
  public Set<String> labelNames() {
    Set<String> names = new LinkedHashSet<>();
    for (int p = 1; p < parts.size(); p += 2) {
      names.add(parts.get(p));
    }
    return names;
  }

  /** The URL for these labels, or empty when one of the referenced labels is missing or empty. */
  public Optional<String> expand(Labels labels) {
    StringBuilder url = new StringBuilder();
    for (int p = 0; p < parts.size(); p++) {
      if (p % 2 == 0) {
        url.append(parts.get(p));
        continue;
      }
      String value = labels.get(parts.get(p));
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      url.append(percentEncode(value));
    }
    return Optional.of(url.toString());
  }

  /** RFC 3986: everything but the unreserved characters is encoded, so a value stays one path segment. */
  static String percentEncode(String value) {
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E"); // a dot segment would climb the path instead of naming a page
    }
    StringBuilder sb = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UrlTemplate other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** As written in the config. */
  @Override
  public String toString() {
    return text;
  }
}
