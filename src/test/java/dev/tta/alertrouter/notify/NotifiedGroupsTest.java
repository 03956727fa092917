package dev.tta.alertrouter.notify;

import static dev.tta.alertrouter.dispatch.Notified.firing;
import static dev.tta.alertrouter.dispatch.Notified.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.GroupSnapshot.AlertState;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Notified;
import dev.tta.alertrouter.dispatch.RecordingReceiver;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.TestRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher and the per-receiver pipeline together, driven through group_wait, group_interval,
 * repeat_interval and resolution on a manual clock: which notifications the receiver gets, when,
 * and with exactly which alerts.
 */
class NotifiedGroupsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);
  private static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
  private static final Duration REPEAT_INTERVAL = Duration.ofHours(1);

  private final ManualClock clock = new ManualClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final InMemoryNotificationLog log = new InMemoryNotificationLog(Duration.ofHours(120));
  private final RecordingReceiver slack = new RecordingReceiver();

  @Test
  void notificationsFollowGroupWaitIntervalRepeatAndResolution() {
    Dispatcher dispatcher = dispatcher(pipeline(true, List.of()));

    Alert a = fire("api-1");
    at(T0.plusSeconds(10));
    Alert b = fire("api-2");
    at(T0.plus(GROUP_WAIT));
    assertEquals(List.of(notified(T0.plus(GROUP_WAIT), firing(a), firing(b))), taken(), "after group_wait");

    at(T0.plus(Duration.ofMinutes(12)));
    assertEquals(List.of(), taken(), "unchanged: no notification at 5m30 nor 10m30");
    Alert c = fire("api-3");
    at(T0.plus(Duration.ofMinutes(15)).plusSeconds(30));
    assertEquals(
        List.of(notified(T0.plus(Duration.ofMinutes(15)).plusSeconds(30), firing(a), firing(b), firing(c))),
        taken(),
        "changed: notified at the next group_interval");

    at(T0.plus(Duration.ofMinutes(20)));
    resolve(a);
    at(T0.plus(Duration.ofMinutes(20)).plusSeconds(30));
    Instant resolvedNotice = T0.plus(Duration.ofMinutes(20)).plusSeconds(30);
    assertEquals(List.of(notified(resolvedNotice, resolved(a), firing(b), firing(c))), taken());

    // repeat_interval must have passed strictly: the flush exactly 1h later does not resend.
    at(resolvedNotice.plus(REPEAT_INTERVAL));
    assertEquals(List.of(), taken(), "nothing new within repeat_interval");
    at(resolvedNotice.plus(REPEAT_INTERVAL).plus(GROUP_INTERVAL));
    assertEquals(
        List.of(notified(resolvedNotice.plus(REPEAT_INTERVAL).plus(GROUP_INTERVAL), firing(b), firing(c))),
        taken(),
        "repeat: the unchanged firing group again, without the resolved alert already notified");

    Instant allResolved = T0.plus(Duration.ofMinutes(90));
    at(allResolved);
    resolve(b);
    resolve(c);
    at(allResolved.plusSeconds(30));
    assertEquals(List.of(notified(allResolved.plusSeconds(30), resolved(b), resolved(c))), taken());
    assertEquals(0, dispatcher.activeGroups(), "the emptied group is dropped");

    at(allResolved.plus(Duration.ofHours(3)));
    assertEquals(List.of(), taken(), "a resolved alert is notified once");
  }

  @Test
  void withSendResolvedOffAResolvedAlertIsNeverSent() {
    dispatcher(pipeline(false, List.of()));
    Alert a = fire("api-1");
    Alert b = fire("api-2");
    at(T0.plus(GROUP_WAIT));
    assertEquals(List.of(notified(T0.plus(GROUP_WAIT), firing(a), firing(b))), taken());

    at(T0.plus(Duration.ofMinutes(1)));
    resolve(a);
    at(T0.plus(Duration.ofMinutes(50)));

    assertEquals(List.of(), taken(), "b alone is no news and a's resolution is not sent");
  }

  @Test
  void withSendResolvedOffAnAllResolvedGroupStillClearsTheLog() {
    Dispatcher dispatcher = dispatcher(pipeline(false, List.of()));
    Alert a = fire("api-1");
    at(T0.plus(GROUP_WAIT));
    taken();
    at(T0.plus(Duration.ofMinutes(1)));
    resolve(a);
    at(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL));
    assertEquals(List.of(), taken(), "the resolution is not sent");
    assertEquals(0, dispatcher.activeGroups());

    // a fires again: the log says it was last seen resolved, so this is news.
    at(T0.plus(Duration.ofMinutes(10)));
    Alert again = fire("api-1");
    at(T0.plus(Duration.ofMinutes(10)).plus(GROUP_WAIT));
    assertEquals(List.of(notified(T0.plus(Duration.ofMinutes(10)).plus(GROUP_WAIT), firing(again))), taken());
  }

  @Test
  void aFailedDeliveryIsRetriedAtTheNextGroupInterval() {
    dispatcher(pipeline(true, List.of()));
    Alert a = fire("api-1");
    slack.failNext(1);

    at(T0.plus(GROUP_WAIT));
    assertEquals(List.of(), taken());
    at(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL));

    assertEquals(List.of(notified(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL), firing(a))), taken());
  }

  @Test
  void aMutedAlertIsNotifiedAtTheFlushAfterItsMuteLifts() {
    Instant muteEnds = T0.plus(Duration.ofMinutes(7));
    // A silence on instance api-2 until muteEnds (the real silencer is the mute package's stage).
    Stage silence =
        (context, alerts) ->
            context.now().isBefore(muteEnds)
                ? alerts.stream().filter(x -> !x.labels().getOrEmpty("instance").equals("api-2")).toList()
                : alerts;
    dispatcher(pipeline(true, List.of(silence)));
    Alert a = fire("api-1");
    Alert b = fire("api-2");

    at(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL));
    assertEquals(List.of(notified(T0.plus(GROUP_WAIT), firing(a))), taken());

    at(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL.multipliedBy(2)));
    assertEquals(
        List.of(notified(T0.plus(GROUP_WAIT).plus(GROUP_INTERVAL.multipliedBy(2)), firing(a), firing(b))),
        taken());
  }

  @Test
  void eachIntegrationDedupsOnItsOwn() {
    RecordingReceiver pagerduty = new RecordingReceiver();
    Stage pipeline =
        new PipelineBuilder(log, Runnable::run)
            .receiver(
                "critical",
                List.of(
                    new Integration("slack", 0, true, slack),
                    new Integration("pagerduty", 0, true, pagerduty)))
            .build();
    Dispatcher dispatcher =
        new Dispatcher(
            TestRoutes.single("critical", List.of("alertname"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL),
            pipeline,
            scheduler,
            clock);
    Alert a = fire(dispatcher, "api-1");
    Alert b = fire(dispatcher, "api-2");
    pagerduty.failNext(1);
    Instant first = T0.plus(GROUP_WAIT);
    Instant second = first.plus(GROUP_INTERVAL);
    Instant third = second.plus(GROUP_INTERVAL);

    at(second);
    assertEquals(List.of(Notified.of(first, "critical", firing(a), firing(b))), Notified.take(slack));
    assertEquals(
        List.of(Notified.of(second, "critical", firing(a), firing(b))),
        Notified.take(pagerduty),
        "pagerduty failed at first and is retried; slack, already told, is not");

    resolve(dispatcher, a);
    at(third);
    assertEquals(List.of(Notified.of(third, "critical", resolved(a), firing(b))), Notified.take(slack));
    assertEquals(List.of(Notified.of(third, "critical", resolved(a), firing(b))), Notified.take(pagerduty));
  }

  @Test
  void aReceiverNeverToldOfAFiringAlertIsNotToldOfItsResolution() {
    dispatcher(pipeline(true, List.of()));
    Alert a = fire("api-1");
    slack.failNext(1);
    at(T0.plus(Duration.ofMinutes(1)));
    resolve(a);

    at(T0.plus(Duration.ofHours(2)));

    assertEquals(List.of(), taken());
    assertEquals(0, dispatcher.activeGroups());
  }

  // --- helpers

  private Dispatcher dispatcher;

  private Dispatcher dispatcher(Stage pipeline) {
    dispatcher =
        new Dispatcher(
            TestRoutes.single("team-slack", List.of("alertname", "service"), GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL),
            pipeline,
            scheduler,
            clock);
    return dispatcher;
  }

  private Stage pipeline(boolean sendResolved, List<Stage> muteStages) {
    PipelineBuilder builder = new PipelineBuilder(log, Runnable::run);
    muteStages.forEach(builder::mute);
    return builder.receiver("team-slack", List.of(new Integration("slack", 0, sendResolved, slack))).build();
  }

  private void at(Instant instant) {
    scheduler.advance(Duration.between(clock.instant(), instant));
  }

  private Alert fire(String instance) {
    return fire(dispatcher, instance);
  }

  private Alert fire(Dispatcher target, String instance) {
    Alert alert =
        new Alert(
            Labels.of("alertname", "TTAServiceDown", "service", "api", "instance", instance),
            Map.of("summary", "api down"),
            clock.instant(),
            null,
            "",
            clock.instant());
    target.process(alert);
    return alert;
  }

  private void resolve(Alert alert) {
    resolve(dispatcher, alert);
  }

  private void resolve(Dispatcher target, Alert alert) {
    target.process(alert.withTimes(alert.startsAt(), clock.instant(), clock.instant()));
  }

  private List<Notified> taken() {
    return Notified.take(slack);
  }

  private static Notified notified(Instant at, AlertState... alerts) {
    return Notified.of(at, "team-slack", alerts);
  }
}
