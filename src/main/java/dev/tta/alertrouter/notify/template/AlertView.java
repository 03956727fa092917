package dev.tta.alertrouter.notify.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One alert as a message shows it. Links are vetted ({@link MessageLinks#safe}) or "".
 *
 * @param status {@code firing} or {@code resolved}
 * @param identity what tells this alert from the others in its group: its labels that are not
 *     common to the group ({@code instance=pod-1}), or its name when it is alone
 * @param startsAt ISO-8601 UTC, to the second
 * @param endsAt ISO-8601 UTC, or "" while the end is unknown
 */
public record AlertView(
    String name,
    String status,
    SortedMap<String, String> labels,
    SortedMap<String, String> annotations,
    SortedMap<String, String> distinctLabels,
    String identity,
    String fingerprint,
    String startsAt,
    String endsAt,
    String summary,
    String description,
    String runbookUrl,
    String generatorUrl,
    String explainUrl) {

  public AlertView {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    labels = MessageModel.frozen(labels);
    annotations = MessageModel.frozen(annotations);
    distinctLabels = MessageModel.frozen(distinctLabels);
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(runbookUrl, "runbookUrl");
    Objects.requireNonNull(generatorUrl, "generatorUrl");
    Objects.requireNonNull(explainUrl, "explainUrl");
  }

  public boolean firing() {
    return status.equals("firing");
  }

  /** What templates see: plain maps, lists and strings, nothing with methods to call. */
  Map<String, Object> toTemplateContext() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("status", status);
    m.put("labels", labels);
    m.put("annotations", annotations);
    m.put("distinctLabels", distinctLabels);
    m.put("identity", identity);
    m.put("fingerprint", fingerprint);
    m.put("startsAt", startsAt);
    m.put("endsAt", endsAt);
    m.put("summary", summary);
    m.put("description", description);
    m.put("runbookUrl", runbookUrl);
    m.put("generatorUrl", generatorUrl);
    m.put("explainUrl", explainUrl);
    return m;
  }
}
