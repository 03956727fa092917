package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Alert;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The enrichment step before notification: sets each alert's {@code runbook_url} annotation to the
 * chosen link, so every notifier shows it, and tells the listener what was chosen. An alert that
 * gets no link keeps its annotations unchanged. Built again on each reload with the new catalog.
 */
public final class RunbookEnricher {
  private final RunbookResolver resolver;
  private final RunbookChoiceListener listener;

  public RunbookEnricher(RunbookResolver resolver, RunbookChoiceListener listener) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public Enriched enrich(Alert alert) {
    RunbookChoice choice = resolver.choose(alert.labels(), alert.annotations());
    Alert enriched = alert;
    if (choice.url().isPresent() && !choice.url().get().equals(alert.annotations().get(RunbookResolver.ANNOTATION))) {
      Map<String, String> annotations = new TreeMap<>(alert.annotations());
      annotations.put(RunbookResolver.ANNOTATION, choice.url().get());
      enriched = alert.withAnnotations(annotations);
    }
    listener.chosen(enriched, choice, AlertPriority.of(alert.labels()));
    return new Enriched(enriched, choice);
  }

  /** The alert with its runbook link, and the choice that gave it. */
  public record Enriched(Alert alert, RunbookChoice choice) {
    public Enriched {
      Objects.requireNonNull(alert, "alert");
      Objects.requireNonNull(choice, "choice");
    }
  }
}
