package dev.tta.alertrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code explain FINGERPRINT}: asks a running server why an alert went (or did not go) where it
 * went, and prints its decisions one per line, in order.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print the decisions a running server took about one alert: priority, team, routes, muting, group, notifications.")
final class ExplainCommand implements Callable<Integer> {
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,16}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "The alert's fingerprint, as /api/v1/alerts lists it.")
  String fingerprint;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:9095", description = "The server. Default: ${DEFAULT-VALUE}")
  URI url;

  @Option(names = "--json", description = "Print the server's JSON answer as it is.")
  boolean json;

  @Option(names = "--timeout", defaultValue = "PT10S", description = "ISO-8601 duration. Default: ${DEFAULT-VALUE}")
  Duration timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!HEX.matcher(fingerprint).matches()) {
      err.println("FINGERPRINT must be 1 to 16 hex digits, as /api/v1/alerts lists it; found \"" + fingerprint + "\"");
      return 2;
    }
    String base = url.toString().replaceAll("/+$", "");
    URI endpoint = URI.create(base + "/api/v1/alerts/" + fingerprint + "/explain");
    HttpResponse<String> response;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
      response = client.send(HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      err.println("cannot ask " + base + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    if (json) {
      out.println(response.body());
      return response.statusCode() == 200 ? 0 : 1;
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      err.println(endpoint + " answered " + response.statusCode() + " with a body that is not JSON");
      return 1;
    }
    if (response.statusCode() != 200) {
      err.println(errorOf(body, response.statusCode()));
      return 1;
    }
    ExplanationText.print(body.path("data"), out);
    return 0;
  }

  private static String errorOf(JsonNode body, int status) {
    if (body.hasNonNull("error")) {
      return body.get("error").asText();
    }
    StringBuilder sb = new StringBuilder("the server answered " + status);
    body.path("errors").forEach(e -> sb.append(": ").append(e.path("message").asText()));
    return sb.toString();
  }
}
