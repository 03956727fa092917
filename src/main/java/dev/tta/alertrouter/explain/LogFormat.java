package dev.tta.alertrouter.explain;

import java.util.Locale;

/** How decision and notification lines are written: {@code serve --log-format}. */
public enum LogFormat {
  /** {@code key=value} pairs (logfmt) through the process log. */
  TEXT,
  /** One JSON object per line on standard output, for Loki and friends. */
  JSON;

  /** {@code text} or {@code json}, case-insensitive. */
  public static LogFormat parse(String value) {
    for (LogFormat f : values()) {
      if (f.name().equalsIgnoreCase(value.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("log format must be text or json, not \"" + value + "\"");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
