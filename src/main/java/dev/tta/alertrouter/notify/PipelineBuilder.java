package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.dispatch.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Assembles the stage the dispatcher runs at each flush (Alertmanager's {@code PipelineBuilder}):
 * per receiver, the mute stages in order, then for every integration at once: dedup against the
 * notification log (after the route's resolve rules), delivery (resolved alerts filtered where send_resolved is off), and recording
 * what was delivered.
 */
public final class PipelineBuilder {
  private final NotificationLog log;
  private final Executor fanoutExecutor;
  private final List<Stage> muteStages = new ArrayList<>();
  private final Map<String, List<Integration>> receivers = new LinkedHashMap<>();
  private DedupListener dedupListener = DedupListener.NONE;
  private RepeatHold repeatHold = RepeatHold.NONE;
  private NotifiedListener notifiedListener = NotifiedListener.NONE;
  private NoticeOwed noticeOwed = NoticeOwed.NONE;

  /** @param fanoutExecutor runs a receiver's integrations side by side (see {@link FanoutStage}) */
  public PipelineBuilder(NotificationLog log, Executor fanoutExecutor) {
    this.log = Objects.requireNonNull(log, "log");
    this.fanoutExecutor = Objects.requireNonNull(fanoutExecutor, "fanoutExecutor");
  }

  /** Adds a stage that drops muted alerts (inhibited, outside time, silenced); they run in order. */
  public PipelineBuilder mute(Stage stage) {
    muteStages.add(Objects.requireNonNull(stage, "stage"));
    return this;
  }

  /** Tells {@code listener} of every flush the dedup stage suppresses as already notified. */
  public PipelineBuilder dedupListener(DedupListener listener) {
    this.dedupListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Asks {@code hold} before every repeat notification (an acknowledged group's repeats are held back). */
  public PipelineBuilder repeatHold(RepeatHold hold) {
    this.repeatHold = Objects.requireNonNull(hold, "hold");
    return this;
  }

  /** Tells {@code listener} of every notification recorded in the log (after its delivery succeeded). */
  public PipelineBuilder notifiedListener(NotifiedListener listener) {
    this.notifiedListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Asks {@code owed} whether a flush dedup finds nothing new in must still be sent (flapping started or ended). */
  public PipelineBuilder noticeOwed(NoticeOwed owed) {
    this.noticeOwed = Objects.requireNonNull(owed, "owed");
    return this;
  }

  /** Adds a receiver; one with no integrations is valid and notifies nobody, as in Alertmanager. */
  public PipelineBuilder receiver(String name, List<Integration> integrations) {
    Objects.requireNonNull(name, "name");
    if (receivers.containsKey(name)) {
      throw new IllegalArgumentException("receiver " + name + " is defined twice");
    }
    Set<String> seen = new HashSet<>();
    for (Integration integration : integrations) {
      if (!seen.add(integration.name())) {
        throw new IllegalArgumentException(
            "receiver " + name + " has two integrations named " + integration.name());
      }
    }
    receivers.put(name, List.copyOf(integrations));
    return this;
  }

  /** The stage to give the dispatcher. */
  public Stage build() {
    Map<String, Stage> pipelines = new LinkedHashMap<>();
    receivers.forEach((name, integrations) -> pipelines.put(name, receiverPipeline(integrations)));
    return new RoutingStage(pipelines);
  }

  private Stage receiverPipeline(List<Integration> integrations) {
    List<FanoutStage.Branch> branches = new ArrayList<>();
    for (Integration integration : integrations) {
      branches.add(
          new FanoutStage.Branch(
              integration.name(),
              new MultiStage(
                  List.of(
                      new ResolveRuleStage(log, integration.type(), integration.index(), dedupListener),
                      new DedupStage(
                          log, integration.type(), integration.index(), integration.sendResolved(), dedupListener,
                          repeatHold, noticeOwed),
                      new SendResolvedStage(integration.sendResolved(), integration.delivery()),
                      new SetNotifiesStage(log, integration.type(), integration.index(), notifiedListener)))));
    }
    List<Stage> stages = new ArrayList<>(muteStages);
    stages.add(new FanoutStage(branches, fanoutExecutor));
    return new MultiStage(stages);
  }
}
