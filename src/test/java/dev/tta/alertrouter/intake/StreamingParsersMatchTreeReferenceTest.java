package dev.tta.alertrouter.intake;

import dev.tta.alertrouter.Fixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming parsers give exactly the results of the tree-based reference they replaced, over the
 * fixtures and every variant {@link MalformedCorpus} makes of them: alerts, problems, rejections and
 * their messages alike.
 */
class StreamingParsersMatchTreeReferenceTest {
  static final Path FIXTURES = Fixtures.ROOT;
  static final Instant NOW = Instant.parse("2026-11-24T19:10:00Z");
  static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  static final int MISMATCHES_SHOWN = 10;

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<Function<byte[], ParseResult>> streaming = List.of(
      new PrometheusPushParser(clock, RESOLVE_TIMEOUT)::parse, new AlertmanagerWebhookParser(clock)::parse);
  final List<Function<byte[], ParseResult>> reference = List.of(
      new ReferencePrometheusPushParser(clock, RESOLVE_TIMEOUT)::parse,
      new ReferenceAlertmanagerWebhookParser(clock)::parse);

  static List<byte[]> corpus() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(7, fixtures.size(), "fixtures found: " + fixtures);
    List<byte[]> corpus = new ArrayList<>(MalformedCorpus.specials());
    for (Path fixture : fixtures) {
      corpus.addAll(MalformedCorpus.variants(Files.readAllBytes(fixture)));
    }
    return corpus;
  }

  @Test
  void everyVariantOfEveryFixtureParsesAsTheTreeReferenceParsesIt() throws IOException {
    List<byte[]> corpus = corpus();
    List<String> mismatches = new ArrayList<>();
    Set<InvalidReason> reasonsSeen = EnumSet.noneOf(InvalidReason.class);
    int batchesWithAlertsAndProblems = 0;
    for (byte[] body : corpus) {
      for (int format = 0; format < streaming.size(); format++) {
        ParseResult expected = reference.get(format).apply(body);
        ParseResult actual = streaming.get(format).apply(body);
        if (!expected.equals(actual)) {
          mismatches.add(show(body) + "\n  reference: " + expected + "\n  streaming: " + actual);
        }
        if (expected instanceof ParseResult.Rejected rejected) {
          reasonsSeen.add(rejected.reason());
        } else if (expected instanceof ParseResult.Batch batch) {
          batch.problems().forEach(p -> reasonsSeen.add(p.reason()));
          batchesWithAlertsAndProblems += !batch.alerts().isEmpty() && !batch.problems().isEmpty() ? 1 : 0;
        }
      }
    }

    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + corpus.size() * 2 + " parses differ; first:\n"
        + String.join("\n", mismatches.subList(0, Math.min(MISMATCHES_SHOWN, mismatches.size()))));
    // The corpus reaches every refusal a parser can make, and partial batches.
    assertEquals(EnumSet.complementOf(EnumSet.of(InvalidReason.WRONG_CONTENT_TYPE, InvalidReason.TOO_LARGE)),
        reasonsSeen);
    assertTrue(batchesWithAlertsAndProblems > 100, "partial batches: " + batchesWithAlertsAndProblems);
  }

  private static String show(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + body.length + " bytes)";
  }
}
