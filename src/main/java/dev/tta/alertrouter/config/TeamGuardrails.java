package dev.tta.alertrouter.config;

import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a team file ({@code teams/<team>.yml} under a config folder) may do: define only its own team
 * ({@code <team>}), route only that team's alerts (its {@code value} is its own name, and no other
 * team routes the same label value), name only the receivers it defines itself, mute with its
 * inhibition rules only its own team's alerts, and hold no {@code route:} tree. Each violation is an error naming the team file and line, and the file and
 * line of what it reaches for.
 */
final class TeamGuardrails {
  /** The folder, directly under a config folder, that holds one file per team. */
  static final String FOLDER = "teams";

  private TeamGuardrails() {}

  static List<ConfigError> check(Path root, RouterConfig config) {
    List<ConfigError> errors = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return errors;
    }
    for (TeamConfig team : config.teams().values()) {
      Optional<String> owner = teamOf(root, team.location().file());
      if (owner.isEmpty()) {
        continue;
      }
      String file = team.location().file();
      if (!owner.get().equals(team.name())) {
        errors.add(new ConfigError(team.location(), "teams." + team.name(), "a team file may only define its own team \""
            + owner.get() + "\" (its file name)"));
        continue;
      }
      if (!team.value().equals(team.name())) {
        errors.add(new ConfigError(team.location(), "teams." + team.name() + ".value", "routes " + team.label() + "=\""
            + team.value() + "\", not its own team's alerts (" + team.label() + "=\"" + team.name() + "\")"
            + routedBy(config, team)));
      }
      for (TeamConfig other : config.teams().values()) {
        if (other != team && other.label().equals(team.label()) && other.value().equals(team.value())) {
          errors.add(new ConfigError(team.location(), "teams." + team.name(), "routes the same alerts ("
              + team.label() + "=\"" + team.value() + "\") as team " + other.name() + " (" + other.location() + ")"));
        }
      }
      for (String receiver : receivers(team)) {
        config.receiver(receiver).filter(r -> !r.location().file().equals(file)).ifPresent(r -> errors.add(new ConfigError(
            team.location(), "teams." + team.name() + ".receivers", "names receiver \"" + receiver + "\" defined in "
                + r.location() + "; a team file may only name the receivers it defines itself")));
      }
    }
    for (InhibitRuleConfig rule : config.inhibitRules()) {
      Optional<String> owner = teamOf(root, rule.location().file());
      if (owner.isEmpty()) {
        continue;
      }
      TeamConfig team = config.teams().get(owner.get());
      String label = team == null ? TeamConfig.DEFAULT_LABEL : team.label();
      String value = team == null ? owner.get() : team.value();
      if (!rule.targetMatchers().contains(Matcher.equal(label, value))) {
        errors.add(new ConfigError(rule.location(), "inhibit_rules", "an inhibition rule in a team file may only mute"
            + " its own team's alerts: its target_matchers must include " + label + "=\"" + value + "\""
            + (team == null ? "" : " (team " + team.name() + ", " + team.location() + ")")));
      }
    }
    if (teamOf(root, config.route().location().file()).isPresent()) {
      errors.add(new ConfigError(config.route().location(), "route",
          "the route tree belongs to the main configuration, not to a team file (a team routes through its teams: section)"));
    }
    return errors;
  }

  /** The team a file belongs to: {@code <root>/teams/<team>.yml}, or empty for any other file. */
  static Optional<String> teamOf(Path root, String file) {
    Path p = Path.of(file);
    Path relative;
    try {
      relative = root.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (relative.getNameCount() != 2 || !relative.getName(0).toString().equals(FOLDER)) {
      return Optional.empty();
    }
    String name = relative.getName(1).toString();
    int dot = name.lastIndexOf('.');
    return Optional.of(dot > 0 ? name.substring(0, dot) : name);
  }

  private static Set<String> receivers(TeamConfig team) {
    Set<String> out = new LinkedHashSet<>();
    for (Priority p : Priority.values()) {
      out.addAll(team.receivers().getOrDefault(p, List.of()));
    }
    return out;
  }

  private static String routedBy(RouterConfig config, TeamConfig team) {
    for (TeamConfig other : config.teams().values()) {
      if (other != team && other.name().equals(team.value())) {
        return "; those are team " + other.name() + "'s (" + other.location() + ")";
      }
    }
    return "";
  }
}
