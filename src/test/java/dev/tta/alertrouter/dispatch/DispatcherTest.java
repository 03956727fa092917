package dev.tta.alertrouter.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Alert.Status;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.GroupSnapshot.AlertState;
import dev.tta.alertrouter.dispatch.RecordingReceiver.Notification;
import dev.tta.alertrouter.routing.RouteTree;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  private static final Duration REPEAT_INTERVAL = Duration.ofHours(4);

  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingReceiver receiver = new RecordingReceiver();
  private final RouteTree tree =
      TestRoutes.single("default", List.of("alertname", "service"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL);
  private final Dispatcher dispatcher = new Dispatcher(tree, receiver, scheduler, clock);

  @Test
  void processTellsWhichRouteTookTheAlertAndWhichGroupItJoined() {
    Alert a = firing("api-1");

    List<Placement> placements = dispatcher.process(a);

    assertEquals(1, placements.size());
    assertEquals(tree.root(), placements.get(0).route());
    assertEquals(dispatcher.groups().get(0).groupKey(), placements.get(0).groupKey());
    dispatcher.stop();
    assertEquals(List.of(), dispatcher.process(a), "a stopped dispatcher places nothing");
  }

  @Test
  void groupWaitDelaysTheFirstNotification() {
    Alert a = firing("api-1");
    dispatcher.process(a);

    scheduler.advance(GROUP_WAIT.minusSeconds(1));
    assertEquals(List.of(), receiver.notifications());

    scheduler.advance(Duration.ofSeconds(1));
    assertNotifications(List.of(expect(T0.plus(GROUP_WAIT), state(a, Status.FIRING))));
  }

  @Test
  void alertsArrivingDuringGroupWaitJoinTheFirstNotification() {
    Alert a = firing("api-1");
    dispatcher.process(a);
    scheduler.advance(Duration.ofSeconds(10));
    Alert b = firing("api-2");
    dispatcher.process(b);

    scheduler.advance(Duration.ofSeconds(20));

    assertNotifications(
        List.of(expect(T0.plus(GROUP_WAIT), state(a, Status.FIRING), state(b, Status.FIRING))));
  }

  @Test
  void laterAlertsWaitForTheNextGroupInterval() {
    Alert a = firing("api-1");
    dispatcher.process(a);
    scheduler.advance(GROUP_WAIT);
    receiver.take();

    scheduler.advance(Duration.ofMinutes(1));
    Alert b = firing("api-2");
    dispatcher.process(b);
    scheduler.runDue();
    assertEquals(List.of(), receiver.notifications(), "a new alert in a flushed group waits");

    scheduler.advance(GROUP_INTERVAL.minusMinutes(1));
    assertNotifications(
        List.of(
            expect(
                T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL),
                state(a, Status.FIRING),
                state(b, Status.FIRING))));
  }

  @Test
  void everyGroupIntervalFlushesTheWholeGroup() {
    Alert a = firing("api-1");
    dispatcher.process(a);

    scheduler.advance(GROUP_WAIT.plus(GROUP_INTERVAL.multipliedBy(2)));

    Instant first = T0.plus(GROUP_WAIT);
    assertNotifications(
        List.of(
            expect(first, state(a, Status.FIRING)),
            expect(first.plus(GROUP_INTERVAL), state(a, Status.FIRING)),
            expect(first.plus(GROUP_INTERVAL.multipliedBy(2)), state(a, Status.FIRING))));
  }

  @Test
  void resolvedAlertsAreForgottenAfterASuccessfulFlush() {
    Alert a = firing("api-1");
    Alert b = firing("api-2");
    dispatcher.process(a);
    dispatcher.process(b);
    scheduler.advance(GROUP_WAIT);
    receiver.take();

    scheduler.advance(Duration.ofMinutes(2));
    Alert aResolved = resolved(a);
    dispatcher.process(aResolved);
    scheduler.advance(GROUP_INTERVAL.minusMinutes(2));
    Instant second = T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL);
    assertNotifications(
        List.of(expect(second, state(a, Status.RESOLVED), state(b, Status.FIRING))));
    assertEquals(
        List.of(state(b, Status.FIRING)), dispatcher.groups().get(0).alerts(), "a is forgotten");

    scheduler.advance(GROUP_INTERVAL);
    assertNotifications(List.of(expect(second.plus(GROUP_INTERVAL), state(b, Status.FIRING))));
  }

  @Test
  void resolvedAlertsAreKeptAfterAFailedFlush() {
    Alert a = firing("api-1");
    Alert b = firing("api-2");
    dispatcher.process(a);
    dispatcher.process(b);
    scheduler.advance(GROUP_WAIT);
    receiver.take();
    dispatcher.process(resolved(a));

    receiver.failNext(1);
    scheduler.advance(GROUP_INTERVAL);
    assertEquals(List.of(), receiver.notifications());
    assertEquals(
        List.of(state(a, Status.RESOLVED), state(b, Status.FIRING)),
        dispatcher.groups().get(0).alerts(),
        "a failed flush keeps the resolved alert");

    scheduler.advance(GROUP_INTERVAL);
    Instant third = T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL.multipliedBy(2));
    assertNotifications(
        List.of(expect(third, state(a, Status.RESOLVED), state(b, Status.FIRING))));
    assertEquals(List.of(state(b, Status.FIRING)), dispatcher.groups().get(0).alerts());
  }

  @Test
  void aResolvedAlertUpdatedDuringTheFlushIsKept() {
    Alert a = firing("api-1");
    AtomicReference<Dispatcher> self = new AtomicReference<>();
    AtomicReference<Alert> refired = new AtomicReference<>();
    // A slow receiver: while it delivers "a resolved", a newer copy of a (firing again) arrives.
    Stage slowReceiver =
        (context, alerts) -> {
          if (refired.get() == null && alerts.get(0).isResolvedAt(context.now())) {
            refired.set(a.withTimes(clock.instant(), null, clock.instant()));
            self.get().process(refired.get());
          }
          return receiver.apply(context, alerts);
        };
    Dispatcher slow = new Dispatcher(tree, slowReceiver, scheduler, clock);
    self.set(slow);
    slow.process(a);
    scheduler.advance(GROUP_WAIT);
    scheduler.advance(Duration.ofMinutes(1));
    slow.process(resolved(a));

    scheduler.advance(GROUP_INTERVAL.minusMinutes(1));

    assertEquals(Status.RESOLVED, receiver.notifications().get(1).alerts().get(0).statusAt(clock.instant()));
    assertEquals(List.of(state(a, Status.FIRING)), slow.groups().get(0).alerts());
  }

  @Test
  void anOlderCopyArrivingLateDoesNotReplaceANewerOne() {
    Alert a = firing("api-1");
    scheduler.advance(Duration.ofSeconds(10));
    Alert aResolved = resolved(a);

    dispatcher.process(aResolved);
    dispatcher.process(a);

    assertEquals(List.of(state(a, Status.RESOLVED)), dispatcher.groups().get(0).alerts());
  }

  @Test
  void aGroupWithNoAlertsLeftIsDropped() {
    Alert a = firing("api-1");
    dispatcher.process(a);
    scheduler.advance(GROUP_WAIT);
    assertEquals(1, dispatcher.activeGroups());
    dispatcher.process(resolved(a));

    scheduler.advance(GROUP_INTERVAL);

    assertEquals(0, dispatcher.activeGroups());
    assertEquals(List.of(), dispatcher.groups());
    assertEquals(0, scheduler.pending(), "no timer is left behind");

    receiver.take();
    scheduler.advance(Duration.ofMinutes(1));
    Alert again = firing("api-1");
    dispatcher.process(again);
    scheduler.advance(GROUP_WAIT);
    Instant refiredAt = T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL).plusSeconds(60);
    assertNotifications(List.of(expect(refiredAt.plus(GROUP_WAIT), state(again, Status.FIRING))));
  }

  @Test
  void anAlertThatStartedLongAgoFlushesAtOnce() {
    Alert old = alert("api-1", T0.minus(Duration.ofHours(1)), null);
    dispatcher.process(old);

    scheduler.runDue();

    assertNotifications(List.of(expect(T0, state(old, Status.FIRING))));
    assertEquals(T0.plus(GROUP_INTERVAL), dispatcher.groups().get(0).nextFlushAt());
  }

  @Test
  void aReplayOfOldAlertsFlushesEachGroupOnceWithAllOfThem() {
    List<Alert> stored = new java.util.ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      stored.add(alert("api-" + i, T0.minus(Duration.ofHours(1)), null));
    }

    dispatcher.replay(() -> stored.forEach(a -> {
      dispatcher.process(a);
      // A worker runs whatever is due while the replay is still feeding: nothing may be.
      scheduler.runDue();
      // The API and the UI list groups meanwhile: a held group shows when it would flush.
      assertEquals(T0.plus(GROUP_WAIT), dispatcher.groups().get(0).nextFlushAt());
    }));
    assertEquals(List.of(), receiver.notifications(), "no flush before the replay has fed every stored alert");
    scheduler.runDue();

    AlertState[] all = stored.stream().sorted(AlertOrder.INSTANCE).map(a -> state(a, Status.FIRING)).toArray(AlertState[]::new);
    assertNotifications(List.of(expect(T0, all)));
    assertEquals(T0.plus(GROUP_INTERVAL), dispatcher.groups().get(0).nextFlushAt());
  }

  @Test
  void aGroupReplayedFromRecentAlertsStillWaitsOutItsGroupWait() {
    Alert recent = alert("api-1", T0.minusSeconds(5), null);
    dispatcher.replay(() -> {
      dispatcher.process(recent);
      scheduler.advance(Duration.ofSeconds(10));
    });

    scheduler.advance(GROUP_WAIT.minusSeconds(11));
    assertEquals(List.of(), receiver.notifications());
    scheduler.advance(Duration.ofSeconds(1));
    assertNotifications(List.of(expect(T0.plus(GROUP_WAIT), state(recent, Status.FIRING))));
  }

  @Test
  void aReplayLongerThanGroupWaitFlushesItsGroupsWhenItEnds() {
    Alert recent = alert("api-1", T0, null);
    dispatcher.replay(() -> {
      dispatcher.process(recent);
      scheduler.advance(GROUP_WAIT.plusSeconds(10));
    });
    assertEquals(List.of(), receiver.notifications());

    scheduler.runDue();

    assertNotifications(List.of(expect(T0.plus(GROUP_WAIT).plusSeconds(10), state(recent, Status.FIRING))));
  }

  @Test
  void groupsCreatedAfterTheReplayArmAsUsual() {
    dispatcher.replay(() -> { });
    Alert old = alert("api-1", T0.minus(Duration.ofHours(1)), null);
    dispatcher.process(old);

    scheduler.runDue();

    assertNotifications(List.of(expect(T0, state(old, Status.FIRING))));
  }

  @Test
  void anOldAlertDoesNotHurryAGroupThatHasFlushed() {
    dispatcher.process(firing("api-1"));
    scheduler.advance(GROUP_WAIT);
    receiver.take();

    dispatcher.process(alert("api-2", T0.minus(Duration.ofHours(1)), null));
    scheduler.runDue();

    assertEquals(List.of(), receiver.notifications());
    assertEquals(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL), dispatcher.groups().get(0).nextFlushAt());
  }

  @Test
  void aResendSharingTheLabelsJoinsTheRememberedGroupAndANewOneOnceItWasDropped() {
    Labels labels = Labels.of("alertname", "TTAServiceDown", "service", "api", "instance", "api-1");
    Alert first = alert(labels, T0, null);
    List<Placement> placed = dispatcher.process(first);
    clock.advance(Duration.ofSeconds(5));
    Alert resent = alert(labels, T0, null);

    assertEquals(placed, dispatcher.process(resent), "the same group, without matching the routes again");
    assertEquals(1, dispatcher.activeGroups());
    scheduler.advance(GROUP_WAIT);
    List<Notification> sent = receiver.take();
    assertEquals(1, sent.size());
    assertEquals(List.of(resent), sent.get(0).alerts(), "the resent copy is the one held");

    // Resolved and notified, the group empties and is dropped; the remembered group is stopped.
    dispatcher.process(alert(labels, T0, clock.instant()));
    scheduler.advance(GROUP_INTERVAL);
    receiver.take();
    assertEquals(0, dispatcher.activeGroups());

    Alert again = alert(labels, clock.instant(), null);
    assertEquals(placed, dispatcher.process(again), "placed anew: the same route and group key");
    assertEquals(1, dispatcher.activeGroups(), "in a new group the dispatcher holds");
    scheduler.advance(GROUP_WAIT);
    assertNotifications(List.of(expect(clock.instant(), state(again, Status.FIRING))));
  }

  @Test
  void anotherDispatcherDoesNotUseTheGroupsRememberedByTheFirst() {
    Labels labels = Labels.of("alertname", "TTAServiceDown", "service", "api", "instance", "api-1");
    dispatcher.process(alert(labels, T0, null));
    RecordingReceiver otherReceiver = new RecordingReceiver();
    Dispatcher other = new Dispatcher(tree, otherReceiver, scheduler, clock);

    other.process(alert(labels, T0, null));

    assertEquals(1, other.activeGroups());
    scheduler.advance(GROUP_WAIT);
    assertEquals(1, receiver.take().size());
    assertEquals(1, otherReceiver.take().size(), "the second dispatcher's own group flushed to its own pipeline");
  }

  @Test
  void anAlertOfSeveralRoutesRemembersEachGroupInTreeOrder() {
    RouteTree continuing =
        RouteTree.of(
            TestRoutes.node(
                "default", List.of("alertname"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL, false, List.of(),
                List.of(
                    TestRoutes.node("first", null, null, null, null, true, List.of("team=\"platform\""), List.of()),
                    TestRoutes.node("second", null, null, null, null, false, List.of("team=\"platform\""), List.of()))));
    Dispatcher both = new Dispatcher(continuing, receiver, scheduler, clock);
    Labels labels = Labels.of("alertname", "TTAServiceDown", "team", "platform");
    List<Placement> placed = both.process(alert(labels, T0, null));
    clock.advance(Duration.ofSeconds(5));
    Alert resent = alert(labels, T0, null);

    assertEquals(placed, both.process(resent));
    assertEquals(List.of("first", "second"), placed.stream().map(p -> p.route().receiver()).toList());
    scheduler.advance(GROUP_WAIT);
    List<Notification> sent = receiver.take();
    assertEquals(2, sent.size());
    for (Notification n : sent) {
      assertEquals(resent.updatedAt(), n.alerts().get(0).updatedAt(), n.context().receiver() + " holds the resent copy");
    }
  }

  @Test
  void anAlertJoinsOneGroupPerMatchingRoute() {
    RouteTree continuing =
        RouteTree.of(
            TestRoutes.node(
                "default",
                List.of("alertname", "service"),
                GROUP_WAIT,
                GROUP_INTERVAL,
                REPEAT_INTERVAL,
                false,
                List.of(),
                List.of(
                    TestRoutes.node(
                        "critical-alerts", List.of("alertname"), Duration.ZERO, null, null, true,
                        List.of("severity=\"critical\""), List.of()),
                    TestRoutes.node(
                        "platform-team", null, null, null, null, false,
                        List.of("team=\"platform\""), List.of()))));
    Dispatcher both = new Dispatcher(continuing, receiver, scheduler, clock);
    Alert a =
        alert(
            Labels.of("alertname", "TTAServiceDown", "service", "api", "severity", "critical", "team", "platform"),
            T0,
            null);

    both.process(a);
    scheduler.advance(GROUP_WAIT);

    List<Notification> sent = receiver.notifications();
    assertEquals(2, sent.size());
    assertEquals("{}/{severity=\"critical\"}:{alertname=\"TTAServiceDown\"}", sent.get(0).context().groupKey());
    assertEquals("critical-alerts", sent.get(0).context().receiver());
    assertEquals(T0, sent.get(0).context().now());
    assertEquals(
        "{}/{team=\"platform\"}:{alertname=\"TTAServiceDown\", service=\"api\"}",
        sent.get(1).context().groupKey());
    assertEquals("platform-team", sent.get(1).context().receiver());
    assertEquals(T0.plus(GROUP_WAIT), sent.get(1).context().now());
    assertEquals(List.of(a), sent.get(1).alerts());
    assertEquals(2, both.activeGroups());
  }

  @Test
  void groupByAllKeysTheGroupByEveryLabel() {
    RouteTree all = TestRoutes.single("default", List.of("..."), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL);
    Dispatcher byAll = new Dispatcher(all, receiver, scheduler, clock);
    byAll.process(firing("api-1"));
    byAll.process(firing("api-2"));

    scheduler.advance(GROUP_WAIT);

    assertEquals(2, byAll.activeGroups());
    assertEquals(
        List.of(
            "{}:{alertname=\"TTAServiceDown\", instance=\"api-1\", service=\"api\"}",
            "{}:{alertname=\"TTAServiceDown\", instance=\"api-2\", service=\"api\"}"),
        receiver.notifications().stream().map(n -> n.context().groupKey()).sorted().toList());
  }

  @Test
  void aZeroGroupIntervalIsRefused() {
    RouteTree busy = TestRoutes.single("default", List.of(), GROUP_WAIT, Duration.ZERO, REPEAT_INTERVAL);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Dispatcher(busy, receiver, scheduler, clock));
    assertEquals("route {} (test.yml:1): group_interval must be greater than zero", e.getMessage());
  }

  @Test
  void aFlushedFiringAlertHasNoEndUntilItEnds() {
    // As pushed by Prometheus: firing, with an end some minutes ahead that is renewed on each push.
    Alert pushed = alert("api-1", T0, T0.plus(Duration.ofMinutes(4)));
    dispatcher.process(pushed);

    scheduler.advance(GROUP_WAIT);
    Alert sent = receiver.take().get(0).alerts().get(0);
    assertNull(sent.endsAt(), "a firing alert must not resolve itself later in the pipeline");

    scheduler.advance(GROUP_INTERVAL);
    Alert later = receiver.take().get(0).alerts().get(0);
    assertEquals(T0.plus(Duration.ofMinutes(4)), later.endsAt());
    assertEquals(0, dispatcher.activeGroups(), "its end passed, so it was notified resolved and dropped");
  }

  @Test
  void flushesHandAlertsOnInAlertmanagersOrder() {
    Alert noInstance = alert(Labels.of("alertname", "TTAServiceDown", "service", "api"), T0, null);
    Alert instanceB = firing("api-b");
    Alert instanceA = firing("api-a");
    Alert jobOnly =
        alert(Labels.of("alertname", "TTAServiceDown", "service", "api", "job", "tta"), T0, null);
    for (Alert a : List.of(noInstance, instanceB, instanceA, jobOnly)) {
      dispatcher.process(a);
    }

    scheduler.advance(GROUP_WAIT);

    assertEquals(
        List.of(jobOnly, instanceA, instanceB, noInstance),
        receiver.notifications().get(0).alerts());
  }

  @Test
  void groupsReportTheirStateForTheApi() {
    Alert a = firing("api-1");
    dispatcher.process(a);
    scheduler.advance(Duration.ofSeconds(5));
    Alert b = alert("api-2", T0, T0.plusSeconds(5));
    dispatcher.process(b);

    GroupSnapshot group = dispatcher.groups().get(0);

    assertEquals("{}:{alertname=\"TTAServiceDown\", service=\"api\"}", group.groupKey());
    assertEquals("{}", group.routeKey());
    assertEquals("default", group.receiver());
    assertEquals(Labels.of("alertname", "TTAServiceDown", "service", "api"), group.groupLabels());
    assertEquals(List.of(state(a, Status.FIRING), state(b, Status.RESOLVED)), group.alerts());
    assertEquals(T0.plus(GROUP_WAIT), group.nextFlushAt());
    assertEquals(T0.plusSeconds(5), group.at());
  }

  @Test
  void aStoppedDispatcherNeitherFlushesNorTakesAlerts() {
    dispatcher.process(firing("api-1"));

    dispatcher.stop();
    dispatcher.process(firing("api-2"));
    scheduler.advance(Duration.ofHours(1));

    assertEquals(List.of(), receiver.notifications());
    assertEquals(0, dispatcher.activeGroups());
    assertEquals(0, scheduler.pending());
  }

  @Test
  void alertsFromManyThreadsAllReachTheirGroups() throws InterruptedException {
    int threads = 8;
    int perThread = 200;
    Thread[] senders = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      senders[t] =
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  // Ten groups (by service), each fed by every thread.
                  dispatcher.process(
                      alert(
                          Labels.of(
                              "alertname", "TTAServiceDown",
                              "service", "svc-" + (i % 10),
                              "instance", thread + "-" + i),
                          T0,
                          null));
                }
              });
      senders[t].start();
    }
    for (Thread sender : senders) {
      sender.join();
    }

    scheduler.advance(GROUP_WAIT);

    assertEquals(10, dispatcher.activeGroups());
    List<Notification> sent = receiver.notifications();
    assertEquals(10, sent.size());
    assertEquals(threads * perThread, sent.stream().mapToInt(n -> n.alerts().size()).sum());
  }

  // --- helpers

  private Alert firing(String instance) {
    return alert(instance, clock.instant(), null);
  }

  private Alert alert(String instance, Instant startsAt, Instant endsAt) {
    return alert(
        Labels.of("alertname", "TTAServiceDown", "service", "api", "instance", instance),
        startsAt,
        endsAt);
  }

  private Alert alert(Labels labels, Instant startsAt, Instant endsAt) {
    return new Alert(labels, Map.of(), startsAt, endsAt, "", clock.instant());
  }

  /** A newer copy of {@code firing}, resolved now. */
  private Alert resolved(Alert firing) {
    return firing.withTimes(firing.startsAt(), clock.instant(), clock.instant());
  }

  private static AlertState state(Alert alert, Status status) {
    return new AlertState(alert.fingerprint(), status);
  }

  private static Notified expect(Instant at, AlertState... alerts) {
    return Notified.of(at, "default", alerts);
  }

  private void assertNotifications(List<Notified> expected) {
    assertEquals(expected, Notified.take(receiver));
  }
}
