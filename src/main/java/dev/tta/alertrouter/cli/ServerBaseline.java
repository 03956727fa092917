package dev.tta.alertrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code replay --url} without {@code --baseline}: the configuration the server has in force, fetched
 * from {@code GET /api/v1/config/sources} (secrets already masked by the server) and written under a
 * folder, one file per source, so that it loads as the baseline.
 */
final class ServerBaseline {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerBaseline() {}

  /**
   * @param server the server's base URL
   * @param authorization the Authorization header value, or null
   * @param into an empty folder
   * @return what to load: the only file, or {@code into} for several
   * @throws IOException when the server does not answer with the sources, or names a file outside {@code into}
   */
  static Path fetch(URI server, String authorization, Path into) throws IOException, InterruptedException {
    URI sources = URI.create(server.toString().replaceAll("/+$", "") + "/api/v1/config/sources");
    HttpRequest.Builder request = HttpRequest.newBuilder(sources).GET();
    if (authorization != null && !authorization.isBlank()) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(sources + " answered " + response.statusCode());
    }
    JsonNode files = JSON.readTree(response.body()).path("data").path("files");
    if (!files.isObject() || files.isEmpty()) {
      throw new IOException(sources + " named no configuration file");
    }
    Path root = into.toAbsolutePath().normalize();
    Path last = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> file = it.next();
      Path target = root.resolve(file.getKey()).normalize();
      // The names come from the network: none may land outside the folder.
      if (!target.startsWith(root) || target.equals(root)) {
        throw new IOException(sources + " named a file outside the configuration: " + file.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue().asText(), StandardCharsets.UTF_8);
      last = target;
    }
    return files.size() == 1 ? last : root;
  }
}
