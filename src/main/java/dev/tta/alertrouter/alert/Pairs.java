package dev.tta.alertrouter.alert;

import java.util.Arrays;

/**
 * Name/value pairs in two arrays sorted by name, as labels and annotations are held: built from a
 * parser's arrays without a map on the way (a tree per alert was a measured cost, bench/README.md).
 */
record Pairs(String[] names, String[] values) {

  /**
   * The first {@code count} pairs, sorted by name. The arrays are handed over: sorted in place and
   * kept when they hold exactly {@code count} pairs, else copied. Null or repeated names, or null
   * values, are rejected, naming {@code what} ("label", "annotation").
   */
  static Pairs owned(String[] names, String[] values, int count, String what) {
    String[] n = names.length == count ? names : Arrays.copyOf(names, count);
    String[] v = values.length == count ? values : Arrays.copyOf(values, count);
    for (int i = 0; i < count; i++) {
      if (n[i] == null || v[i] == null) {
        throw new NullPointerException(n[i] == null ? what + " name" : "value of " + what + " " + n[i]);
      }
    }
    sortByName(n, v);
    for (int i = 1; i < count; i++) {
      if (n[i].equals(n[i - 1])) {
        throw new IllegalArgumentException(what + " " + n[i] + " given twice");
      }
    }
    return new Pairs(n, v);
  }

  /**
   * Sorts the pairs by name in place. An insertion sort: an alert has a handful of labels and
   * annotations, and this runs for every alert received.
   */
  static void sortByName(String[] names, String[] values) {
    for (int i = 1; i < names.length; i++) {
      String name = names[i];
      String value = values[i];
      int j = i - 1;
      while (j >= 0 && names[j].compareTo(name) > 0) {
        names[j + 1] = names[j];
        values[j + 1] = values[j];
        j--;
      }
      names[j + 1] = name;
      values[j + 1] = value;
    }
  }
}
