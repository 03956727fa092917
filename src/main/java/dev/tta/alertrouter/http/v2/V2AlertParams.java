package dev.tta.alertrouter.http.v2;

import com.google.re2j.Pattern;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.query.AlertFilter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of {@code GET /api/v2/alerts} and {@code /api/v2/alerts/groups}: {@code filter}
 * (repeatable, one matcher each), {@code active}, {@code silenced}, {@code inhibited},
 * {@code unprocessed} (default true; a value Go's {@code strconv.ParseBool} refuses counts as the
 * default, as Alertmanager 0.25 reads it) and {@code receiver} (an RE2 regex, anchored).
 */
final class V2AlertParams {
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private V2AlertParams() {}

  /** A parameter Alertmanager refuses: the JSON string it answers with 400. */
  static final class BadParam extends Exception {
    BadParam(String message) {
      super(message);
    }
  }

  static AlertFilter read(Context ctx) throws BadParam {
    List<Matcher> matchers = filter(ctx);
    Optional<Pattern> receiver = Optional.empty();
    String regex = ctx.queryParam("receiver");
    if (regex != null) {
      try {
        receiver = Optional.of(AlertFilter.receiverPattern(regex));
      } catch (IllegalArgumentException e) {
        throw new BadParam("failed to parse receiver param: " + e.getMessage());
      }
    }
    return new AlertFilter(matchers, flag(ctx, "active"), flag(ctx, "silenced"), flag(ctx, "inhibited"),
        flag(ctx, "unprocessed"), receiver);
  }

  /** Each {@code filter} value is one matcher, as Alertmanager's {@code labels.ParseMatcher}. */
  static List<Matcher> filter(Context ctx) throws BadParam {
    List<Matcher> matchers = new ArrayList<>();
    for (String f : ctx.queryParams("filter")) {
      try {
        matchers.add(Matchers.parse(f));
      } catch (IllegalArgumentException e) {
        throw new BadParam(e.getMessage());
      }
    }
    return matchers;
  }

  private static boolean flag(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || !FALSE.contains(v);
  }
}
