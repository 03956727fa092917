package dev.tta.alertrouter.ui;

import dev.tta.alertrouter.replay.CandidateDiff;
import dev.tta.alertrouter.replay.DiffReport;
import dev.tta.alertrouter.replay.ReplayDiff;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /config/diff}: a candidate configuration pasted into a form, replayed with the one in force
 * over this server's capture ({@link UiBackend#diff}, the same comparison as {@code POST
 * /api/v1/config/diff}), and what would change shown per alert, per receiver and in totals; a
 * candidate that does not load is shown with its errors, {@code candidate:line}.
 */
final class ConfigDiffPage {
  static final String PATH = "/config/diff";
  static final String FIELD = "candidate";
  /** Rows shown per list; the JSON API has them all. */
  static final int LIMIT = 100;

  private final UiBackend backend;
  private final Pages pages;
  private final Function<Context, Map<String, Object>> model;

  /** @param model the page model every UI page starts from (navigation, CSRF token, identity) */
  ConfigDiffPage(UiBackend backend, Pages pages, Function<Context, Map<String, Object>> model) {
    this.backend = backend;
    this.pages = pages;
    this.model = model;
  }

  /** One notification line of a receiver: {@code +} newly sent, {@code -} no longer sent, {@code ~} at another time. */
  public record Line(String mark, String at, String description) {}

  /** What one receiver would get differently, as the page lists it. */
  public record ReceiverView(String receiver, int newlySent, int noLongerSent, int atOtherTimes, List<Line> lines,
      int more) {}

  void form(Context ctx) {
    Map<String, Object> m = start(ctx, "");
    pages.html(ctx, 200, "config-diff", m);
  }

  void submit(Context ctx) {
    String candidate = ctx.formParam(FIELD) == null ? "" : ctx.formParam(FIELD);
    Map<String, Object> m = start(ctx, candidate);
    if (candidate.isBlank()) {
      m.put("problems", List.of(FIELD + ": paste a configuration (YAML) to compare"));
      pages.html(ctx, 400, "config-diff", m);
      return;
    }
    CandidateDiff result = backend.diff(candidate);
    m.put("problems", result.problems());
    result.diff().ifPresent(diff -> {
      m.put("diff", diff);
      m.put("alerts", diff.alerts().stream().limit(LIMIT).toList());
      m.put("moreAlerts", Math.max(0, diff.alerts().size() - LIMIT));
      m.put("receivers", diff.receivers().values().stream().map(ConfigDiffPage::view).toList());
    });
    pages.html(ctx, result.status(), "config-diff", m);
  }

  private Map<String, Object> start(Context ctx, String candidate) {
    Map<String, Object> m = model.apply(ctx);
    m.put("title", "Config diff");
    m.put("candidate", candidate);
    m.put("field", FIELD);
    return m;
  }

  private static ReceiverView view(ReplayDiff.ReceiverChange r) {
    List<Line> lines = new ArrayList<>();
    r.newlySent().forEach(n -> lines.add(new Line("+", Views.time(n.at()), DiffReport.describe(n))));
    r.noLongerSent().forEach(n -> lines.add(new Line("-", Views.time(n.at()), DiffReport.describe(n))));
    r.atOtherTimes().forEach(t -> lines.add(new Line("~", Views.time(t.baseline().at()) + " → " + Views.time(t.candidateAt()),
        DiffReport.describe(t.baseline()))));
    return new ReceiverView(r.receiver(), r.newlySent().size(), r.noLongerSent().size(), r.atOtherTimes().size(),
        lines.stream().limit(LIMIT).toList(), Math.max(0, lines.size() - LIMIT));
  }
}
