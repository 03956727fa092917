package dev.tta.alertrouter.explain;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.TeamRoutes;
import dev.tta.alertrouter.severity.Classification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The verdicts every copy of an alert gets at intake — its receipt, priority, team, and each route
 * and group that took it — as small values of what decided them. A resend compares equal to the
 * verdict before it without building a string; the words below are built when explain or the debug
 * log reads them.
 */
public final class Verdicts {
  private Verdicts() {}

  /**
   * A copy was stored. The end of a firing copy is left out: Prometheus moves it forward at every
   * evaluation, and a keep-alive that tells nothing new must fold into the first receipt.
   */
  public static Verdict received(Alert alert, Instant at) {
    Alert.Status status = alert.statusAt(at);
    return new Receipt(status, alert.startsAt(), status == Alert.Status.RESOLVED ? alert.endsAt() : null);
  }

  public static Verdict priority(Classification c) {
    return new PriorityChoice(c.priority(), c.reason(), c.severityValue(), c.replacedPriority());
  }

  /** @param countAs {@link TeamRoutes#countAs}: a team's name, {@code unknown} or {@code none} */
  public static Verdict team(String countAs) {
    return new TeamChoice(countAs);
  }

  /** A route took the alert; its own matchers are what decided (they all matched). */
  public static Verdict route(Route route) {
    return new RouteTaken(route);
  }

  public static Verdict group(String groupKey, String receiver) {
    return new GroupJoined(groupKey, receiver);
  }

  /** A decision already in words, as a verdict. */
  static Verdict of(Decision d) {
    return new Worded(d.stage(), d.subject(), d.summary(), d.details());
  }

  /** @param endsAt null while firing */
  private record Receipt(Alert.Status status, Instant startsAt, Instant endsAt) implements Verdict {
    Receipt {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startsAt, "startsAt");
    }

    @Override
    public DecisionStage stage() {
      return DecisionStage.RECEIVED;
    }

    @Override
    public String subject() {
      return "";
    }

    @Override
    public String summary() {
      return "received " + status.wireName() + ", started " + startsAt + (endsAt == null ? "" : ", ended " + endsAt);
    }

    @Override
    public Map<String, String> details() {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("status", status.wireName());
      details.put("starts_at", startsAt.toString());
      if (endsAt != null) {
        details.put("ends_at", endsAt.toString());
      }
      return details;
    }
  }

  /** @param severityValue @param replacedPriority as {@link Classification}'s, null when absent */
  private record PriorityChoice(Priority priority, Classification.Reason reason, String severityValue,
      String replacedPriority) implements Verdict {
    PriorityChoice {
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public DecisionStage stage() {
      return DecisionStage.PRIORITY;
    }

    @Override
    public String subject() {
      return "";
    }

    @Override
    public String summary() {
      String why = switch (reason) {
        case EXPLICIT_LABEL -> "its own priority label";
        case SEVERITY_LEVEL -> "severity \"" + severityValue + "\" maps to it";
        case DEFAULT -> severityValue == null
            ? "no severity label, so the default"
            : "severity \"" + severityValue + "\" names no level, so the default";
      };
      return "priority " + priority + ": " + why
          + (replacedPriority == null ? "" : " (its invalid priority \"" + replacedPriority + "\" was replaced)");
    }

    @Override
    public Map<String, String> details() {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("priority", priority.name());
      details.put("reason", reason.label());
      if (severityValue != null) {
        details.put("severity", severityValue);
      }
      if (replacedPriority != null) {
        details.put("replaced_priority", replacedPriority);
      }
      return details;
    }
  }

  private record TeamChoice(String countAs) implements Verdict {
    TeamChoice {
      Objects.requireNonNull(countAs, "countAs");
    }

    @Override
    public DecisionStage stage() {
      return DecisionStage.TEAM;
    }

    @Override
    public String subject() {
      return "";
    }

    @Override
    public String summary() {
      return switch (countAs) {
        case TeamRoutes.NO_TEAM -> "no team: the alert has no team label";
        case TeamRoutes.UNKNOWN_TEAM -> "no team: no configured team claims its team label";
        default -> "team " + countAs;
      };
    }

    @Override
    public Map<String, String> details() {
      return Map.of("team", countAs);
    }
  }

  /** Equal for the same {@link Route} object: a route of a reloaded tree compares by its words. */
  private record RouteTaken(Route route) implements Verdict {
    RouteTaken {
      Objects.requireNonNull(route, "route");
    }

    @Override
    public DecisionStage stage() {
      return DecisionStage.ROUTE;
    }

    @Override
    public String subject() {
      return route.id();
    }

    @Override
    public String summary() {
      // A route that takes an alert is the deepest that matched: none of its children did.
      return "route " + route.key() + " to receiver " + route.receiver() + ": "
          + (route.matchers().isEmpty() ? "no matchers of its own" : "matched " + route.matchersString())
          + " (" + route.location() + ")"
          + (route.children().isEmpty() ? "" : ", and no route below it matched");
    }

    @Override
    public Map<String, String> details() {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("route", route.id());
      details.put("receiver", route.receiver());
      details.put("matchers", route.matchersString());
      details.put("continue", Boolean.toString(route.continueMatching()));
      details.put("location", route.location().toString());
      return details;
    }
  }

  private record GroupJoined(String groupKey, String receiver) implements Verdict {
    GroupJoined {
      Objects.requireNonNull(groupKey, "groupKey");
      Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public DecisionStage stage() {
      return DecisionStage.GROUP;
    }

    @Override
    public String subject() {
      return groupKey;
    }

    @Override
    public String summary() {
      return "group " + groupKey + " for receiver " + receiver;
    }

    @Override
    public Map<String, String> details() {
      Map<String, String> details = new LinkedHashMap<>();
      details.put("group_key", groupKey);
      details.put("receiver", receiver);
      return details;
    }
  }

  /** @param details unmodifiable, as a {@link Decision}'s */
  private record Worded(DecisionStage stage, String subject, String summary, Map<String, String> details)
      implements Verdict {}
}
