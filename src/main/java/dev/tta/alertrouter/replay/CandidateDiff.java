package dev.tta.alertrouter.replay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What comparing a candidate configuration with the one in force over the server's capture gave:
 * the difference, or why there is none to show. {@code POST /api/v1/config/diff} and the web UI's
 * {@code /config/diff} page both present it.
 *
 * @param status 200 with {@code diff}; 400 with {@code problems} the candidate's errors
 *     ({@code candidate:line: key: message}); 429 while another diff runs; 503 without a capture
 * @param diff present exactly when {@code status} is 200
 * @param problems what went wrong, one line each; empty with a diff
 */
public record CandidateDiff(int status, Optional<ReplayDiff> diff, List<String> problems) {
  /** The candidate's name in problems, in place of the temporary file it was written to. */
  public static final String CANDIDATE = "candidate";

  public CandidateDiff {
    Objects.requireNonNull(diff, "diff");
    problems = List.copyOf(problems);
  }

  public static CandidateDiff compared(ReplayDiff diff) {
    return new CandidateDiff(200, Optional.of(diff), List.of());
  }

  public static CandidateDiff refused(int status, List<String> problems) {
    return new CandidateDiff(status, Optional.empty(), problems);
  }
}
