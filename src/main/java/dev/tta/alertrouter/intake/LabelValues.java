package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Gives equal label values one String instance. Every alert of a storm repeats the same few values
 * (alertname, service, team, severity, job); holding one copy of each instead of one per alert was
 * about a fifth of an active alert's heap (bench/README.md). Prometheus interns label strings for
 * the same reason.
 *
 * <p>A value is looked up by the characters Jackson decoded, so that a value already held costs no
 * String at all. The table is direct-mapped and bounded: a value whose slot another value takes is
 * let go. Thread-safe without locks: a String is immutable, so a racy read of a slot sees null or a
 * whole String, and a lost write only means one value held twice.
 */
final class LabelValues {
  private static final int SLOTS = 65_536;

  private final String[] held = new String[SLOTS];

  /** The instance held for the text of the string value the parser is on. */
  String read(JsonParser parser) throws IOException {
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + text[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String value = held[slot];
    if (value == null || !sameText(value, text, offset, length)) {
      value = new String(text, offset, length);
      held[slot] = value;
    }
    return value;
  }

  private static boolean sameText(String value, char[] text, int offset, int length) {
    if (value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) != text[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
