package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads every {@code *.md} directly in a runbooks folder, except {@code README.md} (which documents
 * the folder). A runbook's name is its file name without {@code .md}. Every problem of every file is
 * collected, so one check-config run lists them all.
 */
public final class RunbookLoader {
  /** A runbook is a few screens; anything far larger is a mistake (a log pasted in, a binary). */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  private static final String SUFFIX = ".md";

  private RunbookLoader() {}

  public static RunbookLoadResult load(Path directory) {
    String dirName = directory.toString();
    if (!Files.isDirectory(directory)) {
      return RunbookLoadResult.failed(List.of(new ConfigError(
          new SourceLocation(dirName, 0), "", "runbooks folder does not exist or is not a folder")));
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing
          .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      return RunbookLoadResult.failed(List.of(new ConfigError(
          new SourceLocation(dirName, 0), "", "cannot list runbooks folder: " + e.getMessage())));
    }
    List<Runbook> runbooks = new ArrayList<>();
    List<ConfigError> errors = new ArrayList<>();
    for (Path file : files) {
      FrontMatterParser.Result result = loadFile(file);
      errors.addAll(result.errors());
      result.runbook().ifPresent(runbooks::add);
    }
    errors.addAll(SpecificityTies.find(runbooks));
    if (!errors.isEmpty()) {
      return RunbookLoadResult.failed(errors);
    }
    return RunbookLoadResult.loaded(Runbooks.of(runbooks));
  }

  private static FrontMatterParser.Result loadFile(Path file) {
    String shown = file.toString();
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - SUFFIX.length());
    if (!Runbook.NAME.matcher(name).matches()) {
      return failure(shown, "file name must be letters, digits, '.', '_' or '-' before .md (it becomes /runbooks/"
          + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") + ")");
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return failure(shown, "larger than " + MAX_FILE_BYTES / 1024 + " KiB; a runbook should be a few screens");
      }
      String content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
      return FrontMatterParser.parse(name, shown, content);
    } catch (CharacterCodingException e) {
      return failure(shown, "not valid UTF-8");
    } catch (IOException e) {
      return failure(shown, "cannot read: " + e.getMessage());
    }
  }

  private static FrontMatterParser.Result failure(String file, String message) {
    return new FrontMatterParser.Result(
        Optional.empty(), List.of(new ConfigError(new SourceLocation(file, 1), "", message)));
  }
}
