package dev.tta.alertrouter.runbook;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.config.ConfigError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded {@code runbooks/}: immutable, free of specificity ties (checked here, so a catalog that
 * could answer by chance cannot exist). A reload builds a new one.
 */
public final class Runbooks {
  private final Map<String, Runbook> byName;

  private Runbooks(List<Runbook> runbooks) {
    List<ConfigError> ties = SpecificityTies.find(runbooks);
    if (!ties.isEmpty()) {
      throw new IllegalArgumentException(ties.get(0).toString());
    }
    Map<String, Runbook> map = new LinkedHashMap<>();
    runbooks.stream().sorted(Comparator.comparing(Runbook::name)).forEach(r -> {
      if (map.putIfAbsent(r.name(), r) != null) {
        throw new IllegalArgumentException("two runbooks are named " + r.name());
      }
    });
    this.byName = map;
  }

  /** @throws IllegalArgumentException when two runbooks tie or share a name */
  public static Runbooks of(List<Runbook> runbooks) {
    return new Runbooks(List.copyOf(runbooks));
  }

  public static Runbooks empty() {
    return new Runbooks(List.of());
  }

  /** Every runbook, by name. */
  public List<Runbook> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Runbook> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The runbook whose matching entry has the most matchers; the first such entry is the reason. */
  public Optional<RunbookMatch> mostSpecific(Labels labels) {
    RunbookMatch best = null;
    for (Runbook runbook : byName.values()) {
      for (RunbookSelector selector : runbook.selectors()) {
        if (selector.matches(labels) && (best == null || selector.specificity() > best.selector().specificity())) {
          best = new RunbookMatch(runbook, selector);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** A runbook and the entry of it that matched. */
  public record RunbookMatch(Runbook runbook, RunbookSelector selector) {}
}
