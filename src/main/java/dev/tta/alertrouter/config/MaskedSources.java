package dev.tta.alertrouter.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration files one by one, each with every secret replaced by a placeholder that still
 * loads, so that another machine can replay traffic through the configuration in force
 * ({@code replay --url} without {@code --baseline}) while no credential leaves the server. Unlike
 * {@link MaskedConfig} (Alertmanager's {@code <secret>} mask, for reading), a masked URL stays a URL
 * and a {@code *_file} secret becomes an inline placeholder, since the file is not on that machine.
 * {@code tls_config} is left out for the same reason: a replay sends nothing, so it needs no
 * certificates. Files are named relative to the configuration root, as {@code routes show} names them.
 */
public final class MaskedSources {
  /** What a masked secret becomes; it names no credential. */
  public static final String PLACEHOLDER = "masked-by-alert-router";
  /** What a masked secret URL becomes: a URL on a reserved domain that never resolves. */
  public static final String PLACEHOLDER_URL = "https://masked.invalid/" + PLACEHOLDER;

  /** Secret keys whose value must be a URL to load. */
  private static final Set<String> URL_KEYS = Set.of("slack_api_url", "webhook_url", "api_url", "url");
  private static final String FILE_SUFFIX = "_file";

  private MaskedSources() {}

  /**
   * @param root the configuration as given to {@code serve --config} (a file or a folder)
   * @param sources the files of the loaded configuration ({@link RouterConfig#sources()})
   * @return YAML text by path relative to {@code root} (a file root: its own name), in load order
   * @throws UncheckedIOException when a file cannot be read any more
   */
  public static Map<String, String> of(Path root, List<Path> sources) {
    Map<String, String> out = new LinkedHashMap<>();
    Path base = Files.isDirectory(root) ? root.toAbsolutePath().normalize() : null;
    for (Path file : sources) {
      Path absolute = file.toAbsolutePath().normalize();
      String name = base != null && absolute.startsWith(base)
          ? base.relativize(absolute).toString().replace('\\', '/')
          : absolute.getFileName().toString();
      try {
        JsonNode tree = MaskedConfig.YAML.readTree(absolute.toFile());
        mask(tree, Set.of());
        out.put(name, tree == null || tree.isMissingNode() ? "" : MaskedConfig.YAML.writeValueAsString(tree));
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + name, e);
      }
    }
    return out;
  }

  private static void mask(JsonNode node, Set<String> alsoSecret) {
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode value = object.get(key);
        String secretKey = key.endsWith(FILE_SUFFIX) ? key.substring(0, key.length() - FILE_SUFFIX.length()) : key;
        boolean secret = MaskedConfig.SECRET_KEYS.contains(secretKey) || alsoSecret.contains(secretKey)
            || secretKey.equals("proxy_url"); // may carry user:password@
        if (key.equals("tls_config")) {
          object.remove(key);
        } else if (secret && value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
          object.remove(key);
          object.set(secretKey, TextNode.valueOf(isUrl(secretKey) ? PLACEHOLDER_URL : PLACEHOLDER));
        } else {
          mask(value, MaskedConfig.SECRET_IN.getOrDefault(key, Set.of()));
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(item -> mask(item, alsoSecret));
    }
  }

  private static boolean isUrl(String key) {
    return URL_KEYS.contains(key) || key.endsWith("_url");
  }
}
