package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;

/**
 * Gives equal label values one String instance. Every alert of a storm repeats the same few values
 * (alertname, service, team, severity, job); holding one copy of each instead of one per alert was
 * about a fifth of an active alert's heap (bench/README.md). Prometheus interns label strings for
 * the same reason.
 *
 * <p>A value is looked up by the characters Jackson decoded, so that a value already held costs no
 * String at all. The table is direct-mapped and bounded: a value whose slot another value takes is
 * let go. Thread-safe without locks: a slot holds an immutable {@link Held}, so a racy read sees
 * null or a whole one, and a lost write only means one value held twice.
 */
final class LabelValues {
  private static final int SLOTS = 65_536;

  private final Held[] slots = new Held[SLOTS];

  /** One value, with its characters to compare a candidate with at once. */
  private record Held(String value, char[] text, int hash) {}

  /** The instance held for the text of the string value the parser is on. */
  String read(JsonParser parser) throws IOException {
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int end = offset + parser.getTextLength();
    int hash = 0;
    for (int i = offset; i < end; i++) {
      hash = 31 * hash + text[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    Held held = slots[slot];
    if (held != null && held.hash == hash && Arrays.equals(held.text, 0, held.text.length, text, offset, end)) {
      return held.value;
    }
    char[] copy = Arrays.copyOfRange(text, offset, end);
    held = new Held(new String(copy), copy, hash);
    slots[slot] = held;
    return held.value;
  }
}
