package dev.tta.alertrouter.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Variants of a well-formed payload that probe every way a body can be wrong: each value replaced by
 * a value of another type or an odd one, each member removed, duplicated or joined by an unknown one,
 * the body cut at every byte, one byte at every offset made invalid UTF-8, invalid UTF-8 sequences at
 * the start of every string, tokens after the document.
 */
final class MalformedCorpus {
  /** What each value in turn is replaced by: other types, nulls, odd numbers, odd and edge strings. */
  static final List<String> ODD_VALUES = List.of(
      "null", "0", "-1", "7", "2147483647", "2147483648", "-2147483649", "1.5", "-0.0", "3.0", "1e2",
      "1e400", "123456789012345678901234567890", "true", "false", "\"\"", "\"x\"", "\"4\"", "\"firing\"",
      "\"resolved\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u00e9t\\u00e9 \\ud83d\\udd25\"",
      "\"0001-01-01T00:00:00Z\"", "\"2026-11-24T19:08:19Z\"", "\"2026-11-24T19:20:00.5+01:00\"",
      "\"2099-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "[]", "{}", "[\"a\",1]", "{\"a\":\"b\"}",
      "{\"alertname\":\"Z\",\"a-b\":\"c\"}", "{\"x\":{\"y\":[null,{}]}}");

  /** Values a duplicated member gets, before or after the original. */
  static final List<String> DUPLICATE_VALUES =
      List.of("null", "1", "\"\"", "\"bogus\"", "\"2026-11-24T19:00:00Z\"", "{}", "{\"dup\":\"v\"}", "[]");

  static final List<String> TRAILING = List.of(
      " ", "\n\t ", " x", " []", " {}", " 1", " null", " \"s\"", ",", "]", "}", ",[]", "\u0000", "/", " /* c */");

  /**
   * Invalid UTF-8 put at the start of every string, name or value, whether the parser reads it or
   * skips it: an encoded surrogate, an overlong form, beyond U+10FFFF, cut short, a five-byte form.
   */
  static final List<byte[]> BAD_SEQUENCES = List.of(
      new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
      new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
      new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80});

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MalformedCorpus() {}

