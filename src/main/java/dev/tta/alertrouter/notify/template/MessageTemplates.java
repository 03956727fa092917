package dev.tta.alertrouter.notify.template;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled templates of one integration: its overrides, and the defaults they fall back to.
 * An override that fails while rendering (a type error, a missing value it insists on) costs the
 * reader nothing but the customisation: the default is rendered instead, logged and counted.
 */
public final class MessageTemplates {
  private static final Logger LOG = LoggerFactory.getLogger(MessageTemplates.class);

  private final MessageKind kind;
  private final String receiver;
  private final String integration;
  private final Supplier<Map<String, PebbleTemplate>> defaults;
  private final Map<String, PebbleTemplate> overrides;
  private final TemplateFallbackListener listener;

  /** {@code defaults} gives the kind's shipped templates, every name of it, compiled when first asked for. */
  MessageTemplates(MessageKind kind, String receiver, String integration,
      Supplier<Map<String, PebbleTemplate>> defaults, Map<String, PebbleTemplate> overrides,
      TemplateFallbackListener listener) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.integration = Objects.requireNonNull(integration, "integration");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.overrides = Map.copyOf(overrides);
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public MessageKind kind() {
    return kind;
  }

  /** True when {@code name} is overridden by the configuration. */
  public boolean overridden(String name) {
    kind.escaping(name);
    return overrides.containsKey(name);
  }

  /**
   * Renders template {@code name} (one of the kind's {@link MessageKind#templateNames()}) with the
   * model; a header template's output is one line.
   */
  public String render(String name, MessageModel model) {
    Escaping escaping = kind.escaping(name);
    Map<String, Object> context = model.toTemplateContext();
    PebbleTemplate override = overrides.get(name);
    String out = null;
    if (override != null) {
      try {
        out = evaluate(override, context);
      } catch (RuntimeException e) {
        String reason = Templates.describe(e);
        LOG.warn("receiver {} {}: template {} failed to render, sent the default instead: {}", receiver, integration,
            name, reason);
        listener.fellBack(receiver, integration, name, reason);
      }
    }
    if (out == null) {
      out = evaluate(defaults.get().get(name), context);
    }
    return escaping == Escaping.HEADER ? Escaping.oneLine(out) : out;
  }

  private static String evaluate(PebbleTemplate template, Map<String, Object> context) {
    StringWriter out = new StringWriter();
    try {
      template.evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
