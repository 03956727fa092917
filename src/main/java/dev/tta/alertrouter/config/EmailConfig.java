package dev.tta.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code email_configs} entry: Alertmanager 0.25's fields with the global {@code smtp_*}
 * defaults already applied.
 *
 * @param sendResolved default false, as Alertmanager
 * @param to one or more comma-separated addresses
 * @param smarthost absent means dry-run
 * @param headers header names title-cased as Alertmanager does ({@code subject} becomes {@code Subject})
 * @param requireTls STARTTLS is required (default the global {@code smtp_require_tls}, true)
 * @param templates alert-router's own templates by name ({@code templates:}); {@code html},
 *     {@code text} and header values with {@code {{}} hold Go templates, which alert-router ignores
 */
public record EmailConfig(
    boolean sendResolved,
    String to,
    String from,
    String hello,
    Optional<HostPort> smarthost,
    Optional<String> authUsername,
    Optional<Secret> authPassword,
    Optional<Secret> authSecret,
    Optional<String> authIdentity,
    Map<String, String> headers,
    Optional<String> html,
    Optional<String> text,
    boolean requireTls,
    TlsSettings tls,
    Map<String, TemplateSource> templates,
    SourceLocation location) {

  public EmailConfig {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(hello, "hello");
    Objects.requireNonNull(smarthost, "smarthost");
    Objects.requireNonNull(authPassword, "authPassword");
    Objects.requireNonNull(authSecret, "authSecret");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(tls, "tls");
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    Objects.requireNonNull(location, "location");
  }

  /** True when there is no server to send through: the notifier only logs what it would send. */
  public boolean dryRun() {
    return smarthost.isEmpty();
  }
}
