package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.ConfigError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which alerting rules of Prometheus rule files no runbook covers, by priority. A rule is judged on
 * what it fixes statically: its alertname and its plain-text labels. An entry that also needs a
 * label the rule leaves to the series or to a template covers it only for some alerts: that is
 * listed as partial coverage, not counted as missing. The check fails when a P0 rule has no runbook
 * at all, or when a rule file cannot be read.
 */
public final class RunbookCoverage {
  private RunbookCoverage() {}

  /** The report to print, and whether the check passed (exit 0) or not (exit 1). */
  public record Report(String text, boolean passed) {
    public Report {
      Objects.requireNonNull(text, "text");
    }

    public int exitCode() {
      return passed ? 0 : 1;
    }
  }

  private enum Coverage { FULL, PARTIAL, NONE }

  private record Verdict(AlertingRule rule, Priority priority, Coverage coverage, String detail) {}

  public static Report check(Runbooks runbooks, List<Path> ruleFiles) {
    PrometheusRuleFiles.Result read = PrometheusRuleFiles.read(ruleFiles);
    List<Verdict> verdicts = new ArrayList<>();
    for (AlertingRule rule : read.rules()) {
      verdicts.add(judge(runbooks, rule));
    }
    StringBuilder text = new StringBuilder();
    for (ConfigError error : read.errors()) {
      text.append(error).append('\n');
    }
    text.append("Runbook coverage of ").append(verdicts.size()).append(" alerting rules in ")
        .append(ruleFiles.stream().map(Path::toString).collect(Collectors.joining(", "))).append(":\n");
    Map<Priority, List<Verdict>> byPriority = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      byPriority.put(p, verdicts.stream().filter(v -> v.priority() == p).toList());
    }
    for (Priority p : Priority.values()) {
      List<Verdict> all = byPriority.get(p);
      long missing = all.stream().filter(v -> v.coverage() == Coverage.NONE).count();
      text.append("  ").append(p).append(": ").append(all.size()).append(" rules, ")
          .append(all.size() - missing).append(" covered, ").append(missing).append(" without a runbook\n");
    }
    appendList(text, "Alerts no runbook covers:", verdicts, Coverage.NONE);
    appendList(text, "Alerts covered only for some label values:", verdicts, Coverage.PARTIAL);
    boolean p0Missing = byPriority.get(Priority.P0).stream().anyMatch(v -> v.coverage() == Coverage.NONE);
    boolean passed = read.errors().isEmpty() && !p0Missing;
    if (p0Missing) {
      text.append("FAIL: a P0 alert has no runbook\n");
    } else if (!read.errors().isEmpty()) {
      text.append("FAIL: rule files have errors\n");
    } else {
      text.append("OK: every P0 alert has a runbook\n");
    }
    return new Report(text.toString(), passed);
  }

  private static void appendList(StringBuilder text, String heading, List<Verdict> verdicts, Coverage coverage) {
    List<Verdict> listed = verdicts.stream().filter(v -> v.coverage() == coverage).toList();
    if (listed.isEmpty()) {
      return;
    }
    text.append(heading).append('\n');
    for (Priority p : Priority.values()) {
      for (Verdict v : listed) {
        if (v.priority() == p) {
          text.append("  ").append(p).append(' ').append(v.rule().alertname())
              .append(" (").append(v.rule().location()).append(')')
              .append(v.detail().isEmpty() ? "" : ": " + v.detail()).append('\n');
        }
      }
    }
  }

  private static Verdict judge(Runbooks runbooks, AlertingRule rule) {
    Priority priority = AlertPriority.of(rule.staticLabels());
    RunbookSelector bestFull = null;
    Runbook bestFullRunbook = null;
    List<String> partial = new ArrayList<>();
    for (Runbook runbook : runbooks.all()) {
      for (RunbookSelector selector : runbook.selectors()) {
        List<Matcher> undecided = new ArrayList<>();
        boolean fails = false;
        for (Matcher m : selector.matchers()) {
          String value = rule.staticLabels().get(m.name());
          if (value == null) {
            undecided.add(m);
          } else if (!m.matches(value)) {
            fails = true;
          }
        }
        if (fails) {
          continue;
        }
        if (undecided.isEmpty()) {
          if (bestFull == null || selector.specificity() > bestFull.specificity()) {
            bestFull = selector;
            bestFullRunbook = runbook;
          }
        } else {
          partial.add("runbook " + runbook.name() + " when "
              + undecided.stream().map(Matcher::toString).collect(Collectors.joining(", ")));
        }
      }
    }
    if (bestFull != null) {
      return new Verdict(rule, priority, Coverage.FULL, "runbook " + bestFullRunbook.name());
    }
    if (!partial.isEmpty()) {
      return new Verdict(rule, priority, Coverage.PARTIAL, String.join("; ", partial));
    }
    return new Verdict(rule, priority, Coverage.NONE, "");
  }
}
