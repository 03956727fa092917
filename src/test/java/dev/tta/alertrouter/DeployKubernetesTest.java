package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.runbook.RunbookLoadResult;
import dev.tta.alertrouter.runbook.RunbookLoader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/k8s: the base and the four stage overlays, read as YAML and, where kubectl is, built. */
class DeployKubernetesTest {
  private static final Path K8S = Path.of("deploy", "k8s");
  private static final ObjectMapper YAML = new YAMLMapper();

  private static JsonNode read(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }

  private static List<JsonNode> readAll(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class)
        .readValues(new YAMLFactory().createParser(yaml))) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  private static JsonNode generator(JsonNode kustomization, String name) {
    for (JsonNode g : kustomization.path("configMapGenerator")) {
      if (name.equals(g.path("name").asText())) {
        return g;
      }
    }
    throw new AssertionError("no configMapGenerator " + name + " in " + kustomization);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"development, 5m, 1", "testing, 15m, 1", "staging, 1h, 2", "production, 12h, 2"})
  void eachOverlayBuildsOnTheBaseAndSetsReplicasResourcesAndRetention(String stage, String retention, int replicas)
      throws IOException {
    Path dir = K8S.resolve("overlays").resolve(stage);
    JsonNode k = read(dir.resolve("kustomization.yaml"));

    assertEquals("../../base", k.path("resources").get(0).asText());
    assertEquals("alert-router", k.path("replicas").get(0).path("name").asText());
    assertEquals(replicas, k.path("replicas").get(0).path("count").asInt(),
        "one on SQLite, or two sharing PostgreSQL (components/postgres-ha)");
    assertEquals(replicas > 1, k.path("components").toString().contains("../../components/postgres-ha"), stage);
    assertEquals(stage, k.path("images").get(0).path("newTag").asText());

    JsonNode patch = readAll(Files.readString(dir.resolve(k.path("patches").get(0).path("path").asText()))).get(0);
    JsonNode resources = patch.at("/spec/template/spec/containers/0/resources");
    assertEquals("alert-router", patch.at("/spec/template/spec/containers/0/name").asText());
    assertTrue(resources.at("/requests/cpu").isTextual() && resources.at("/requests/memory").isTextual(), stage);
    assertTrue(resources.at("/limits/memory").isTextual(), stage);

    JsonNode rules = generator(k, "alert-router-routing-rules");
    assertEquals("merge", rules.path("behavior").asText());
    JsonNode stageFile = read(dir.resolve(rules.path("files").get(0).asText()));
    assertEquals(retention, stageFile.at("/server/resolved_retention").asText());
    JsonNode env = generator(k, "alert-router-env");
    assertTrue(env.path("literals").toString().contains("ALERT_ROUTER_EXPLAIN_CACHE_SIZE="), env.toString());
  }

  @Test
  void theBaseShipsEveryRunbookAndEveryRoutingRulesFile() throws IOException {
    JsonNode k = read(K8S.resolve("base/kustomization.yaml"));
    Set<String> shipped = new TreeSet<>();
    for (String name : List.of("alert-router-routing-rules", "alert-router-runbooks")) {
      for (JsonNode f : generator(k, name).path("files")) {
        String source = f.asText().contains("=") ? f.asText().substring(f.asText().indexOf('=') + 1) : f.asText();
        Path file = K8S.resolve("base").resolve(source).normalize();
        assertTrue(Files.isRegularFile(file), file + " exists");
        shipped.add(file.toString());
      }
    }

    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("routing-rules")), Files.list(Path.of("runbooks")))) {
      files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".md"))
          // tests.yml holds routing test cases, which the loader skips; README.md is not a runbook.
          .filter(p -> !p.getFileName().toString().equals("tests.yml") && !p.getFileName().toString().equals("README.md"))
          .forEach(p -> expected.add(p.normalize().toString()));
    }
    assertEquals(expected, shipped);
  }

  @Test
  void theDeploymentProbesHealthAndReadinessRunsAsNonRootAndMountsWhatItsArgumentsName() throws IOException {
    JsonNode d = read(K8S.resolve("base/deployment.yaml"));
    JsonNode pod = d.at("/spec/template/spec");
    JsonNode c = pod.at("/containers/0");

    assertEquals("/-/ready", c.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/-/healthy", c.at("/livenessProbe/httpGet/path").asText());
    assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
    assertEquals(10001, pod.at("/securityContext/runAsUser").asInt(), "the Dockerfile's user");
    assertTrue(c.at("/securityContext/readOnlyRootFilesystem").asBoolean());
    assertEquals(false, c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
    assertEquals("alert-router", pod.at("/serviceAccountName").asText());
    assertEquals("Recreate", d.at("/spec/strategy/type").asText());

    List<String> args = new ArrayList<>();
    c.path("args").forEach(a -> args.add(a.asText()));
    assertEquals("serve", args.get(0));
    Map<String, String> mounts = new java.util.HashMap<>();
    c.path("volumeMounts").forEach(m -> mounts.put(m.path("mountPath").asText(), m.path("name").asText()));
    Map<String, JsonNode> volumes = new java.util.HashMap<>();
    pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
    assertEquals("alert-router-routing-rules", volumes.get(mounts.get(value(args, "--config"))).at("/configMap/name").asText());
    assertEquals("alert-router-runbooks", volumes.get(mounts.get(value(args, "--runbooks"))).at("/configMap/name").asText());
    assertEquals("alert-router-data", volumes.get(mounts.get(value(args, "--data"))).at("/persistentVolumeClaim/claimName").asText());
  }

  private static String value(List<String> args, String option) {
    return args.stream().filter(a -> a.startsWith(option + "=")).map(a -> a.substring(option.length() + 1))
        .findFirst().orElseThrow(() -> new AssertionError(option + " not in " + args));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"development, PT5M", "testing, PT15M", "staging, PT1H", "production, PT12H"})
  void eachOverlayBuildsAndItsRulesAndRunbooksLoad(String stage, Duration retention, @TempDir Path dir) throws Exception {
    Path kubectl = onPath("kubectl").orElse(null);
    Assumptions.assumeTrue(kubectl != null, "kubectl not on PATH: the manifests were only read as YAML");
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", "--load-restrictor", "LoadRestrictionsNone",
        K8S.resolve("overlays").resolve(stage).toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String built = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), built);

    Path rules = Files.createDirectories(dir.resolve("routing-rules"));
    Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
    JsonNode deployment = null;
    for (JsonNode doc : readAll(built)) {
      String name = doc.at("/metadata/name").asText();
      assertEquals("monitoring", doc.at("/metadata/namespace").asText(), name);
      if (name.startsWith("alert-router-routing-rules-")) {
        doc.path("data").fields().forEachRemaining(e -> write(rules.resolve(e.getKey()), e.getValue().asText()));
      } else if (name.startsWith("alert-router-runbooks-")) {
        doc.path("data").fields().forEachRemaining(e -> write(runbooks.resolve(e.getKey()), e.getValue().asText()));
      } else if ("Deployment".equals(doc.path("kind").asText())) {
        deployment = doc;
      }
    }
    assertEquals("alert-router:" + stage, deployment.at("/spec/template/spec/containers/0/image").asText());
    String rulesVolume = "";
    for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
      if ("routing-rules".equals(volume.path("name").asText())) {
        rulesVolume = volume.at("/configMap/name").asText();
      }
    }
    assertTrue(rulesVolume.startsWith("alert-router-routing-rules-"),
        "the pod mounts the hashed ConfigMap, so a rule change rolls it");

    LoadResult loaded = new ConfigLoader(Map.of()).load(rules);
    assertTrue(loaded.ok(), loaded.errors().toString());
    assertEquals(retention, loaded.config().server().resolvedRetention());
    assertEquals(Set.of("critical-alerts", "default", "platform-team", "cost-team", "watchdog"),
        Set.copyOf(loaded.config().receivers().stream().map(r -> r.name()).toList()));
    assertEquals(List.of("prometheus-tta-production"),
        loaded.config().heartbeats().stream().map(h -> h.name()).toList(), "the Watchdog heartbeat ships");
    RunbookLoadResult books = RunbookLoader.load(runbooks);
    assertTrue(books.ok(), books.errors().toString());
    assertEquals(13, books.runbooks().orElseThrow().all().size());
  }

  /**
   * Staging and production, built: two replicas that never share a node, are evicted one at a time,
   * are named after their pods and read the store's URL from a Secret; no volume claim (two pods
   * could not share it). Development and testing: one replica on SQLite under its volume.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"development, false", "testing, false", "staging, true", "production, true"})
  void theStagesThatPageRunTwoReplicasOnPostgresqlTheOthersOneOnSqlite(String stage, boolean ha) throws Exception {
    Path kubectl = onPath("kubectl").orElse(null);
    Assumptions.assumeTrue(kubectl != null, "kubectl not on PATH: the manifests were only read as YAML");
    Process p = new ProcessBuilder(kubectl.toString(), "kustomize", "--load-restrictor", "LoadRestrictionsNone",
        K8S.resolve("overlays").resolve(stage).toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String built = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), built);
    Map<String, JsonNode> byKind = new java.util.HashMap<>();
    for (JsonNode doc : readAll(built)) {
      byKind.put(doc.path("kind").asText(), doc);
    }
    JsonNode deployment = byKind.get("Deployment");
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    Map<String, JsonNode> env = new java.util.HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    Map<String, JsonNode> volumes = new java.util.HashMap<>();
    pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));

    assertEquals("/-/ready", container.at("/readinessProbe/httpGet/path").asText(), "readiness includes the store");
    if (!ha) {
      assertEquals(1, deployment.at("/spec/replicas").asInt());
      assertEquals("Recreate", deployment.at("/spec/strategy/type").asText(), "never two on one SQLite file");
      assertTrue(byKind.containsKey("PersistentVolumeClaim"));
      assertTrue(volumes.get("data").has("persistentVolumeClaim"));
      assertTrue(!env.containsKey("ALERT_ROUTER_STORE_URL") && args.stream().noneMatch(a -> a.startsWith("--store")));
      return;
    }
    assertEquals(2, deployment.at("/spec/replicas").asInt());
    assertTrue(args.contains("--replica=$(POD_NAME)"), args.toString());
    assertEquals("metadata.name", env.get("POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText());
    assertEquals("alert-router-postgres", env.get("ALERT_ROUTER_STORE_URL").at("/valueFrom/secretKeyRef/name").asText());
    assertTrue(args.stream().noneMatch(a -> a.startsWith("--store")), "the URL holds a password: never in args");
    JsonNode antiAffinity = pod.at("/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0");
    assertEquals("kubernetes.io/hostname", antiAffinity.path("topologyKey").asText());
    assertEquals(deployment.at("/spec/selector/matchLabels"), antiAffinity.at("/labelSelector/matchLabels"));
    JsonNode budget = byKind.get("PodDisruptionBudget");
    assertEquals(1, budget.at("/spec/minAvailable").asInt());
    assertEquals(deployment.at("/spec/selector/matchLabels"), budget.at("/spec/selector/matchLabels"));
    assertEquals("RollingUpdate", deployment.at("/spec/strategy/type").asText());
    assertEquals(0, deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt(), "no third node needed to roll");
    assertTrue(!byKind.containsKey("PersistentVolumeClaim") && volumes.get("data").has("emptyDir"),
        "state is in PostgreSQL; --data holds only the capture");
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String binary) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, binary)).filter(Files::isExecutable).findFirst();
  }
}