  /** Every variant of {@code body}, the body itself first. */
  static List<byte[]> variants(byte[] body) {
    List<byte[]> out = new ArrayList<>();
    out.add(body);
    Json doc = Json.of(tree(body));
    for (String text : structuralVariants(doc)) {
      out.add(text.getBytes(StandardCharsets.UTF_8));
    }
    for (int n = 0; n < body.length; n++) {
      out.add(Arrays.copyOf(body, n));
    }
    for (int i = 0; i < body.length; i++) {
      for (byte bad : new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xED}) {
        byte[] corrupt = body.clone();
        corrupt[i] = bad;
        out.add(corrupt);
      }
    }
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '"') {
        for (byte[] bad : BAD_SEQUENCES) {
          out.add(insert(body, i + 1, bad));
        }
      }
    }
    for (String trailing : TRAILING) {
      out.add(concat(body, trailing.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** Bodies that are not derived from a fixture: empty, scalar, odd syntax, deep, huge numbers. */
  static List<byte[]> specials() {
    List<String> texts = new ArrayList<>(List.of(
        "", " ", "\n", "null", "true", "1", "\"x\"", "[]", "{}", "[", "{", "]", "}", "[]]", "{}}", "[] []",
        "{} {}", "[,]", "[{},]", "{\"a\":1,}", "\uFEFF[]", "NaN", "[NaN]", "['a']", "{'version':'4'}",
        "[{\"labels\":{\"a\":\"b\"}} /* c */]", "[{\"labels\":{\"a\":\"b\\x\"}}]", "[{\"labels\":{\"a\":\"b\u0001\"}}]",
        "[{\"labels\":{\"a\":\"b\"}}]", "[{\"labels\":{\"a\":\"b\",\"a\":\"\"}}]", "[{\"labels\":{\"a\":\"\",\"a\":\"b\"}}]",
        "[{\"labels\":{\"a-b\":\"x\",\"c\":1,\"a-b\":\"y\"}}]", "[{\"labels\":{\"a\":\"b\"},\"labels\":null}]",
        "[{\"labels\":null,\"labels\":{\"a\":\"b\"}}]", "[null,1,\"s\",[],{}]",
        "{\"alerts\":[],\"version\":\"4\"}", "{\"alerts\":[{}],\"version\":\"3\"}",
        "{\"version\":\"4\",\"alerts\":[{\"labels\":{\"a\":\"b\"},\"status\":\"firing\",\"startsAt\":\"2026-11-24T19:08:19Z\"}],"
            + "\"alerts\":[]}",
        "{\"version\":\"4\",\"alerts\":{},\"alerts\":[]}", "{\"version\":\"4\",\"alerts\":[],\"alerts\":null}",
        "{\"version\":\"4\",\"version\":\"3\",\"alerts\":[]}", "{\"version\":4,\"alerts\":[]}",
        "{\"version\":\"4\",\"alerts\":[],\"truncatedAlerts\":1.0}",
        "{\"version\":\"4\",\"alerts\":[],\"truncatedAlerts\":3000000000}",
        "{\"version\":\"4\",\"alerts\":[],\"truncatedAlerts\":\"2\"}",
        "{\"version\":\"4\",\"alerts\":[],\"truncatedAlerts\":null}",
        "[{\"labels\":{\"a\":\"b\"},\"startsAt\":1" + "0".repeat(1000) + "}]",
        "[{\"labels\":{\"a\":\"b\"},\"x\":1." + "5".repeat(1200) + "}]",
        "[{\"labels\":{\"a\":\"b\"},\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}]",
        "[{\"labels\":{\"a\":\"b\"},\"x\":" + "[".repeat(400) + "]".repeat(400) + "}]",
        "[{\"labels\":{\"" + "n".repeat(150) + "-\":\"v\"},\"annotations\":{\"" + "m".repeat(150) + " \":1}}]",
        "[{\"labels\":{\"a\":\"b\"},\"startsAt\":\"" + "t".repeat(150) + "\"}]"));
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 300; i++) {
      many.append(i == 0 ? "" : ",").append("{\"labels\":{\"alertname\":\"A").append(i % 7)
          .append("\",\"n").append(i).append("\":\"").append(i % 3 == 0 ? "" : "v").append("\"}}");
    }
    texts.add(many.append(']').toString());
    StringBuilder manyLabels = new StringBuilder("[{\"labels\":{");
    for (int i = 0; i < 500; i++) {
      manyLabels.append(i == 0 ? "" : ",").append("\"l").append(i % 450).append("\":\"").append(i).append('"');
    }
    texts.add(manyLabels.append("}}]").toString());
    List<byte[]> out = new ArrayList<>();
    for (String t : texts) {
      out.add(t.getBytes(StandardCharsets.UTF_8));
    }
    out.add(new byte[] {'[', '{', '"', 'l', 'a', 'b', 'e', 'l', 's', '"', ':', '{', '"', (byte) 0xC3, '"', ':', '"',
        'v', '"', '}', '}', ']'});
    out.add(new byte[] {'[', '{', '"', 'l', 'a', 'b', 'e', 'l', 's', '"', ':', '{', '"', 'a', '"', ':', '"',
        (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}', '}', ']'});
    out.add(new byte[] {'[', '{', '"', 'l', 'a', 'b', 'e', 'l', 's', '"', ':', '{', '"', 'a', '"', ':', '"',
        (byte) 0xC0, (byte) 0xAF, '"', '}', '}', ']'});
    out.add(new byte[] {'[', '{', '"', 'x', '"', ':', '"', (byte) 0xF0, (byte) 0x9F, '"', '}', ']'});
    return out;
  }

  private static List<String> structuralVariants(Json doc) {
    List<String> out = new ArrayList<>();
    doc.visit(new ArrayList<>(), (path, node) -> {
      for (String odd : ODD_VALUES) {
        out.add(doc.replace(path, 0, Json.raw(odd)).text());
      }
      if (node instanceof Json.Obj obj) {
        out.add(doc.replace(path, 0, obj.with("unknownField", Json.raw("{\"n\":[1,{\"m\":null}]}"), 0)).text());
        for (int i = 0; i < obj.members().size(); i++) {
          Map.Entry<String, Json> member = obj.members().get(i);
          out.add(doc.replace(path, 0, obj.without(i)).text());
          for (String dup : DUPLICATE_VALUES) {
            out.add(doc.replace(path, 0, obj.with(member.getKey(), Json.raw(dup), i)).text());
            out.add(doc.replace(path, 0, obj.with(member.getKey(), Json.raw(dup), i + 1)).text());
          }
        }
      }
    });
    return out;
  }

  private static JsonNode tree(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] insert(byte[] body, int at, byte[] inserted) {
    byte[] out = new byte[body.length + inserted.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(body, at, out, at + inserted.length, body.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
