package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * No Docker engine runs here, so the image is checked by reading: it must package the jar that
 * {@code mvn package} makes and run the same {@code serve} command as README, through the same
 * launcher ({@code bin/alert-router}), with options the command really has.
 */
class DockerfileTest {
  private static final Path ROOT = Path.of("");

  @Test
  void copiesTheJarThatMavenPackageMakes() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    assertTrue(finalName.find(), "pom.xml names the jar");
    String jar = "target/" + finalName.group(1) + ".jar";

    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("RUN mvn -B -q package -DskipTests"), "the build stage runs mvn package");
    Matcher copy = Pattern.compile("COPY --from=build /src/(\\S+) (\\S+)").matcher(dockerfile);
    assertTrue(copy.find(), "the run stage copies from the build stage");
    assertEquals(jar, copy.group(1));
    // The launcher looks for the jar beside its own folder (bin/../alert-router.jar).
    Path launcher = Path.of(entrypoint(dockerfile));
    assertTrue(dockerfile.contains("COPY bin/alert-router " + launcher), "the entrypoint is README's launcher");
    assertEquals(Path.of(copy.group(2)), launcher.getParent().getParent().resolve(Path.of(jar).getFileName()),
        "the launcher finds the copied jar");
  }

  @Test
  void runsTheSameServeCommandAsReadme() throws IOException {
    List<String> dockerArgs = jsonArray(Files.readString(ROOT.resolve("Dockerfile")), "CMD");
    List<String> readmeArgs = readmeServeArgs(Files.readString(ROOT.resolve("README.md")));

    ParseResult docker = RootCommand.commandLine().parseArgs(dockerArgs.toArray(String[]::new));
    ParseResult readme = RootCommand.commandLine().parseArgs(readmeArgs.toArray(String[]::new));
    assertEquals("serve", docker.subcommand().commandSpec().name());
    assertEquals("serve", readme.subcommand().commandSpec().name());

    Set<String> dockerOptions = optionNames(docker.subcommand());
    Set<String> readmeOptions = optionNames(readme.subcommand());
    // The image runs for real, with credentials: README's quick start adds --dry-run and nothing else.
    readmeOptions.remove("--dry-run");
    assertEquals(readmeOptions, dockerOptions);
  }

  @Test
  void runsAsNonRootWithHealthcheckAndVolume() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertTrue(Pattern.compile("(?m)^USER (?!root)\\S+").matcher(dockerfile).find(), "a non-root user");
    List<String> health = jsonArray(dockerfile, "HEALTHCHECK .*CMD");
    ParseResult check = RootCommand.commandLine().parseArgs(health.subList(3, health.size()).toArray(String[]::new));
    assertEquals("healthcheck", check.subcommand().commandSpec().name());
    assertTrue(dockerfile.contains("VOLUME [\"/var/lib/alert-router\"]"));
    List<String> cmd = jsonArray(dockerfile, "CMD");
    assertEquals("/var/lib/alert-router", cmd.get(cmd.indexOf("--data") + 1), "state goes to the volume");
  }

  private static Set<String> optionNames(ParseResult result) {
    Set<String> names = new TreeSet<>();
    result.matchedOptions().forEach(o -> names.add(o.longestName()));
    return names;
  }

  private static String entrypoint(String dockerfile) throws IOException {
    return String.join(" ", jsonArray(dockerfile, "ENTRYPOINT"));
  }

  private static List<String> jsonArray(String dockerfile, String instruction) throws IOException {
    String joined = dockerfile.replace("\\\n", " ");
    Matcher m = Pattern.compile("(?m)^" + instruction + "\\s+(\\[.*\\])\\s*$").matcher(joined);
    assertTrue(m.find(), "Dockerfile has " + instruction + " in exec form");
    return new ObjectMapper().readValue(m.group(1), new TypeReference<List<String>>() {});
  }

  /** The arguments after the launcher in README's run command. */
  private static List<String> readmeServeArgs(String readme) {
    Matcher m = Pattern.compile("&& bin/alert-router (serve [^\\n`]*)").matcher(readme);
    assertTrue(m.find(), "README shows the serve command");
    return new ArrayList<>(Arrays.asList(m.group(1).trim().split("\\s+")));
  }

  @Test
  void readmeServeCommandParses() {
    CommandLine cl = RootCommand.commandLine();
    assertEquals("serve", cl.getSubcommands().get("serve").getCommandName());
  }
}
