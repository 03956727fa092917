package dev.tta.alertrouter.escalation;

import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.ack.GroupDirectory;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.Durations;
import dev.tta.alertrouter.config.EscalationStep;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.routing.Route;
import dev.tta.alertrouter.routing.RouteOptions;
import dev.tta.alertrouter.routing.RouteTree;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routes' {@code escalate:} steps: when a group of such a route is still firing and
 * unacknowledged {@code after} its first notification, the step's receiver is notified through the
 * same pipeline as a flush (lease, mutes, dedup, delivery), with "escalated: nobody acknowledged in
 * 5m" in the message. The timers are derived from the stored {@link EscalationState} (first
 * notification, steps sent), so a restart or a replica taking over neither skips nor repeats a
 * step. One per routing engine: a reload builds a new one, which {@link #resume}s from the store.
 */
public final class Escalator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);
  /** The annotation that carries the escalation note; it also leads the summary. */
  public static final String NOTE_ANNOTATION = "escalation";

  private final Map<String, Route> routes = new HashMap<>();
  private final EscalationStore store;
  private final Acknowledgements acks;
  private final GroupDirectory groups;
  private final Stage pipeline;
  private final Scheduler scheduler;
  private final Clock clock;
  private final EscalationListener listener;
  private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();
  private boolean closed;

  /** @param pipeline the receivers' pipeline the dispatcher's flushes run, picking the receiver by {@link FlushContext#receiver()} */
  public Escalator(RouteTree tree, EscalationStore store, Acknowledgements acks, GroupDirectory groups, Stage pipeline,
      Scheduler scheduler, Clock clock, EscalationListener listener) {
    tree.walk(route -> {
      if (!route.options().escalate().isEmpty()) {
        routes.putIfAbsent(route.key(), route);
      }
    });
    this.store = Objects.requireNonNull(store, "store");
    this.acks = Objects.requireNonNull(acks, "acks");
    this.groups = Objects.requireNonNull(groups, "groups");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Arms the next step of every open escalation in the store that has no timer here: at start,
   * after a reload, and again now and then where replicas share the store, so that a replica
   * learns of the escalations its peers started and takes them over when a peer dies.
   */
  public void resume() {
    for (EscalationState state : store.open()) {
      if (!hasTimer(state.groupKey())) {
        armNext(state);
      }
    }
  }

  /**
   * A notification of the flush {@code context} was recorded for one integration. The route's own
   * receiver notified firing alerts for the first time: the escalation starts; notified with nothing
   * firing: it ends. Notifications to escalation receivers change nothing.
   */
  public void notified(FlushContext context, boolean firing) {
    Route route = routes.get(context.routeKey());
    if (route == null || !route.receiver().equals(context.receiver())) {
      return;
    }
    Optional<EscalationState> held = store.get(context.groupKey());
    if (firing && (held.isEmpty() || !held.get().open())) {
      EscalationState started = EscalationState.started(context.groupKey(), context.routeKey(), context.now());
      store.put(started);
      armNext(started);
    } else if (!firing && held.isPresent() && held.get().open()) {
      store.put(held.get().endedAt(context.now()));
      cancel(context.groupKey());
    }
  }

  /** Cancels every timer; a step being sent completes. */
  @Override
  public synchronized void close() {
    closed = true;
    timers.values().forEach(Scheduler.Cancellable::cancel);
    timers.clear();
  }

  private void armNext(EscalationState state) {
    Route route = routes.get(state.routeKey());
    if (route == null || !state.open() || state.stepsSent() >= route.options().escalate().size()) {
      return;
    }
    Instant due = state.firstNotifiedAt().plus(route.options().escalate().get(state.stepsSent()).after());
    Duration delay = Duration.between(clock.instant(), due);
    schedule(state.groupKey(), delay.isNegative() ? Duration.ZERO : delay);
  }

  private synchronized void schedule(String groupKey, Duration delay) {
    if (closed) {
      return;
    }
    Scheduler.Cancellable previous = timers.remove(groupKey);
    if (previous != null) {
      previous.cancel();
    }
    timers.put(groupKey, scheduler.schedule(delay, () -> fire(groupKey)));
  }

  private synchronized void cancel(String groupKey) {
    Scheduler.Cancellable timer = timers.remove(groupKey);
    if (timer != null) {
      timer.cancel();
    }
  }

  private synchronized boolean hasTimer(String groupKey) {
    return timers.containsKey(groupKey);
  }

  private synchronized void fired(String groupKey) {
    timers.remove(groupKey);
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private void fire(String groupKey) {
    fired(groupKey);
    try {
      escalate(groupKey);
    } catch (RuntimeException e) {
      LOG.error("escalating group {} failed", groupKey, e);
    }
  }

  private void escalate(String groupKey) {
    Optional<EscalationState> held = store.get(groupKey);
    if (isClosed() || held.isEmpty() || !held.get().open()) {
      return;
    }
    EscalationState state = held.get();
    Route route = routes.get(state.routeKey());
    if (route == null || state.stepsSent() >= route.options().escalate().size()) {
      return;
    }
    EscalationStep step = route.options().escalate().get(state.stepsSent());
    Instant now = clock.instant();
    if (now.isBefore(state.firstNotifiedAt().plus(step.after()))) {
      armNext(state); // the state changed since this timer was armed
      return;
    }
    if (acks.holding(groupKey, now).isPresent()) {
      store.put(state.endedAt(now)); // an acknowledgement stops the remaining steps
      return;
    }
    Optional<AckedGroup> group = groups.find(groupKey);
    if (group.isEmpty()) {
      return; // gone: its resolve notification ended the escalation, or will on the replica that sends it
    }
    List<Alert> firing = new ArrayList<>();
    group.get().alerts().stream().filter(a -> !a.isResolvedAt(now)).forEach(firing::add);
    if (firing.isEmpty()) {
      store.put(state.endedAt(now)); // resolved: nothing left to escalate
      return;
    }
    RouteOptions options = route.options();
    FlushContext context = new FlushContext(groupKey, group.get().groupLabels(), step.receiver(), state.routeKey(),
        options.repeatInterval(), options.groupInterval(), options.muteTimeIntervals(), options.activeTimeIntervals(), now);
    List<Alert> sent;
    try {
      sent = pipeline.apply(context, withNote(firing, note(step)));
    } catch (RuntimeException e) {
      LOG.warn("escalating group {} to {} failed: {}", groupKey, step.receiver(), e.getMessage());
      sent = List.of();
    }
    if (sent.isEmpty()) {
      // Not sent: another replica holds the group, it is muted, or delivery failed. Look again a
      // group_interval later; the step goes out once, by whoever records it first.
      schedule(groupKey, options.groupInterval());
      return;
    }
    EscalationState next = state.withStepSent();
    store.put(next);
    listener.escalated(groupKey, state.routeKey(), next.stepsSent(), step, firing, now);
    armNext(next);
  }

  /** {@code escalated: nobody acknowledged in 5m}, as the message says it. */
  public static String note(EscalationStep step) {
    return "escalated: nobody acknowledged in " + Durations.format(step.after());
  }

  private static List<Alert> withNote(List<Alert> alerts, String note) {
    List<Alert> noted = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      Map<String, String> annotations = new LinkedHashMap<>(alert.annotations());
      String summary = annotations.get("summary");
      annotations.put("summary", summary == null || summary.isEmpty() ? note : note + ": " + summary);
      annotations.put(NOTE_ANNOTATION, note);
      noted.add(alert.withAnnotations(annotations));
    }
    return noted;
  }
}
