package dev.tta.alertrouter.notify.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A kind of message and the templates it is made of, each with how its output is escaped. */
public enum MessageKind {
  /** Slack: the header ({@code title}), the body ({@code text}) and the notification text ({@code fallback}). */
  SLACK("slack", Map.of("title", Escaping.SLACK_MRKDWN, "text", Escaping.SLACK_MRKDWN, "fallback", Escaping.SLACK_MRKDWN)),
  /** Email: {@code subject}, plain {@code text} and {@code html} bodies. */
  EMAIL("email", Map.of("subject", Escaping.HEADER, "text", Escaping.PLAIN, "html", Escaping.HTML));

  private final String directory;
  private final Map<String, Escaping> templates;

  MessageKind(String directory, Map<String, Escaping> templates) {
    this.directory = directory;
    this.templates = new LinkedHashMap<>(templates);
  }

  /** The names a {@code templates:} mapping may hold for this kind. */
  public Set<String> templateNames() {
    return templates.keySet();
  }

  Escaping escaping(String name) {
    Escaping e = templates.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no " + directory + " template named " + name);
    }
    return e;
  }

  /** Where the default template is shipped: {@code templates/slack/title.peb}. */
  String resource(String name) {
    escaping(name);
    return "templates/" + directory + "/" + name + ".peb";
  }
}
