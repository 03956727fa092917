package dev.tta.alertrouter.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentMatchesTest {
  private static final Pattern PATTERN = Pattern.compile("^(?:Alert0[0-4][0-9](-.*)?)$");

  /** More distinct values than slots, each seen many times, so slots are shared, taken and retaken. */
  private static List<String> values(Random random, int distinct, int total) {
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      pool.add(String.format("Alert%03d%s", random.nextInt(1000), random.nextBoolean() ? "" : "-" + i));
    }
    List<String> stream = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      // A new String each time for half of them: equal values, not only the same object, must hit.
      String v = pool.get(random.nextInt(pool.size()));
      stream.add(random.nextBoolean() ? v : new String(v));
    }
    return stream;
  }

  @Test
  void answersAsTheRegexDoesForRepeatedAndCollidingValues() {
    RecentMatches recent = new RecentMatches(PATTERN);
    int matched = 0;
    for (String value : values(new Random(7), 1_000, 50_000)) {
      boolean expected = PATTERN.matches(value);
      assertEquals(expected, recent.matches(value), value);
      matched += expected ? 1 : 0;
    }
    assertTrue(matched > 1_000 && matched < 49_000, "both answers occur: " + matched);
  }

  @Test
  void answersAsTheRegexDoesUnderConcurrentUse() throws Exception {
    RecentMatches recent = new RecentMatches(PATTERN);
    List<String> stream = values(new Random(11), 600, 200_000);
    AtomicInteger wrong = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(pool.submit(() -> {
          for (int i = offset; i < stream.size(); i += 4) {
            String value = stream.get(i);
            if (recent.matches(value) != PATTERN.matches(value)) {
              wrong.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, wrong.get());
  }

  @Test
  void aRegexMatcherAnswersTheSameBeforeAndAfterItsValuesRepeat() {
    Matcher matcher = Matcher.regex("alertname", "Alert0[0-4][0-9]");
    Matcher negated = Matcher.of("alertname", Matcher.Type.NOT_REGEX, "Alert0[0-4][0-9]");
    for (int round = 0; round < 3; round++) {
      assertTrue(matcher.matches("Alert042"));
      assertTrue(!matcher.matches("Alert420"));
      assertTrue(!negated.matches("Alert042"));
      assertTrue(negated.matches("Alert420"));
    }
  }
}
