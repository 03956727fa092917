package dev.tta.alertrouter.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {
  /** Prometheus' definition, byte by byte over UTF-8, independent of the implementation. */
  private static String referenceFingerprint(Map<String, String> labels) {
    long hash = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      for (String part : List.of(e.getKey(), e.getValue())) {
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
          hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        hash = (hash ^ 0xff) * 0x100000001b3L;
      }
    }
    return String.format("%016x", hash);
  }

  @Test
  void fingerprintOfNonAsciiValuesHashesTheirUtf8Bytes() {
    Map<String, String> labels = Map.of("alertname", "Disk voll", "city", "Zürich", "emoji", "🔥 down", "job", "nœud");
    assertEquals(referenceFingerprint(labels), Labels.of(labels).fingerprint().toString());
  }

  @Test
  void labelsFromAnyMapAreSortedByNameWithTheReferenceFingerprint() {
    Random random = new Random(8);
    for (int i = 0; i < 1_000; i++) {
      Map<String, String> map = new HashMap<>();
      for (int k = random.nextInt(1, 12); k > 0; k--) {
        map.put("l" + random.nextInt(40), "v" + random.nextInt(5) + (random.nextInt(10) == 0 ? "é" : ""));
      }
      Labels labels = Labels.of(map);
      assertEquals(new TreeMap<>(map), labels.asMap());
      assertEquals(referenceFingerprint(map), labels.fingerprint().toString());
      assertEquals(labels, Labels.of(new TreeMap<>(map)));
    }
  }

  @Test
  void labelsFromArraysTakeTheFirstPairsSortedAsFromAMap() {
    String[] names = {"team", "alertname", "job", "unused"};
    String[] values = {"platform", "A", "node", "x"};

    Labels labels = Labels.of(names, values, 3);
    names[0] = "changed";

    assertEquals(Labels.of("alertname", "A", "job", "node", "team", "platform"), labels);
    assertEquals(referenceFingerprint(Map.of("alertname", "A", "job", "node", "team", "platform")),
        labels.fingerprint().toString());
  }

  @Test
  void labelsFromHandedOverArraysEqualLabelsFromAMapWhetherTheArraysAreFullOrNot() {
    Labels expected = Labels.of("alertname", "A", "job", "node", "team", "platform");

    assertEquals(expected, Labels.ofOwned(new String[] {"team", "alertname", "job"}, new String[] {"platform", "A", "node"}, 3));
    assertEquals(expected,
        Labels.ofOwned(new String[] {"team", "alertname", "job", null}, new String[] {"platform", "A", "node", null}, 3));
    assertEquals("label job given twice", assertThrows(IllegalArgumentException.class,
        () -> Labels.ofOwned(new String[] {"job", "job"}, new String[] {"x", "y"}, 2)).getMessage());
    assertEquals("value of label job", assertThrows(NullPointerException.class,
        () -> Labels.ofOwned(new String[] {"job"}, new String[] {null}, 1)).getMessage());
  }

  @Test
  void annotationsFromArraysAreSortedAndEqualTheSameAnnotationsFromAMap() {
    Map<String, String> fromArrays = Alert.annotationsOf(
        new String[] {"summary", "description", "runbook", null}, new String[] {"s", "d", "r", null}, 3);
    Alert fromMap = new Alert(Labels.of("alertname", "A"), Map.of("runbook", "r", "summary", "s", "description", "d"),
        java.time.Instant.EPOCH, null, "", java.time.Instant.EPOCH);

    assertEquals(List.of("description", "runbook", "summary"), List.copyOf(fromArrays.keySet()));
    assertEquals(fromMap.annotations(), fromArrays);
    assertEquals(fromArrays, fromMap.annotations());
    assertEquals("d", fromArrays.get("description"));
    assertEquals(Map.of(), Alert.annotationsOf(new String[0], new String[0], 0));
    assertEquals("annotation summary given twice", assertThrows(IllegalArgumentException.class,
        () -> Alert.annotationsOf(new String[] {"summary", "summary"}, new String[] {"a", "b"}, 2)).getMessage());
  }

  @Test
  void labelsFromArraysRefuseARepeatedName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Labels.of(new String[] {"job", "a", "job"}, new String[] {"x", "y", "z"}, 3));
    assertEquals("label job given twice", e.getMessage());
  }

  @Test
  void withAddsOrReplacesOneLabelKeepingOrder() {
    Labels labels = Labels.of("b", "2", "d", "4");
    assertEquals(Labels.of("a", "1", "b", "2", "d", "4"), labels.with("a", "1"));
    assertEquals(Labels.of("b", "2", "c", "3", "d", "4"), labels.with("c", "3"));
    assertEquals(Labels.of("b", "2", "d", "4", "e", "5"), labels.with("e", "5"));
    assertEquals(Labels.of("b", "9", "d", "4"), labels.with("b", "9"));
    assertEquals(Labels.of("b", "2", "d", "4"), labels);
  }

  @Test
  void selectKeepsThePresentNamesOnceInNameOrder() {
    Labels labels = Labels.of("alertname", "X", "service", "api", "team", "platform");
    assertEquals(Labels.of("alertname", "X", "service", "api"), labels.select(List.of("service", "cluster", "alertname", "service")));
    assertTrue(labels.select(List.of("cluster")).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "_", "alertname", "A_b9", "__name__", "x1"})
  void validNames(String name) {
    assertTrue(Labels.isValidName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1a", "a-b", "a.b", "a b", "é", "a\u0660"})
  void invalidNames(String name) {
    assertFalse(Labels.isValidName(name));
  }
}
