package dev.tta.alertrouter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void theHandWrittenIntakeAnswerIsWhatJacksonWritesForTheRecord() throws Exception {
    int[][] cases = {{0, 0}, {1, 0}, {50, 0}, {2_147_483_647, 0}, {1000, 7}, {0, 3}, {12, -1}};
    for (int[] c : cases) {
      String expected = mapper.writeValueAsString(Replies.Intake.success(c[0], c[1]));
      assertEquals(expected, new String(Replies.Intake.successJson(c[0], c[1]), StandardCharsets.US_ASCII),
          "accepted " + c[0] + ", truncated " + c[1]);
    }
  }
}
