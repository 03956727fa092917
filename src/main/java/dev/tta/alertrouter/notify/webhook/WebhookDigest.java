package dev.tta.alertrouter.notify.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.notify.digest.Digest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A digest as a webhook payload: Alertmanager's version "4" fields, so a reader of Alertmanager's
 * webhooks accepts it (no alerts, the digest's id as {@code groupKey}, the headline as the {@code
 * summary} annotation), plus a {@code digest} object with every folded group and its counts.
 */
final class WebhookDigest {
  private WebhookDigest() {}

  static ObjectNode of(ObjectMapper json, Digest digest, String externalUrl) {
    ObjectNode message = json.createObjectNode();
    message.put("receiver", GoFormats.quoteMeta(digest.receiver()));
    message.put("status", digest.firing() > 0 ? "firing" : "resolved");
    message.putArray("alerts");
    message.putObject("groupLabels");
    message.putObject("commonLabels");
    message.putObject("commonAnnotations").put("summary", digest.headline());
    message.put("externalURL", externalUrl);
    message.put("version", "4");
    message.put("groupKey", digest.id());
    message.put("truncatedAlerts", 0);
    ObjectNode d = message.putObject("digest");
    d.put("id", digest.id());
    d.put("integration", digest.integration());
    d.put("windowStart", GoFormats.time(digest.windowStart()));
    d.put("windowEnd", GoFormats.time(digest.windowEnd()));
    d.put("notifications", digest.notifications());
    d.put("alerts", digest.alerts());
    d.put("firing", digest.firing());
    d.put("resolved", digest.resolved());
    String base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
    d.put("listURL", base + "/alerts?receiver=" + URLEncoder.encode(digest.receiver(), StandardCharsets.UTF_8));
    ArrayNode groups = d.putArray("groups");
    for (Digest.FoldedGroup g : digest.groups()) {
      groups.addObject().put("groupKey", g.groupKey()).put("firing", g.firing()).put("resolved", g.resolved());
    }
    counts(d.putArray("alertnames"), digest.alertnames());
    counts(d.putArray("teams"), digest.teams());
    counts(d.putArray("priorities"), digest.priorities());
    return message;
  }

  private static void counts(ArrayNode into, List<Digest.Count> counts) {
    counts.forEach(c -> into.addObject().put("value", c.value()).put("count", c.count()));
  }
}
