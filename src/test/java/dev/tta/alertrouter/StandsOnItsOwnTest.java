package dev.tta.alertrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No file of the project names a path outside the repository: a user clones it and has nothing
 * beside it. Scans the tracked files where git knows them, otherwise every file of the project tree
 * (CI's isolated copy has no .git), but never build output.
 */
class StandsOnItsOwnTest {
  // Spelled in pieces so that this file does not match itself.
  private static final Pattern OUTSIDE = Pattern.compile(
      Pattern.quote("..") + "[/\\\\]+" + "shared" + "|" + Pattern.quote("/work") + "/");
  private static final Set<String> NOT_SCANNED = Set.of(".git", "target", "data", "node_modules");

  @Test
  void noFileNamesAPathOutsideTheRepository() throws IOException {
    List<Path> files = projectFiles();
    assertTrue(files.size() > 100, "found only " + files.size() + " files to scan");
    List<String> offences = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      } catch (CharacterCodingException binary) {
        continue;
      }
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (OUTSIDE.matcher(lines[i]).find()) {
          offences.add(file + ":" + (i + 1) + ": " + lines[i].strip());
        }
      }
    }
    assertEquals(List.of(), offences, "files that name a path outside the repository");
  }

  @Test
  void thePatternCatchesWhatItIsFor() {
    assertTrue(OUTSIDE.matcher("Path.of(\"../" + "shared/fixtures\")").find());
    assertTrue(OUTSIDE.matcher("see /" + "work/shared/DESIGN.md").find());
    assertTrue(!OUTSIDE.matcher("the shared store on PostgreSQL").find());
  }

  private static List<Path> projectFiles() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    if (Files.isDirectory(root.resolve(".git"))) {
      try {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() == 0 && !out.isEmpty()) {
          return Stream.of(out.split("\0")).map(Path::of).filter(Files::isRegularFile).toList();
        }
      } catch (IOException | InterruptedException noGit) {
        // fall through to the walk
      }
    }
    try (Stream<Path> walk = Files.walk(Path.of("."))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> {
            for (Path part : p) {
              if (NOT_SCANNED.contains(part.toString())) {
                return false;
              }
            }
            return true;
          })
          .toList();
    }
  }
}
