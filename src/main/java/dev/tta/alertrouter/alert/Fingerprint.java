package dev.tta.alertrouter.alert;

import java.nio.charset.StandardCharsets;

/**
 * An alert's identity, computed exactly as Prometheus' {@code model.LabelSet.Fingerprint()}, which
 * Alertmanager uses: FNV-1a 64 over the label names and values in name order, each followed by the
 * byte 255. Matching Alertmanager's value lets operators cross-reference both tools.
 */
public record Fingerprint(long value) {
  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  private static final int SEPARATOR = 0xff;

  static Fingerprint of(String[] sortedNames, String[] values) {
    long hash = OFFSET;
    for (int i = 0; i < sortedNames.length; i++) {
      hash = add(hash, sortedNames[i]);
      hash = addByte(hash, SEPARATOR);
      hash = add(hash, values[i]);
      hash = addByte(hash, SEPARATOR);
    }
    return new Fingerprint(hash);
  }

  /** Parses the 16-digit hex form Alertmanager prints. */
  public static Fingerprint parse(String hex) {
    if (hex == null || hex.isEmpty() || hex.length() > 16) {
      throw new IllegalArgumentException("fingerprint must be 1 to 16 hex digits: " + hex);
    }
    try {
      return new Fingerprint(Long.parseUnsignedLong(hex, 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fingerprint must be 1 to 16 hex digits: " + hex, e);
    }
  }

  private static long add(long hash, String s) {
    // ASCII, the usual case, hashes char by char; encoding every label to bytes was a measured cost.
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return addUtf8(hash, s.substring(i));
      }
      hash = addByte(hash, c);
    }
    return hash;
  }

  private static long addUtf8(long hash, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      hash = addByte(hash, b & 0xff);
    }
    return hash;
  }

  private static long addByte(long hash, int b) {
    return (hash ^ b) * PRIME;
  }

  /** 16 lower-case hex digits, zero-padded, as Alertmanager prints it. */
  @Override
  public String toString() {
    String hex = Long.toHexString(value);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
