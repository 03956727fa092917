package dev.tta.alertrouter.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one {@code email_configs} entry and fills in the global {@code smtp_*} defaults as Alertmanager does. */
final class EmailParser {
  private EmailParser() {}

  static EmailConfig parse(Value v, String localKey, ReceiverScope scope) {
    YamlMap m = v.mapping();
    m.allow("send_resolved", "to", "from", "hello", "smarthost", "auth_username", "auth_password",
        "auth_password_file", "auth_secret", "auth_secret_file", "auth_identity", "headers", "html", "text",
        "require_tls", "tls_config", "templates");
    TemplateOverridesParser.warnIgnored(m, localKey, scope, List.of("html", "text"));
    GlobalConfig global = scope.global();
    String to = m.string("to");
    if (to == null && !m.has("to")) {
      m.missing("to", "missing to address in email config");
    }
    String from = m.string("from");
    if (from == null && !m.has("from")) {
      from = global.smtpFrom().orElse(null);
      if (from == null) {
        m.missing("from", "no global SMTP from set (set from here or smtp_from in global)");
      }
    }
    Optional<HostPort> smarthost = m.has("smarthost") ? GlobalParser.smarthost(m.get("smarthost")) : global.smtpSmarthost();
    if (smarthost.isEmpty()) {
      scope.dryRun(localKey + ".smarthost");
    }
    Optional<Secret> password = SecretReader.configured(m, "auth_password")
        ? SecretReader.read(m, "auth_password", SecretReader.WhenUnset.ERROR) : global.smtpAuthPassword();
    Optional<Secret> secret = SecretReader.configured(m, "auth_secret")
        ? SecretReader.read(m, "auth_secret", SecretReader.WhenUnset.ERROR) : global.smtpAuthSecret();
    Map<String, String> headers = headers(m);
    warnTemplatedHeaders(headers, localKey, scope);
    checkAddress(m, "to", to, false);
    checkAddress(m, "from", from, true);
    if (SecretReader.configured(m, "auth_secret") && !SecretReader.configured(m, "auth_password")) {
      scope.problems().warn("receiver " + scope.receiver() + ": " + localKey + ".auth_secret: CRAM-MD5 is not supported"
          + " by alert-router; it authenticates with auth_password only");
    }
    return new EmailConfig(
        m.bool("send_resolved", false),
        to == null ? "" : to,
        from == null ? "" : from,
        m.string("hello", global.smtpHello()),
        smarthost,
        m.optional("auth_username").or(global::smtpAuthUsername),
        password,
        secret,
        m.optional("auth_identity").or(global::smtpAuthIdentity),
        headers,
        m.optional("html"),
        m.optional("text"),
        m.bool("require_tls", global.smtpRequireTls()),
        m.has("tls_config") ? HttpConfigParser.tls(m.get("tls_config")) : TlsSettings.defaults(),
        TemplateOverridesParser.templates(m),
        v.location());
  }

  /** Alertmanager renders header values as Go templates; alert-router sends only literal ones. */
  private static void warnTemplatedHeaders(Map<String, String> headers, String localKey, ReceiverScope scope) {
    List<String> templated = headers.entrySet().stream().filter(h -> h.getValue().contains("{{")).map(Map.Entry::getKey)
        .toList();
    if (!templated.isEmpty()) {
      scope.problems().warn("receiver " + scope.receiver() + ": " + localKey + ".headers: " + String.join(", ", templated)
          + (templated.size() == 1 ? " holds" : " hold") + " Alertmanager Go templates, which alert-router does not run;"
          + " not sent (the subject template goes under " + localKey + ".templates.subject)");
    }
  }

  private static void checkAddress(YamlMap m, String key, String value, boolean single) {
    String problem = value == null ? null : EmailRules.addressListProblem(value, single);
    if (problem != null) {
      if (m.has(key)) {
        m.get(key).error(problem);
      } else {
        m.missing(key, problem + " (the global smtp_" + key + ")");
      }
    }
  }

  /** Header names are case-insensitive: Alertmanager title-cases them and rejects collisions. */
  private static Map<String, String> headers(YamlMap m) {
    Map<String, String> normalized = new LinkedHashMap<>();
    YamlMap headers = m.map("headers");
    for (Map.Entry<String, String> h : m.stringMap("headers").entrySet()) {
      String name = titleCase(h.getKey());
      if (normalized.containsKey(name)) {
        headers.entry(h.getKey()).key().error("duplicate header \"" + name + "\" in email config");
        continue;
      }
      YamlMap.Entry entry = headers.entry(h.getKey());
      String problem = EmailRules.headerNameProblem(h.getKey());
      if (problem != null) {
        entry.key().error(problem);
        continue;
      }
      problem = EmailRules.headerValueProblem(h.getValue());
      if (problem == null && (name.equals("To") || name.equals("From")) && !h.getValue().contains("{{")) {
        problem = EmailRules.addressListProblem(h.getValue(), name.equals("From"));
      }
      if (problem != null) {
        entry.value().error(problem);
        continue;
      }
      normalized.put(name, h.getValue());
    }
    return normalized;
  }

  // Go's strings.Title: upper-case the first letter of each word; letters, digits and '_' join words.
  static String titleCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean startOfWord = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(startOfWord ? Character.toTitleCase(c) : c);
      startOfWord = !(Character.isLetterOrDigit(c) || c == '_');
    }
    return sb.toString();
  }
}
