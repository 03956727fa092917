package dev.tta.alertrouter.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration files as written, merged as the loader merges them (mappings key by key, lists
 * concatenated) and with every secret replaced by {@code <secret>}, as Alertmanager's
 * {@code config.String()} masks its {@code Secret} fields: what {@code GET /api/v2/status} shows as
 * {@code config.original}. Environment references stay unexpanded.
 */
public final class MaskedConfig {
  /** Alertmanager's mask for a set secret. */
  public static final String MASK = "<secret>";

  /** Keys whose value is a secret wherever they appear. */
  static final Set<String> SECRET_KEYS = Set.of(
      "slack_api_url", "webhook_url", "smtp_auth_password", "smtp_auth_secret", "opsgenie_api_key", "victorops_api_key",
      "wechat_api_secret", "service_key", "routing_key", "auth_password", "auth_secret", "password",
      "credentials", "bearer_token", "client_secret", "bot_token", "api_key", "api_secret", "token", "user_key",
      "webhook_signing_secret", "pagerduty_webhook_signing_secret", "signing_secret", "slack_signing_secret");
  /** Keys that are secret only inside these lists ({@code slack_configs[].api_url}, {@code webhook_configs[].url}). */
  static final Map<String, Set<String>> SECRET_IN = Map.of(
      "slack_configs", Set.of("api_url"), "webhook_configs", Set.of("url"));

  static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private MaskedConfig() {}

  /**
   * @param sources the files of a loaded configuration ({@link RouterConfig#sources()})
   * @throws UncheckedIOException when a file cannot be read any more
   */
  public static String of(List<Path> sources) {
    ObjectNode merged = YAML.createObjectNode();
    for (Path file : sources) {
      try {
        JsonNode tree = YAML.readTree(file.toFile());
        if (tree instanceof ObjectNode object) {
          merge(merged, object);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + file, e);
      }
    }
    mask(merged, Set.of());
    maskTracingHeaders(merged);
    try {
      return YAML.writeValueAsString(merged);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tracing.headers} may carry any header name, and often an API key: every value is masked. */
  private static void maskTracingHeaders(ObjectNode merged) {
    if (merged.get("tracing") instanceof ObjectNode tracing && tracing.get("headers") instanceof ObjectNode headers) {
      List<String> names = new java.util.ArrayList<>();
      headers.fieldNames().forEachRemaining(names::add);
      names.forEach(name -> headers.put(name, MASK));
    }
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode held = into.get(e.getKey());
      if (held instanceof ObjectNode heldObject && e.getValue() instanceof ObjectNode added) {
        merge(heldObject, added);
      } else if (held instanceof ArrayNode heldArray && e.getValue() instanceof ArrayNode added) {
        heldArray.addAll(added);
      } else {
        into.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  private static void mask(JsonNode node, Set<String> alsoSecret) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if ((SECRET_KEYS.contains(key) || alsoSecret.contains(key)) && value.isValueNode() && !value.isNull()
            && !value.asText().isEmpty()) {
          e.setValue(TextNode.valueOf(MASK));
        } else {
          mask(value, SECRET_IN.getOrDefault(key, Set.of()));
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(item -> mask(item, alsoSecret));
    }
  }
}
