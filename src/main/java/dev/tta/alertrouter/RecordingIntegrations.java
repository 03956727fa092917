package dev.tta.alertrouter;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.notify.Integration;
import dev.tta.alertrouter.replay.OutcomeRecorder;
import dev.tta.alertrouter.replay.SentNotification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A receiver's integrations as {@link Integrations} builds them (same types, indexes and
 * send_resolved, so dedup and the notification log behave the same), but each records the
 * notification instead of sending it: what replay runs the pipeline with.
 */
final class RecordingIntegrations implements IntegrationFactory {
  private final OutcomeRecorder recorder;

  RecordingIntegrations(OutcomeRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public List<Integration> integrationsFor(ReceiverConfig receiver, Consumer<AutoCloseable> resources) {
    List<Integration> out = new ArrayList<>();
    for (int i = 0; i < receiver.slackConfigs().size(); i++) {
      out.add(integration("slack", i, receiver.slackConfigs().get(i).sendResolved(), receiver.shadow()));
    }
    for (int i = 0; i < receiver.pagerDutyConfigs().size(); i++) {
      out.add(integration("pagerduty", i, receiver.pagerDutyConfigs().get(i).sendResolved(), receiver.shadow()));
    }
    for (int i = 0; i < receiver.emailConfigs().size(); i++) {
      out.add(integration("email", i, receiver.emailConfigs().get(i).sendResolved(), receiver.shadow()));
    }
    for (int i = 0; i < receiver.webhookConfigs().size(); i++) {
      out.add(integration("webhook", i, receiver.webhookConfigs().get(i).sendResolved(), receiver.shadow()));
    }
    return out;
  }

  private Integration integration(String type, int index, boolean sendResolved, boolean shadowReceiver) {
    Stage record = (FlushContext context, List<Alert> alerts) -> {
      List<String> firing = new ArrayList<>();
      List<String> resolved = new ArrayList<>();
      for (Alert a : alerts) {
        (a.isResolvedAt(context.now()) ? resolved : firing).add(a.fingerprint().toString());
      }
      firing.sort(null);
      resolved.sort(null);
      recorder.sent(new SentNotification(context.now(), context.receiver(), type + "[" + index + "]",
          context.groupKey(), firing, resolved, shadowReceiver || context.shadow()));
      return alerts;
    };
    return new Integration(type, index, sendResolved, record);
  }
}
