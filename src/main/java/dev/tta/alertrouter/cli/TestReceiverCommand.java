package dev.tta.alertrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tta.alertrouter.ConfigException;
import dev.tta.alertrouter.ReceiverTests;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.notify.ReceiverCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code test-receiver NAME [label=value…]}: one synthetic alert through every integration of a
 * receiver, one line per integration: delivered, failed (and why), or dry-run (and the payload).
 * With {@code --url} a running server sends it (its credentials, its metrics); else this command
 * sends it itself from {@code --config}.
 */
@Command(name = "test-receiver", mixinStandardHelpOptions = true,
    description = "Send one test notification through every integration of a receiver and say how each went.")
final class TestReceiverCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The receiver.")
  String receiver;

  @Parameters(index = "1..*", paramLabel = "label=value",
      description = "Labels of the test alert. Default: alertname=" + ReceiverCheck.DEFAULT_ALERTNAME)
  List<String> labels = new ArrayList<>();

  @Option(names = "--config", paramLabel = "PATH", defaultValue = "routing-rules/",
      description = "The configuration, when no --url is given. Default: ${DEFAULT-VALUE}")
  String config;

  @Option(names = "--url", description = "Ask this running server to send it instead (admin credentials: --authorization).")
  Optional<URI> url;

  @Option(names = "--authorization", description = "The Authorization header for --url, e.g. 'Basic …'.")
  Optional<String> authorization;

  @Option(names = "--dry-run", description = "Render each message instead of sending it (without --url).")
  boolean dryRun;

  @Option(names = "--external-url", defaultValue = "http://127.0.0.1:9095",
      description = "The base of links in the message, without --url. Default: ${DEFAULT-VALUE}")
  URI externalUrl;

  private final Map<String, String> environment;

  TestReceiverCommand() {
    this(System.getenv());
  }

  TestReceiverCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> given = new TreeMap<>();
    for (String pair : labels) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || !Labels.isValidName(pair.substring(0, eq))) {
        err.println("expected label=value with a valid label name, found \"" + pair + "\"");
        return 2;
      }
      given.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return url.isPresent() ? viaServer(given, out, err) : locally(given, out, err);
  }

  private int locally(Map<String, String> given, PrintWriter out, PrintWriter err) {
    ReceiverTests tests;
    try {
      tests = ReceiverTests.standalone(Path.of(config), externalUrl, dryRun, environment);
    } catch (ConfigException e) {
      e.errors().forEach(err::println);
      return 1;
    }
    Optional<List<ReceiverCheck.Result>> results = tests.test(receiver, Labels.of(given));
    if (results.isEmpty()) {
      err.println("no receiver " + receiver + " in " + config + "; receivers: " + String.join(", ", tests.receivers()));
      return 1;
    }
    boolean failed = false;
    for (ReceiverCheck.Result r : results.get()) {
      print(out, r.integration(), r.outcome().wireName(), r.detail());
      failed |= r.outcome() == ReceiverCheck.Outcome.FAILED;
    }
    if (results.get().isEmpty()) {
      out.println("receiver " + receiver + " has no integrations");
    }
    return failed ? 1 : 0;
  }

  private int viaServer(Map<String, String> given, PrintWriter out, PrintWriter err) {
    String base = url.get().toString().replaceAll("/+$", "");
    URI endpoint = URI.create(base + "/api/v1/receivers/"
        + URLEncoder.encode(receiver, StandardCharsets.UTF_8).replace("+", "%20") + "/test");
    ObjectNode body = JSON.createObjectNode();
    ObjectNode labelsNode = body.putObject("labels");
    given.forEach(labelsNode::put);
    HttpResponse<String> response;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
      authorization.ifPresent(a -> request.header("Authorization", a));
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | IllegalArgumentException e) {
      err.println("cannot ask " + base + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.body());
    } catch (IOException e) {
      err.println(endpoint + " answered " + response.statusCode() + " with a body that is not JSON");
      return 1;
    }
    if (response.statusCode() != 200) {
      err.println("the server answered " + response.statusCode() + ": " + answer.path("errors"));
      return 1;
    }
    boolean failed = false;
    for (JsonNode r : answer.path("data").path("integrations")) {
      String outcome = r.path("outcome").asText();
      print(out, r.path("integration").asText(), outcome, r.path("failed".equals(outcome) ? "reason" : "payload").asText(""));
      failed |= "failed".equals(outcome);
    }
    return failed ? 1 : 0;
  }

  private static void print(PrintWriter out, String integration, String outcome, String detail) {
    out.println(integration + "  " + outcome + (detail.isEmpty() ? "" : ": " + detail));
  }
}
