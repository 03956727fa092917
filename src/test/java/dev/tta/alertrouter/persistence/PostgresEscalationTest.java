package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.ack.AckListener;
import dev.tta.alertrouter.ack.AckedGroup;
import dev.tta.alertrouter.ack.Acknowledgements;
import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Priority;
import dev.tta.alertrouter.config.EscalationStep;
import dev.tta.alertrouter.config.RouteConfig;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.GroupSnapshot;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.escalation.Escalator;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas on one PostgreSQL, each with its dispatcher, pipeline (flush guard first) and
 * escalator, as the composition root wires them: each escalation step is sent once, by the replica
 * holding the group, and the replica taking over from a dead one sends the next step, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(PostgresExtension.class)
class PostgresEscalationTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  static final Instant FIRST = T0.plus(GROUP_WAIT);
  static final Labels API_DOWN = Labels.of("alertname", "TTAServiceDown", "service", "api");

  PostgresServer server;
  ManualClock clock;
  ManualScheduler scheduler;
  final RecordingReceiver team = new RecordingReceiver();
  final RecordingReceiver secondary = new RecordingReceiver();
  final RecordingReceiver manager = new RecordingReceiver();
  final RouteTree routes = RouteTree.of(new RouteConfig("team", List.of("alertname"), List.of(), false, GROUP_WAIT,
      GROUP_INTERVAL, Duration.ofHours(4), List.of(), List.of(), List.of(), new SourceLocation("test.yml", 1),
      List.of(new EscalationStep(Duration.ofMinutes(5), "secondary"), new EscalationStep(Duration.ofMinutes(15), "manager"))));
  String url;
  Replica a;
  Replica b;

  /** One router process. */
  final class Replica implements AutoCloseable {
    final Persistence persistence;
    final Dispatcher dispatcher;
    final Escalator escalator;
    final Scheduler.Cancellable sync;
    private Escalator notifying;
    private Scheduler.Cancellable rescan;
    int sentSteps;

    Replica(String name) {
      persistence = Persistence.openJdbc(url, name, clock, StaleAlertListener.IGNORE);
      Stage pipeline = new PipelineBuilder(persistence.notificationLog(), Runnable::run)
          .mute(persistence.flushGuard())
          .notifiedListener((context, integration, index, entry) -> notifying.notified(context, !entry.firing().isEmpty()))
          .receiver("team", List.of(new Integration("webhook", 0, true, team)))
          .receiver("secondary", List.of(new Integration("webhook", 0, true, secondary)))
          .receiver("manager", List.of(new Integration("webhook", 0, true, manager)))
          .build();
      dispatcher = new Dispatcher(routes, pipeline, scheduler, clock);
      Acknowledgements acks = new Acknowledgements(persistence.acks(), this::group, AckListener.NONE, clock);
      escalator = new Escalator(routes, persistence.escalations(), acks, this::group, pipeline, scheduler, clock,
          (groupKey, routeKey, number, step, alerts, at) -> sentSteps++);
      notifying = escalator;
      persistence.alerts().list(List.of()).forEach(dispatcher::process);
      escalator.resume();
      rescan();
      sync = persistence.startPeerSync(scheduler, Duration.ofSeconds(15), alerts -> alerts.forEach(dispatcher::process));
    }

    /** As the composition root does every 10 s: arm the escalations peers started. */
    private void rescan() {
      rescan = scheduler.schedule(Duration.ofSeconds(10), () -> {
        escalator.resume();
        rescan();
      });
    }

    private Optional<AckedGroup> group(String key) {
      for (GroupSnapshot g : dispatcher.groups()) {
        if (g.groupKey().equals(key)) {
          List<Alert> alerts = new ArrayList<>();
          g.alerts().forEach(s -> persistence.alerts().get(s.fingerprint()).ifPresent(alerts::add));
          return Optional.of(new AckedGroup(key, g.groupLabels(), g.receiver(), alerts, Priority.P0, "none", T0));
        }
      }
      return Optional.empty();
    }

    void receive(Alert alert) {
      persistence.alerts().upsert(List.of(alert)).forEach(dispatcher::process);
    }

    @Override
    public void close() {
      sync.cancel();
      rescan.cancel();
      escalator.close();
      dispatcher.stop();
      persistence.close();
    }
  }

  @BeforeAll
  void startServer(PostgresServer server) {
    this.server = server;
  }

  @BeforeEach
  void startReplicas(TestInfo test) throws Exception {
    clock = new ManualClock(T0);
    scheduler = new ManualScheduler(clock);
    url = server.newDatabase(test.getTestMethod().orElseThrow().getName().toLowerCase());
    a = new Replica("replica-a");
    b = new Replica("replica-b");
  }

  @AfterEach
  void stopReplicas() {
    for (Replica replica : new Replica[] {a, b}) {
      if (replica != null) {
        replica.close();
      }
    }
  }

  private void advanceTo(Instant at) {
    scheduler.advance(Duration.between(clock.instant(), at));
  }

  @Test
  void eachStepIsSentOnceAndTheReplicaTakingOverSendsTheNextOnce() {
    Alert down = new Alert(API_DOWN, Map.of(), T0, null, "", T0);
    a.receive(down);
    b.receive(down);
    advanceTo(FIRST);
    assertEquals(1, team.take().size(), "one replica notified the group");

    advanceTo(FIRST.plus(Duration.ofMinutes(7)));
    List<RecordingReceiver.Notification> step1 = secondary.take();
    assertEquals(1, step1.size(), "step 1 once, though both replicas' timers fired");
    assertEquals(FIRST.plus(Duration.ofMinutes(5)), step1.get(0).context().now());
    assertEquals("escalated: nobody acknowledged in 5m", step1.get(0).alerts().get(0).annotations().get("escalation"));

    // The replica that sent step 1 dies; its lease lapses and the other takes the group over.
    Replica sender = a.sentSteps > 0 ? a : b;
    assertEquals(1, a.sentSteps + b.sentSteps);
    sender.close();
    if (sender == a) {
      a = null;
    } else {
      b = null;
    }
    advanceTo(FIRST.plus(Duration.ofHours(1)));

    List<RecordingReceiver.Notification> step2 = manager.take();
    assertEquals(1, step2.size(), "step 2 once, by the survivor");
    assertEquals(List.of(), secondary.take(), "step 1 is not sent again by the survivor");
  }

  private String groupKey() {
    return "{}:{alertname=\"TTAServiceDown\"}";
  }
}
