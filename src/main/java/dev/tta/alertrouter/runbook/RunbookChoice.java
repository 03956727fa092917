package dev.tta.alertrouter.runbook;

import java.util.Objects;
import java.util.Optional;

/**
 * Which runbook link an alert got and why; recorded for explain and counted by source.
 *
 * @param url the link; empty when the source is {@link Source#NONE}
 * @param title the runbook's title when it came from {@code runbooks/}, else empty
 * @param source where the link came from
 * @param matchedBy why: the annotation's name, the matching entry as written in its file, the
 *     template, or for none the reasons each source did not apply
 */
public record RunbookChoice(Optional<String> url, Optional<String> title, Source source, String matchedBy) {
  public RunbookChoice {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(matchedBy, "matchedBy");
    if (url.isPresent() == (source == Source.NONE)) {
      throw new IllegalArgumentException("a choice has a URL exactly when its source is not none");
    }
  }

  static RunbookChoice none(String why) {
    return new RunbookChoice(Optional.empty(), Optional.empty(), Source.NONE, why);
  }

  /** Where a link came from, in the order they are tried. */
  public enum Source {
    /** The alert's own {@code runbook_url} annotation, an http(s) URL. */
    ANNOTATION("annotation"),
    /** The most specific matching entry of {@code runbooks/}. */
    RUNBOOKS("runbooks"),
    /** {@code runbooks.url_template} of the config. */
    TEMPLATE("template"),
    /** No link: counted by priority, so a team sees its P0s without one. */
    NONE("none");

    private final String wireName;

    Source(String wireName) {
      this.wireName = wireName;
    }

    /** The name in JSON, metrics and explain. */
    public String wireName() {
      return wireName;
    }
  }
}
