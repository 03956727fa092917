package dev.tta.alertrouter.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of JSON written straight into a reused byte array as UTF-8, with the escapes Jackson's
 * generator writes: {@code \"}, {@code \\}, {@code \b \t \n \f \r}, a six-character
 * {@code u00XX} escape for the other control characters and for each half of a surrogate pair,
 * everything else as itself. Every push is captured, and Jackson's generator, which checks each
 * value against its context, took about a tenth of the server's CPU in an alert storm
 * (bench/README.md, "Intake"). Not thread-safe.
 */
final class JsonLine {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** For each ASCII character: 0 written as is, -1 as a {@code u00XX} escape, else the letter after the backslash. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  private byte[] bytes = new byte[8192];
  private int size;

  void reset() {
    size = 0;
  }

  int size() {
    return size;
  }

  /** The array holding the line: its first {@link #size} bytes. */
  byte[] bytes() {
    return bytes;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  /** Bytes the caller knows to be ASCII JSON already: punctuation, a field name with its quotes. */
  JsonLine raw(String ascii) {
    int n = ascii.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  JsonLine raw(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /** {@code length} ASCII characters of {@code chars}, quoted (a time as {@code Rfc3339} writes it). */
  JsonLine quotedAscii(char[] chars, int length) {
    ensure(length + 2);
    bytes[size++] = '"';
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) chars[i];
    }
    bytes[size++] = '"';
    return this;
  }

  /** {@code value} as a JSON string. */
  JsonLine string(String value) {
    int n = value.length();
    ensure(6 * n + 2); // the longest form of a character is its six-byte escape
    byte[] b = bytes;
    int at = size;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          b[at++] = (byte) c;
        } else if (escape > 0) {
          b[at++] = '\\';
          b[at++] = escape;
        } else {
          at = unicodeEscape(b, at, c);
        }
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // As Jackson writes a character beyond the BMP: its two halves escaped. A lone half, which
        // UTF-8 cannot hold, is written so too, and reads back as itself.
        at = unicodeEscape(b, at, c);
      } else {
        b[at++] = (byte) (0xE0 | (c >> 12));
        b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    b[at++] = '"';
    size = at;
    return this;
  }

  private static int unicodeEscape(byte[] b, int at, char c) {
    b[at++] = '\\';
    b[at++] = 'u';
    b[at++] = HEX[(c >> 12) & 0xF];
    b[at++] = HEX[(c >> 8) & 0xF];
    b[at++] = HEX[(c >> 4) & 0xF];
    b[at++] = HEX[c & 0xF];
    return at;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
