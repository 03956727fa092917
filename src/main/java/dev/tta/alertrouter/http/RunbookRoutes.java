package dev.tta.alertrouter.http;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.runbook.Runbook;
import dev.tta.alertrouter.runbook.RunbookChoice;
import dev.tta.alertrouter.runbook.RunbookPages;
import dev.tta.alertrouter.runbook.RunbookResolver;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runbook lookups for people and tools: {@code GET /api/v1/runbooks/lookup?alertname=…&label=…}
 * answers the link an alert with those labels would get; {@code GET /runbooks/} lists the local
 * runbooks and {@code GET /runbooks/{name}} shows one. The resolver is read on every request, so a
 * config reload is seen at once.
 */
public final class RunbookRoutes {
  private final Supplier<RunbookResolver> resolver;
  private final RunbookPages pages = new RunbookPages();

  /** @param resolver the current resolver (the composition root swaps it on reload) */
  public RunbookRoutes(Supplier<RunbookResolver> resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** Adds the routes; call inside {@code Javalin.create(config -> ...)}. */
  public void register(JavalinConfig config) {
    config.routes.get("/api/v1/runbooks/lookup", this::lookup);
    config.routes.get("/runbooks/", this::index);
    config.routes.get("/runbooks/{name}", this::page);
  }

  private void lookup(Context ctx) {
    Map<String, String> labels = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    ctx.queryParamMap().forEach((name, values) -> {
      if (!Labels.isValidName(name)) {
        problems.add("\"" + name + "\" is not a valid label name");
      } else if (values.size() != 1) {
        problems.add("label " + name + " is given " + values.size() + " times; give it once");
      } else if (!values.get(0).isEmpty()) {
        labels.put(name, values.get(0)); // an empty value is an absent label, as in Prometheus
      }
    });
    if (!labels.containsKey("alertname") && !ctx.queryParamMap().containsKey("alertname")) {
      problems.add("alertname is required, e.g. ?alertname=TTAServiceDown&service=api");
    } else if (!labels.containsKey("alertname") && problems.isEmpty()) {
      problems.add("alertname must not be empty");
    }
    if (!problems.isEmpty()) {
      error(ctx, HttpStatus.BAD_REQUEST, String.join("; ", problems));
      return;
    }
    Labels alert = Labels.of(labels);
    RunbookChoice choice = resolver.get().lookup(alert);
    if (choice.url().isEmpty()) {
      error(ctx, HttpStatus.NOT_FOUND, "no runbook for " + alert + ": " + choice.matchedBy());
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("url", choice.url().get());
    body.put("title", choice.title().orElse(null));
    body.put("source", choice.source().wireName());
    body.put("matchedBy", choice.matchedBy());
    ctx.json(body);
  }

  private void index(Context ctx) {
    if (!ctx.path().endsWith("/")) {
      // Links on the list are relative to /runbooks/; a relative redirect survives a path prefix.
      ctx.redirect("runbooks/", HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    html(ctx, pages.index(resolver.get().runbooks().all()));
  }

  private void page(Context ctx) {
    RunbookResolver current = resolver.get();
    Optional<Runbook> runbook = current.runbooks().byName(ctx.pathParam("name"));
    if (runbook.isEmpty()) {
      error(ctx, HttpStatus.NOT_FOUND, "no runbook named \"" + ctx.pathParam("name") + "\"; see /runbooks/");
      return;
    }
    html(ctx, pages.page(runbook.get(), current.linkTo(runbook.get())));
  }

  private static void html(Context ctx, String document) {
    ctx.header("Content-Security-Policy", RunbookPages.CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.html(document);
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "error");
    body.put("error", message);
    ctx.status(status).json(body);
  }
}
