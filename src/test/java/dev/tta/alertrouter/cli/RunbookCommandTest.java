package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.http.RunbookRoutes;
import dev.tta.alertrouter.runbook.RunbookLoader;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.runbook.UrlTemplate;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunbookCommandTest {
  private static final String EXTERNAL = "https://alerts.tta.dev/";
  private static final Path SHIPPED_RUNBOOKS = Path.of("runbooks");

  private static final String MINIMAL_CONFIG = "route:\n  receiver: default\nreceivers:\n  - name: default\n";

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run runbook(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = RootCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("runbook"));
    all.addAll(List.of(args));
    int code = cl.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  /** The same labels through the HTTP lookup and through the command: same URL, or none for both. */
  private static void assertAgree(Javalin server, Path config, List<String> labels) throws Exception {
    String query = labels.stream().map(l -> {
      int eq = l.indexOf('=');
      return l.substring(0, eq) + "=" + URLEncoder.encode(l.substring(eq + 1), StandardCharsets.UTF_8);
    }).collect(Collectors.joining("&"));
    HttpResponse<String> api = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/runbooks/lookup?" + query)).build(),
        HttpResponse.BodyHandlers.ofString());
    List<String> args = new ArrayList<>(List.of("--runbooks", SHIPPED_RUNBOOKS.toString(), "--config", config.toString(),
        "--external-url", EXTERNAL));
    args.addAll(labels);
    Run cli = runbook(args.toArray(String[]::new));
    if (api.statusCode() == 200) {
      assertEquals(0, cli.exitCode(), labels + ": " + cli.err());
      assertEquals(new ObjectMapper().readTree(api.body()).get("url").asText() + "\n", cli.out(), labels.toString());
    } else {
      assertEquals(404, api.statusCode(), labels + ": " + api.body());
      assertEquals(1, cli.exitCode(), labels + ": " + cli.out());
      assertEquals("", cli.out());
      assertEquals(new ObjectMapper().readTree(api.body()).get("error").asText() + "\n", cli.err());
    }
  }

  private static Javalin serve(Optional<UrlTemplate> template) {
    RunbookResolver resolver = new RunbookResolver(RunbookLoader.load(SHIPPED_RUNBOOKS).runbooks().orElseThrow(),
        template, URI.create(EXTERNAL));
    return Javalin.create(new RunbookRoutes(() -> resolver)::register).start("127.0.0.1", 0);
  }

  private static final List<List<String>> INPUTS = List.of(
      List.of("alertname=TTAServiceDown", "service=api", "severity=critical"),
      List.of("alertname=TTAServiceDown", "service=database"),
      List.of("alertname=TTACacheHitRateLow", "team=cost-optimization"),
      List.of("alertname=DeploymentCompleted", "service=web", "severity=info"),
      List.of("alertname=Disk Full/..", "service=a b"),
      List.of("alertname=DeploymentCompleted"));

  @Test
  void commandAndLookupAgreeWithTheShippedConfig() throws Exception {
    Javalin server = serve(Optional.of(UrlTemplate.parse("https://runbooks.tta.dev/{alertname}")));
    try {
      for (List<String> labels : INPUTS) {
        assertAgree(server, Path.of("routing-rules"), labels);
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void commandAndLookupAgreeWhenTheTemplateCannotApply() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"),
        "route:\n  receiver: default\nreceivers:\n  - name: default\nrunbooks:\n  url_template: https://runbooks.tta.dev/{service}/{alertname}\n");
    Javalin server = serve(Optional.of(UrlTemplate.parse("https://runbooks.tta.dev/{service}/{alertname}")));
    try {
      for (List<String> labels : INPUTS) {
        assertAgree(server, config, labels);
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void commandAndLookupAgreeWithoutTemplate() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yml"), MINIMAL_CONFIG);
    Javalin server = serve(Optional.empty());
    try {
      for (List<String> labels : INPUTS) {
        assertAgree(server, config, labels);
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void printsTheLocalRunbookUrl() {
    Run run = runbook("--runbooks", "runbooks", "--config", "routing-rules", "--external-url", "http://alert-router:9095",
        "alertname=TTAHighLatency", "service=\"api\"");
    assertEquals(new Run(0, "http://alert-router:9095/runbooks/high-latency\n", ""), run);
  }

  @Test
  void saysWhyWhenNoRunbookApplies() throws IOException {
    Path config = Files.writeString(dir.resolve("config.yml"), MINIMAL_CONFIG);
    Run run = runbook("--config", config.toString(), "alertname=TTADiskFull");
    assertEquals(new Run(1, "",
        "no runbook for {alertname=\"TTADiskFull\"}: no runbooks/ entry matches; no url_template is configured\n"), run);
  }

  @Test
  void rejectsLabelsWithoutAlertnameOrMalformed() {
    assertEquals(2, runbook("service=api").exitCode());
    assertTrue(runbook("service=api").err().contains("alertname is required"));
    assertTrue(runbook("alertname=X", "not-a-pair").err().contains("expected label=value, got \"not-a-pair\""));
    assertTrue(runbook("alertname=X", "bad-name=1").err().contains("\"bad-name\" is not a valid label name"));
  }

  @Test
  void reportsBrokenRunbooksAndConfigWithFileAndLine() throws IOException {
    Path runbooks = Files.createDirectory(dir.resolve("runbooks"));
    Files.writeString(runbooks.resolve("bad.md"), "---\ntitle: Bad\nowner: platform\nalerts:\n  - '{alertname=~\"(\"}'\n---\n");
    Run broken = runbook("--runbooks", runbooks.toString(), "alertname=X");
    assertEquals(1, broken.exitCode());
    assertTrue(broken.err().startsWith(runbooks.resolve("bad.md") + ":5: alerts[0]: invalid regular expression"), broken.err());

    Path config = Files.writeString(dir.resolve("config.yml"),
        MINIMAL_CONFIG + "runbooks:\n  url_template: ftp://x/{alertname}\n");
    Run badTemplate = runbook("--config", config.toString(), "alertname=X");
    assertEquals(new Run(1, "", config + ": runbooks.url_template: must make absolute http(s) URLs: ftp://x/{alertname}\n"),
        badTemplate);

    Path unknownKey = Files.writeString(dir.resolve("unknown.yml"), MINIMAL_CONFIG + "runbooks:\n  url_templat: x\n");
    Run badConfig = runbook("--config", unknownKey.toString(), "alertname=X");
    assertEquals(1, badConfig.exitCode());
    assertTrue(badConfig.err().startsWith(unknownKey + ":6: runbooks.url_templat: unknown key"), badConfig.err());
  }
}
