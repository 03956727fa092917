package dev.tta.alertrouter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code receivers:} from every file; a name defined twice is an error naming both places. */
final class ReceiverParser {
  private final GlobalConfig global;
  private final Problems problems;
  private final Map<String, Value> names = new LinkedHashMap<>();

  ReceiverParser(GlobalConfig global, Problems problems) {
    this.global = global;
    this.problems = problems;
  }

  List<ReceiverConfig> parseAll(List<Value> items) {
    List<ReceiverConfig> receivers = new ArrayList<>();
    for (Value item : items) {
      ReceiverConfig r = parse(item);
      if (r != null) {
        receivers.add(r);
      }
    }
    return receivers;
  }

  /** Every receiver name defined, with where. */
  Map<String, Value> names() {
    return names;
  }

  private ReceiverConfig parse(Value v) {
    YamlMap m = v.mapping();
    for (String unsupported : UnsupportedIntegrations.KEYS) {
      m.reject(UnsupportedIntegrations.message(unsupported), unsupported);
    }
    m.allow("name", "slack_configs", "pagerduty_configs", "email_configs", "webhook_configs", "msteams_configs",
        "msteamsv2_configs", "opsgenie_configs", "discord_configs", "telegram_configs", "shadow", "digest");
    Value nameValue = m.get("name");
    String name = nameValue == null ? null : nameValue.text();
    if (name == null || name.isEmpty()) {
      if (nameValue == null) {
        m.missing("name", "missing name in receiver");
      } else if (name != null) {
        nameValue.error("missing name in receiver");
      }
      return null;
    }
    Value previous = names.putIfAbsent(name, nameValue);
    if (previous != null) {
      nameValue.error("receiver \"" + name + "\" is defined twice (first at " + previous.location() + ")");
    }
    ReceiverScope scope = new ReceiverScope(name, global, problems);
    return new ReceiverConfig(
        name,
        integrations(m, "slack_configs", (item, key) -> SlackParser.parse(item, key, scope)),
        integrations(m, "pagerduty_configs", (item, key) -> PagerDutyParser.parse(item, key, scope)),
        integrations(m, "email_configs", (item, key) -> EmailParser.parse(item, key, scope)),
        integrations(m, "webhook_configs", (item, key) -> WebhookParser.parse(item, key, scope)),
        teams(m, scope),
        integrations(m, "opsgenie_configs", (item, key) -> OpsgenieParser.parse(item, key, scope)),
        integrations(m, "discord_configs", (item, key) -> DiscordParser.parse(item, key, scope)),
        integrations(m, "telegram_configs", (item, key) -> TelegramParser.parse(item, key, scope)),
        m.bool("shadow", false),
        digest(m),
        v.location());
  }

  /** {@code digest: {max_per_interval, interval}}: both optional, the defaults 10 and 5m. */
  private static Optional<DigestConfig> digest(YamlMap receiver) {
    Value v = receiver.get("digest");
    if (v == null) {
      return Optional.empty();
    }
    YamlMap d = v.mapping();
    d.allow("max_per_interval", "interval");
    int max = DigestConfig.DEFAULT_MAX_PER_INTERVAL;
    Value maxValue = d.get("max_per_interval");
    Long given = maxValue == null ? null : maxValue.integer();
    if (given != null) {
      if (given < 1 || given > Integer.MAX_VALUE) {
        maxValue.error("must be at least 1, found " + given);
      } else {
        max = given.intValue();
      }
    }
    Duration interval = d.duration("interval");
    if (interval != null && (interval.isZero() || interval.isNegative())) {
      d.get("interval").error("must be positive");
      interval = null;
    }
    return Optional.of(new DigestConfig(max, interval == null ? DigestConfig.DEFAULT_INTERVAL : interval, v.location()));
  }

  private static List<MSTeamsConfig> teams(YamlMap m, ReceiverScope scope) {
    List<MSTeamsConfig> teams = new ArrayList<>(
        integrations(m, "msteams_configs", (item, key) -> MSTeamsParser.parse(item, key, scope, false)));
    teams.addAll(integrations(m, "msteamsv2_configs", (item, key) -> MSTeamsParser.parse(item, key, scope, true)));
    return teams;
  }

  private interface IntegrationParser<T> {
    T parse(Value item, String localKey);
  }

  private static <T> List<T> integrations(YamlMap m, String section, IntegrationParser<T> parser) {
    List<Value> items = m.list(section);
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(parser.parse(items.get(i), section + "[" + i + "]"));
    }
    return out;
  }
}
