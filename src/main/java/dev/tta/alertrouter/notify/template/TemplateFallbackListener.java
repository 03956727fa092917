package dev.tta.alertrouter.notify.template;

/**
 * Told each time a configured template failed to render and the default was sent instead (for
 * {@code alertrouter_template_fallbacks_total}). Called on the sending thread; must not block.
 */
@FunctionalInterface
public interface TemplateFallbackListener {
  /**
   * @param receiver the receiver's name
   * @param integration the integration, as {@code Integration.name()} prints it: {@code slack[0]}
   * @param template the template's name, e.g. {@code title}
   * @param reason why it failed (Pebble's message, without the template source)
   */
  void fellBack(String receiver, String integration, String template, String reason);

  TemplateFallbackListener NONE = (receiver, integration, template, reason) -> {};
}
