package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses an alert's runbook link, in this order: its {@code runbook_url} annotation when that is an
 * http(s) URL; else the most specific matching entry of {@code runbooks/}; else the URL template;
 * else none. A pure function of its inputs and the (immutable) catalog and template, so the
 * enrichment step, the lookup API and the {@code runbook} command give the same answer.
 */
public final class RunbookResolver {
  public static final String ANNOTATION = "runbook_url";

  private final Runbooks runbooks;
  private final Optional<UrlTemplate> template;
  private final String pageBase;

  /**
   * @param runbooks the loaded {@code runbooks/}
   * @param template {@code runbooks.url_template}, when configured
   * @param externalUrl the router's own URL as people reach it (e.g. {@code https://alerts.tta.dev});
   *     a local runbook's link is {@code externalUrl/runbooks/{name}}
   */
  public RunbookResolver(Runbooks runbooks, Optional<UrlTemplate> template, URI externalUrl) {
    this.runbooks = Objects.requireNonNull(runbooks, "runbooks");
    this.template = Objects.requireNonNull(template, "template");
    if (!HttpUrls.isHttpUrl(externalUrl.toString())) {
      throw new IllegalArgumentException("external URL must be an absolute http(s) URL: " + externalUrl);
    }
    String base = externalUrl.toString();
    this.pageBase = (base.endsWith("/") ? base : base + "/") + "runbooks/";
  }

  public Runbooks runbooks() {
    return runbooks;
  }

  /** The choice for an alert with these labels and annotations. */
  public RunbookChoice choose(Labels labels, Map<String, String> annotations) {
    List<String> whyNot = new ArrayList<>(3);
    String annotated = annotations.get(ANNOTATION);
    if (HttpUrls.isHttpUrl(annotated)) {
      return new RunbookChoice(Optional.of(annotated), Optional.empty(), RunbookChoice.Source.ANNOTATION,
          "annotation " + ANNOTATION);
    }
    if (annotated != null) {
      whyNot.add("annotation " + ANNOTATION + " is not an http(s) URL");
    }
    Optional<Runbooks.RunbookMatch> match = runbooks.mostSpecific(labels);
    if (match.isPresent()) {
      Runbook runbook = match.get().runbook();
      return new RunbookChoice(Optional.of(linkTo(runbook)), Optional.of(runbook.title()),
          RunbookChoice.Source.RUNBOOKS, match.get().selector() + " in " + match.get().selector().location());
    }
    whyNot.add("no runbooks/ entry matches");
    if (template.isPresent()) {
      Optional<String> url = template.get().expand(labels);
      if (url.isPresent()) {
        return new RunbookChoice(url, Optional.empty(), RunbookChoice.Source.TEMPLATE,
            "url_template " + template.get());
      }
      whyNot.add("url_template " + template.get() + " needs labels " + template.get().labelNames()
          + " and the alert lacks one");
    } else {
      whyNot.add("no url_template is configured");
    }
    return RunbookChoice.none(String.join("; ", whyNot));
  }

  /** The choice for a lookup by labels alone (no annotations): what a person or tool asks. */
  public RunbookChoice lookup(Labels labels) {
    return choose(labels, Map.of());
  }

  /** The link given out for a local runbook: its external URL, else the router's own page. */
  public String linkTo(Runbook runbook) {
    return runbook.externalUrl().map(URI::toString).orElse(pageBase + runbook.name());
  }
}
