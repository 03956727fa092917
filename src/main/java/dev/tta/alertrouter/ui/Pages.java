package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.startup.Lazy;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the UI's Pebble templates ({@code templates/ui/*.peb}) with HTML autoescaping on, so a
 * label or annotation (attacker-controlled: anyone who can push an alert writes them) is always
 * text; and sets the security headers every page carries.
 */
final class Pages {
  /**
   * No inline script or style anywhere: scripts, styles and htmx come from this server's own files.
   * {@code connect-src 'self'} lets htmx poll and the chart fetch its JSON.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Built at the first page, not while a restart waits. */
  private final Lazy<PebbleEngine> engine = Lazy.of(Pages::newEngine);

  private static PebbleEngine newEngine() {
    ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
    loader.setPrefix("templates/ui");
    loader.setSuffix(".peb");
    return new PebbleEngine.Builder()
        .loader(loader)
        .autoEscaping(true)
        .defaultEscapingStrategy("html")
        .strictVariables(false)
        .newLineTrimming(true)
        .build();
  }

  String render(String template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.get().getTemplate(template).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  void html(Context ctx, int status, String template, Map<String, Object> model) {
    headers(ctx);
    ctx.status(status).html(render(template, model));
  }

  static void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }
}
