package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code server:}. */
final class ServerParser {
  private static final Pattern SIZE = Pattern.compile("^\\s*([0-9]+)\\s*(B|KB|MB|GB|KiB|MiB|GiB)?\\s*$");

  private ServerParser() {}

  static ServerSettings parse(YamlMap m) {
    m.allow("max_request_size", "resolved_retention", "intake_auth", "admin_auth", "auth", "capture", "action_links_ttl",
        "silence_reminder_after");
    Long size = m.has("max_request_size") ? bytes(m.get("max_request_size")) : null;
    Duration retention = m.duration("resolved_retention");
    Duration linksTtl = m.duration("action_links_ttl");
    if (linksTtl != null && linksTtl.isZero()) {
      m.get("action_links_ttl").error("must be longer than 0s: a link that expires at once cannot be followed");
      linksTtl = null;
    }
    Duration reminderAfter = m.duration("silence_reminder_after");
    if (reminderAfter != null && reminderAfter.isNegative()) {
      m.get("silence_reminder_after").error("must not be negative");
      reminderAfter = null;
    }
    Optional<AccessSettings> access = m.has("auth") ? Optional.of(AccessParser.parse(m.get("auth"))) : Optional.empty();
    if (access.isPresent()) {
      for (String legacy : new String[] {"intake_auth", "admin_auth"}) {
        if (m.has(legacy)) {
          m.get(legacy).error("cannot be combined with server.auth: give these credentials a token under"
              + " server.auth.tokens (role " + (legacy.equals("intake_auth") ? "intake" : "admin") + ") instead");
        }
      }
    }
    return new ServerSettings(
        size == null ? ServerSettings.DEFAULT_MAX_REQUEST_BYTES : size,
        retention == null ? ServerSettings.DEFAULT_RESOLVED_RETENTION : retention,
        access.isPresent() ? Optional.empty() : auth(m, "intake_auth"),
        access.isPresent() ? Optional.empty() : auth(m, "admin_auth"),
        access,
        capture(m),
        linksTtl == null ? ServerSettings.DEFAULT_ACTION_LINKS_TTL : linksTtl,
        reminderAfter == null ? ServerSettings.DEFAULT_SILENCE_REMINDER_AFTER : reminderAfter);
  }

  /** {@code capture: {enabled, max_age, max_size}}; every key optional. */
  private static CaptureSettings capture(YamlMap server) {
    if (!server.has("capture")) {
      return CaptureSettings.defaults();
    }
    YamlMap c = server.get("capture").mapping();
    c.allow("enabled", "max_age", "max_size");
    boolean enabled = c.bool("enabled", true);
    Duration age = c.duration("max_age");
    if (age != null && (age.isZero() || age.isNegative())) {
      c.get("max_age").error("must be positive");
      age = null;
    }
    Long size = c.has("max_size") ? bytes(c.get("max_size")) : null;
    return new CaptureSettings(enabled, age == null ? CaptureSettings.DEFAULT_MAX_AGE : age,
        size == null ? CaptureSettings.DEFAULT_MAX_BYTES : size);
  }

  /** A positive size: bytes, or a number with KB, MB, GB (powers of 1000) or KiB, MiB, GiB (powers of 1024). */
  static Long bytes(Value v) {
    String text = v.text();
    if (text == null) {
      return null;
    }
    Matcher m = SIZE.matcher(text);
    if (m.matches()) {
      long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
        case "KB" -> 1000L;
        case "MB" -> 1000L * 1000;
        case "GB" -> 1000L * 1000 * 1000;
        case "KiB" -> 1024L;
        case "MiB" -> 1024L * 1024;
        case "GiB" -> 1024L * 1024 * 1024;
        default -> 1L;
      };
      try {
        long n = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        if (n > 0) {
          return n;
        }
      } catch (ArithmeticException | NumberFormatException e) {
        // reported below
      }
    }
    v.error("expected a positive size such as 1048576, 512KiB or 10MiB, found \"" + text + "\"");
    return null;
  }

  /** Exactly one of bearer_token, bearer_token_file and basic_auth. */
  private static Optional<HttpAuth> auth(YamlMap server, String key) {
    if (!server.has(key)) {
      return Optional.empty();
    }
    YamlMap m = server.get(key).mapping();
    m.allow("bearer_token", "bearer_token_file", "basic_auth");
    int forms = (m.has("bearer_token") ? 1 : 0) + (m.has("bearer_token_file") ? 1 : 0) + (m.has("basic_auth") ? 1 : 0);
    if (forms != 1) {
      server.get(key).error("exactly one of bearer_token, bearer_token_file and basic_auth must be configured");
      return Optional.empty();
    }
    if (m.has("basic_auth")) {
      YamlMap b = m.get("basic_auth").mapping();
      if (!SecretReader.configured(b, "password")) {
        b.missing("password", "basic_auth needs password or password_file");
        return Optional.empty();
      }
      return HttpConfigParser.basicAuth(b);
    }
    return SecretReader.read(m, "bearer_token", SecretReader.WhenUnset.ERROR).map(HttpAuth.Bearer::new);
  }
}
