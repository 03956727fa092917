package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.ConfigException;
import dev.tta.alertrouter.Replayer;
import dev.tta.alertrouter.config.Durations;
import dev.tta.alertrouter.replay.CaptureSource;
import dev.tta.alertrouter.replay.DiffReport;
import dev.tta.alertrouter.replay.ReplayDiff;
import dev.tta.alertrouter.replay.ReplayRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: a candidate configuration and the baseline, each run over the same captured
 * payloads on their recorded timeline, and what differs between the two.
 */
@Command(name = "replay", description = "Replay captured intake through a candidate and a baseline configuration and print what differs.")
final class ReplayCommand implements Callable<Integer> {
  /** The Authorization header value for --url (a server with server.admin_auth), from the environment. */
  static final String AUTHORIZATION_ENV = "ALERT_ROUTER_AUTHORIZATION";

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, description = "The candidate configuration: a YAML file or a folder.")
  Path candidate;

  @Option(names = "--baseline", description = "The configuration in force (a file or a folder), e.g. the main branch's routing-rules/. "
      + "Default with --url: the server's own (GET /api/v1/config/sources, secrets masked).")
  Path baseline;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--capture", description = "An NDJSON capture (capture export, or GET /api/v1/capture).")
    Path capture;

    @Option(names = "--url", description = "A running server to download the capture from (GET /api/v1/capture; "
        + "the Authorization header from $" + AUTHORIZATION_ENV + ").")
    URI url;
  }

  @Option(names = "--since", description = "With --url: an RFC 3339 time or a duration (24h). Default: everything the server holds.")
  String since;

  @Option(names = "--tail", defaultValue = "10m", description = "How long the timeline runs on after the last payload. Default: ${DEFAULT-VALUE}")
  String tail;

  @Option(names = "--json", description = "Print the difference as JSON.")
  boolean json;

  @Option(names = "--expect-no-change", description = "Exit 1 when anything differs (for CI).")
  boolean expectNoChange;

  @Option(names = "--limit", defaultValue = "50", description = "Lines shown per alert list and per receiver (text). Default: ${DEFAULT-VALUE}")
  int limit;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path downloaded = null;
    Path serverConfig = null;
    try {
      if (baseline == null && input.url == null) {
        err.println("replay: --baseline is needed with --capture (only --url can supply the server's own configuration)");
        return 2;
      }
      Duration tailDuration = Durations.parse(tail);
      Path file = input.capture;
      if (file == null) {
        downloaded = Files.createTempFile("alert-router-capture", ".ndjson");
        download(downloaded);
        file = downloaded;
      }
      Map<String, String> env = System.getenv();
      Path baselineConfig = baseline;
      if (baselineConfig == null) {
        serverConfig = Files.createTempDirectory("alert-router-baseline");
        baselineConfig = ServerBaseline.fetch(input.url, System.getenv(AUTHORIZATION_ENV), serverConfig);
      }
      Replayer base = Replayer.load(baselineConfig, env);
      Replayer cand = Replayer.load(candidate, env);
      long started = System.nanoTime();
      ReplayRun before = base.run(CaptureSource.ofFile(file), tailDuration);
      ReplayRun after = cand.run(CaptureSource.ofFile(file), tailDuration);
      ReplayDiff diff = ReplayDiff.of(before, after);
      if (json) {
        out.println(DiffReport.json(diff));
        out.flush();
      } else {
        DiffReport.text(diff, out, limit);
        err.printf("replayed %d payloads (%s to %s) twice in %.1f s%n", before.payloads(), before.from(), before.to(),
            (System.nanoTime() - started) / 1e9);
        err.flush();
      }
      return expectNoChange && diff.differs() ? 1 : 0;
    } catch (ConfigException e) {
      e.errors().forEach(err::println);
      return 2;
    } catch (IllegalArgumentException | IOException e) {
      err.println("replay: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    } finally {
      deleteQuietly(downloaded);
      deleteQuietly(serverConfig);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(temporary)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary file or folder
    }
  }

  private void download(Path to) throws IOException, InterruptedException {
    String base = input.url.toString().replaceAll("/+$", "");
    String query = since == null ? "" : "?since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/capture" + query)).GET();
    String authorization = System.getenv(AUTHORIZATION_ENV);
    if (authorization != null && !authorization.isBlank()) {
      request.header("Authorization", authorization);
    }
    HttpResponse<Path> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofFile(to));
    if (response.statusCode() != 200) {
      throw new IOException(base + "/api/v1/capture answered " + response.statusCode());
    }
  }
}
