package dev.tta.alertrouter.notify.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a message about one flush of one group may show, computed once from the
 * notification: what templates render and what the Slack blocks are built from. Build it with
 * {@link MessageModels#of}.
 *
 * @param status {@code firing} while any alert fires, else {@code resolved}
 * @param priority {@code P0}, {@code P1}, {@code P2}, or "" when no alert has a priority label: the
 *     most urgent among the firing alerts (among all when none fires)
 * @param color the colour bar: by priority while firing, green once resolved
 * @param emoji a Slack emoji code for the status and priority
 * @param title the common alert name, or the names joined with ", "
 * @param summary the common {@code summary} annotation, else the first (firing) alert's, else ""
 * @param description the common {@code description} annotation, else the only (firing) alert's, else ""
 * @param importantLabels the common labels that matter to a reader, in a fixed order
 * @param since when the earliest firing alert started, e.g. {@code 2026-11-24 19:08 UTC}; "" when none fires
 * @param sinceEpochSeconds the same instant in seconds, 0 when none fires (for Slack's date formatting)
 * @param silenceMatchers the group's labels as matchers, {@code {alertname="X", service="y"}}
 * @param runbookUrl the common runbook, else the first (firing) alert's; vetted, or ""
 * @param sourceUrl the first (firing) alert's generator URL; vetted, or ""
 * @param groupUrl the group's alerts in alert-router's API
 * @param explainUrl the explain page of the first (firing) alert
 * @param ackUrl a signed link that acknowledges the group (email, while it fires), else ""
 */
public record MessageModel(
    String groupKey,
    String receiver,
    String status,
    String priority,
    String color,
    String emoji,
    String title,
    String summary,
    String description,
    SortedMap<String, String> groupLabels,
    SortedMap<String, String> commonLabels,
    SortedMap<String, String> commonAnnotations,
    Map<String, String> importantLabels,
    List<AlertView> alerts,
    List<AlertView> firing,
    List<AlertView> resolved,
    String since,
    long sinceEpochSeconds,
    String silenceMatchers,
    String runbookUrl,
    String sourceUrl,
    String groupUrl,
    String explainUrl,
    String externalUrl,
    String ackUrl) {

  public MessageModel {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(color, "color");
    Objects.requireNonNull(emoji, "emoji");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    groupLabels = frozen(groupLabels);
    commonLabels = frozen(commonLabels);
    commonAnnotations = frozen(commonAnnotations);
    importantLabels = Collections.unmodifiableMap(new LinkedHashMap<>(importantLabels));
    alerts = List.copyOf(alerts);
    firing = List.copyOf(firing);
    resolved = List.copyOf(resolved);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(silenceMatchers, "silenceMatchers");
    Objects.requireNonNull(runbookUrl, "runbookUrl");
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    Objects.requireNonNull(groupUrl, "groupUrl");
    Objects.requireNonNull(explainUrl, "explainUrl");
    Objects.requireNonNull(externalUrl, "externalUrl");
    Objects.requireNonNull(ackUrl, "ackUrl");
  }

  /** This model with the group's acknowledge link. */
  public MessageModel withAckUrl(String url) {
    return new MessageModel(groupKey, receiver, status, priority, color, emoji, title, summary, description, groupLabels,
        commonLabels, commonAnnotations, importantLabels, alerts, firing, resolved, since, sinceEpochSeconds,
        silenceMatchers, runbookUrl, sourceUrl, groupUrl, explainUrl, externalUrl, url);
  }

  public boolean isResolved() {
    return status.equals("resolved");
  }

  /**
   * Whether an alert carries {@code flapping="true"}, the annotation the flap stage sets on a
   * flapping alert's notifications (named here as on the wire, not by importing the stage).
   */
  public boolean isFlapping() {
    return alerts.stream().anyMatch(a -> "true".equals(a.annotations().get("flapping")));
  }

  public int firingCount() {
    return firing.size();
  }

  public int resolvedCount() {
    return resolved.size();
  }

  /** What templates see; see the record's components for the meaning of each name. */
  public Map<String, Object> toTemplateContext() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("groupKey", groupKey);
    m.put("receiver", receiver);
    m.put("status", status);
    m.put("priority", priority);
    m.put("color", color);
    m.put("emoji", emoji);
    m.put("title", title);
    m.put("summary", summary);
    m.put("description", description);
    m.put("groupLabels", groupLabels);
    m.put("commonLabels", commonLabels);
    m.put("commonAnnotations", commonAnnotations);
    m.put("importantLabels", importantLabels);
    m.put("alerts", alerts.stream().map(AlertView::toTemplateContext).toList());
    m.put("firing", firing.stream().map(AlertView::toTemplateContext).toList());
    m.put("resolved", resolved.stream().map(AlertView::toTemplateContext).toList());
    m.put("firingCount", firing.size());
    m.put("resolvedCount", resolved.size());
    m.put("flapping", isFlapping());
    m.put("since", since);
    m.put("silenceMatchers", silenceMatchers);
    m.put("runbookUrl", runbookUrl);
    m.put("sourceUrl", sourceUrl);
    m.put("groupUrl", groupUrl);
    m.put("explainUrl", explainUrl);
    m.put("externalUrl", externalUrl);
    m.put("ackUrl", ackUrl);
    return m;
  }

  static SortedMap<String, String> frozen(SortedMap<String, String> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(map)));
  }
}
