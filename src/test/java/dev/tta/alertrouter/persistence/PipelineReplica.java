package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.Dispatcher;
import dev.tta.alertrouter.dispatch.ManualClock;
import dev.tta.alertrouter.dispatch.ManualScheduler;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.notify.PipelineBuilder;
import dev.tta.alertrouter.routing.RouteTree;
import dev.tta.alertrouter.store.StaleAlertListener;
import java.time.Duration;
import java.util.List;

/**
 * One router process on a PostgreSQL database replicas share: its stores, a pipeline to one
 * receiver {@code team} guarded by the group leases, its dispatcher and its peer sync, all on the
 * test's manual clock and scheduler.
 */
final class PipelineReplica implements AutoCloseable {
  final Persistence persistence;
  final Dispatcher dispatcher;
  private final Scheduler.Cancellable sync;

  PipelineReplica(String url, String name, RouteTree routes, Stage receiver, ManualClock clock,
      ManualScheduler scheduler, Duration syncPeriod) {
    persistence = Persistence.openJdbc(url, name, clock, StaleAlertListener.IGNORE);
    dispatcher = new Dispatcher(
        routes,
        new PipelineBuilder(persistence.notificationLog(), Runnable::run)
            .mute(persistence.flushGuard())
            .receiver("team", List.of(new Integration("webhook", 0, true, receiver)))
            .build(),
        scheduler,
        clock);
    persistence.alerts().list(List.of()).forEach(dispatcher::process);
    sync = persistence.startPeerSync(scheduler, syncPeriod, alerts -> alerts.forEach(dispatcher::process));
  }

  /** What intake does: store, then hand on; a refused write is a 503 to the sender. */
  void receive(Alert alert) {
    persistence.alerts().upsert(List.of(alert)).forEach(dispatcher::process);
  }

  @Override
  public void close() {
    sync.cancel();
    dispatcher.stop();
    persistence.close();
  }
}
