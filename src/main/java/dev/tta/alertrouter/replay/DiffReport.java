package dev.tta.alertrouter.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link ReplayDiff} in words (one line per change, totals last) or as JSON. */
public final class DiffReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DiffReport() {}

  /**
   * @param limit at most this many lines per alert list and per receiver list; the rest are counted
   */
  public static void text(ReplayDiff diff, PrintWriter out, int limit) {
    int shown = 0;
    for (ReplayDiff.AlertChange a : diff.alerts()) {
      if (shown++ == limit) {
        out.println("… and " + (diff.alerts().size() - limit) + " more alerts changed");
        break;
      }
      out.println("alert " + a.fingerprint() + " " + a.labels());
      for (ReplayDiff.FieldChange f : a.changes()) {
        out.println("  " + f.field() + ": " + or(f.baseline()) + " -> " + or(f.candidate()));
      }
    }
    for (ReplayDiff.ReceiverChange r : diff.receivers().values()) {
      out.println("receiver " + r.receiver() + ": " + r.newlySent().size() + " newly sent, " + r.noLongerSent().size()
          + " no longer sent, " + r.atOtherTimes().size() + " at other times");
      List<String> lines = new ArrayList<>();
      r.newlySent().forEach(n -> lines.add("  + " + n.at() + "  " + describe(n)));
      r.noLongerSent().forEach(n -> lines.add("  - " + n.at() + "  " + describe(n)));
      r.atOtherTimes().forEach(t -> lines.add("  ~ " + t.baseline().at() + " -> " + t.candidateAt() + "  " + describe(t.baseline())));
      for (int i = 0; i < lines.size(); i++) {
        if (i == limit) {
          out.println("  … and " + (lines.size() - limit) + " more");
          break;
        }
        out.println(lines.get(i));
      }
    }
    ReplayDiff.Totals t = diff.totals();
    out.println("totals: " + t.payloads() + " payloads, " + t.alerts() + " alerts, " + t.alertsChanged() + " changed; notifications "
        + t.baselineNotifications() + " -> " + t.candidateNotifications() + ": " + t.newlySent() + " newly sent, "
        + t.noLongerSent() + " no longer sent, " + t.atOtherTimes() + " at other times"
        + (diff.differs() ? "" : " (no difference)"));
    out.flush();
  }

  public static String json(ReplayDiff diff) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("differs", diff.differs());
    List<Object> alerts = new ArrayList<>();
    for (ReplayDiff.AlertChange a : diff.alerts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fingerprint", a.fingerprint());
      m.put("labels", a.labels());
      List<Object> changes = new ArrayList<>();
      for (ReplayDiff.FieldChange f : a.changes()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("field", f.field());
        c.put("baseline", f.baseline());
        c.put("candidate", f.candidate());
        changes.add(c);
      }
      m.put("changes", changes);
      alerts.add(m);
    }
    root.put("alerts", alerts);
    Map<String, Object> receivers = new LinkedHashMap<>();
    for (ReplayDiff.ReceiverChange r : diff.receivers().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("newlySent", r.newlySent().stream().map(DiffReport::notification).toList());
      m.put("noLongerSent", r.noLongerSent().stream().map(DiffReport::notification).toList());
      m.put("atOtherTimes", r.atOtherTimes().stream().map(t -> {
        Map<String, Object> n = notification(t.baseline());
        n.put("candidateAt", t.candidateAt().toString());
        return n;
      }).toList());
      receivers.put(r.receiver(), m);
    }
    root.put("receivers", receivers);
    ReplayDiff.Totals t = diff.totals();
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("payloads", t.payloads());
    totals.put("alerts", t.alerts());
    totals.put("alertsChanged", t.alertsChanged());
    totals.put("baselineNotifications", t.baselineNotifications());
    totals.put("candidateNotifications", t.candidateNotifications());
    totals.put("newlySent", t.newlySent());
    totals.put("noLongerSent", t.noLongerSent());
    totals.put("atOtherTimes", t.atOtherTimes());
    root.put("totals", totals);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> notification(SentNotification n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", n.at().toString());
    m.put("integration", n.integration());
    m.put("groupKey", n.groupKey());
    m.put("firing", n.firing());
    m.put("resolved", n.resolved());
    m.put("shadow", n.shadow());
    return m;
  }

  /** One notification in a line: shadow or not, integration, group, how many alerts firing and resolved. */
  public static String describe(SentNotification n) {
    return (n.shadow() ? "(shadow) " : "") + n.integration() + "  " + n.groupKey() + "  firing " + n.firing().size() + ", resolved " + n.resolved().size();
  }

  /** A field's value, or {@code (none)} for an empty one. */
  public static String or(String s) {
    return s.isEmpty() ? "(none)" : s;
  }
}
