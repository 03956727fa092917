package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.template.HtmlEscaper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A digest as an email: the headline as subject, then the top alert names, teams, priorities, the
 * window, the folded groups and the link to the receiver's alerts, as plain text and as HTML
 * (every value from an alert escaped).
 */
final class EmailDigests {
  private EmailDigests() {}

  /** One line: mail headers must not be folded by a receiver's name. */
  static String subject(Digest digest) {
    return ("[DIGEST] " + digest.headline() + " for " + digest.receiver()).replaceAll("\\s+", " ");
  }

  static String text(Digest digest, String listUrl) {
    List<String> lines = new ArrayList<>();
    lines.add(digest.headline() + " (" + digest.firing() + " firing, " + digest.resolved() + " resolved), "
        + digest.notifications() + " notifications folded between " + digest.windowStart() + " and "
        + digest.windowEnd() + ".");
    lines.add("");
    addCounts(lines, "Top alertnames", digest.alertnames(), false);
    addCounts(lines, "Teams", digest.teams(), false);
    addCounts(lines, "Priorities", digest.priorities(), false);
    lines.add("");
    lines.add("Groups:");
    digest.groups().forEach(g -> lines.add("  " + g.groupKey() + ": " + g.firing() + " firing, " + g.resolved()
        + " resolved"));
    lines.add("");
    lines.add("All alerts of " + digest.receiver() + ": " + listUrl);
    lines.add("Digest " + digest.id());
    return String.join("\n", lines) + "\n";
  }

  static String html(Digest digest, String listUrl) {
    List<String> lines = new ArrayList<>();
    lines.add("<p><strong>" + HtmlEscaper.escape(digest.headline()) + "</strong> (" + digest.firing() + " firing, "
        + digest.resolved() + " resolved), " + digest.notifications() + " notifications folded between "
        + digest.windowStart() + " and " + digest.windowEnd() + ".</p>");
    addCounts(lines, "Top alertnames", digest.alertnames(), true);
    addCounts(lines, "Teams", digest.teams(), true);
    addCounts(lines, "Priorities", digest.priorities(), true);
    lines.add("<ul>");
    digest.groups().forEach(g -> lines.add("<li><code>" + HtmlEscaper.escape(g.groupKey()) + "</code>: " + g.firing()
        + " firing, " + g.resolved() + " resolved</li>"));
    lines.add("</ul>");
    lines.add("<p><a href=\"" + HtmlEscaper.escape(listUrl) + "\">All alerts of " + HtmlEscaper.escape(digest.receiver())
        + "</a> · digest " + HtmlEscaper.escape(digest.id()) + "</p>");
    return String.join("\n", lines) + "\n";
  }

  private static void addCounts(List<String> lines, String title, List<Digest.Count> counts, boolean html) {
    if (counts.isEmpty()) {
      return;
    }
    String values = counts.stream()
        .map(c -> (html ? HtmlEscaper.escape(c.value()) : c.value()) + " (" + c.count() + ")")
        .collect(Collectors.joining(", "));
    lines.add(html ? "<p>" + title + ": " + values + "</p>" : title + ": " + values);
  }
}
