package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.config.SourceLocation;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One runbook of {@code runbooks/}: its front matter and its Markdown body.
 *
 * @param name the file name without {@code .md}; the page is {@code /runbooks/{name}}
 * @param title what the runbook is about
 * @param owner the team that keeps it
 * @param selectors the alerts it covers, in the order written
 * @param externalUrl where the runbook really lives, when it is kept elsewhere; empty when the
 *     router's own page is the link
 * @param markdown the body after the front matter
 * @param location the file, line 1
 */
public record Runbook(
    String name,
    String title,
    String owner,
    List<RunbookSelector> selectors,
    Optional<URI> externalUrl,
    String markdown,
    SourceLocation location) {
  /** Names stay plain so that {@code /runbooks/{name}} needs no escaping and cannot climb out. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public Runbook {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("runbook name must match " + NAME + ": " + name);
    }
    requireText(title, "title");
    requireText(owner, "owner");
    selectors = List.copyOf(selectors);
    if (selectors.isEmpty()) {
      throw new IllegalArgumentException("runbook " + name + " covers no alerts");
    }
    Objects.requireNonNull(externalUrl, "externalUrl");
    externalUrl.ifPresent(Runbook::requireHttpUrl);
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(location, "location");
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("runbook " + what + " must not be empty");
    }
  }

  private static void requireHttpUrl(URI url) {
    if (!HttpUrls.isHttpUrl(url.toString())) {
      throw new IllegalArgumentException("runbook url must be an absolute http(s) URL: " + url);
    }
  }
}
