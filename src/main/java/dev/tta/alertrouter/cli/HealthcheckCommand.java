package dev.tta.alertrouter.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Probes a running server's health endpoint. The container image has no curl, so Docker's
 * HEALTHCHECK runs the jar itself.
 */
@Command(name = "healthcheck", description = "Exit 0 when the server at --url answers 200.")
final class HealthcheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://127.0.0.1:9095/-/healthy", description = "Default: ${DEFAULT-VALUE}")
  URI url;

  @Option(names = "--timeout", defaultValue = "PT5S", description = "ISO-8601 duration. Default: ${DEFAULT-VALUE}")
  Duration timeout;

  @Override
  public Integer call() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        spec.commandLine().getOut().println("healthy");
        return 0;
      }
      spec.commandLine().getErr().println("unhealthy: " + url + " answered " + response.statusCode());
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("unhealthy: " + url + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
