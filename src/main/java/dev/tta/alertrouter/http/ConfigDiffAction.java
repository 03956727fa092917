package dev.tta.alertrouter.http;

/** {@code POST /api/v1/config/diff}: replays the server's own capture through a candidate configuration. */
@FunctionalInterface
public interface ConfigDiffAction {
  /**
   * @param candidateYaml the candidate configuration, one YAML document
   * @param since the {@code since} query parameter, or null for the whole capture
   */
  Outcome diff(byte[] candidateYaml, String since);

  /**
   * @param status 200 with {@code body} the difference as JSON, 400 with {@code body} the errors, 429 when busy
   */
  record Outcome(int status, String body) {}
}
