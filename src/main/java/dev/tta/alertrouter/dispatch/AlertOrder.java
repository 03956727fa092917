package dev.tta.alertrouter.dispatch;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The order in which a flush hands alerts on, as Alertmanager's {@code types.AlertSlice}: by the
 * {@code job} label, then {@code instance} (an alert carrying the label before one without it), then
 * by the whole label set (fewer labels first, then values in label-name order). Receivers then see
 * alerts in the same order as Alertmanager sends them.
 */
final class AlertOrder implements Comparator<Alert> {
  static final AlertOrder INSTANCE = new AlertOrder();

  private static final String[] OVERRIDE_KEYS = {"job", "instance"};

  private AlertOrder() {}

  @Override
  public int compare(Alert a, Alert b) {
    for (String key : OVERRIDE_KEYS) {
      String av = a.labels().get(key);
      String bv = b.labels().get(key);
      if (av == null && bv == null) {
        continue;
      }
      if (av == null) {
        return 1;
      }
      if (bv == null) {
        return -1;
      }
      int byValue = av.compareTo(bv);
      if (byValue != 0) {
        return byValue;
      }
    }
    return compareLabelSets(a.labels(), b.labels());
  }

  /** Prometheus' {@code LabelSet.Before}, as a three-way comparison. */
  private static int compareLabelSets(Labels a, Labels b) {
    if (a.size() != b.size()) {
      return Integer.compare(a.size(), b.size());
    }
    SortedMap<String, String> am = a.asMap();
    SortedMap<String, String> bm = b.asMap();
    TreeSet<String> names = new TreeSet<>(am.keySet());
    names.addAll(bm.keySet());
    for (String name : names) {
      String av = am.get(name);
      String bv = bm.get(name);
      if (av == null) {
        return -1;
      }
      if (bv == null) {
        return 1;
      }
      int byValue = av.compareTo(bv);
      if (byValue != 0) {
        return byValue;
      }
    }
    return 0;
  }
}
