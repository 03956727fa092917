package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.config.DigestConfig;
import dev.tta.alertrouter.dispatch.Scheduler;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.notify.digest.DigestBudget;
import dev.tta.alertrouter.notify.digest.DigestListener;
import dev.tta.alertrouter.notify.digest.FoldStage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Assembles the stage the dispatcher runs at each flush (Alertmanager's {@code PipelineBuilder}):
 * per receiver, the mute stages in order, then for every integration at once: dedup against the
 * notification log (after the route's resolve rules), delivery (resolved alerts filtered where
 * send_resolved is off; beyond a receiver's digest budget, folded into the digest instead), and
 * recording what was delivered.
 */
public final class PipelineBuilder {
  private final NotificationLog log;
  private final Executor fanoutExecutor;
  private final List<Stage> muteStages = new ArrayList<>();
  private final Map<String, List<Integration>> receivers = new LinkedHashMap<>();
  private DedupListener dedupListener = DedupListener.NONE;
  private RepeatHold repeatHold = RepeatHold.NONE;
  private NotifiedListener notifiedListener = NotifiedListener.NONE;
  private StageWrapper wrapper = StageWrapper.NONE;
  private final Map<String, DigestConfig> digestConfigs = new LinkedHashMap<>();
  private final List<DigestBudget> digestBudgets = new ArrayList<>();
  private Scheduler digestScheduler;
  private Clock digestClock;
  private DigestListener digestListener = DigestListener.NONE;
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

  /** Wraps the mute stages, each integration's branch and its dedup stage (tracing puts each in a span). */
  public PipelineBuilder wrapper(StageWrapper wrapper) {
    this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
    return this;
  }

  /**
   * Where digests are timed, and who hears of folds and digests; needed before a receiver with a
   * digest is added.
   */
  public PipelineBuilder digests(Scheduler scheduler, Clock clock, DigestListener listener) {
    this.digestScheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.digestClock = Objects.requireNonNull(clock, "clock");
    this.digestListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * Adds a receiver whose notifications beyond {@code digest}'s budget are folded into a digest per
   * interval and integration (those integrations that can send one).
   */
  public PipelineBuilder receiver(String name, List<Integration> integrations, Optional<DigestConfig> digest) {
    receiver(name, integrations);
    digest.ifPresent(d -> {
      if (digestScheduler == null) {
        throw new IllegalStateException("receiver " + name + " has a digest, but no digest scheduler was given");
      }
      digestConfigs.put(name, d);
    });
    return this;
  }

  /**
   * The digest budgets of the stage {@link #build} made: close them when the stage is replaced, so
   * that their pending digests go out at once (before the notifiers are closed).
   */
  public List<DigestBudget> digestBudgets() {
    return List.copyOf(digestBudgets);
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
    receivers.forEach((name, integrations) -> pipelines.put(name, receiverPipeline(name, integrations)));
    return new RoutingStage(pipelines);
  }

  private Stage receiverPipeline(String receiver, List<Integration> integrations) {
    List<FanoutStage.Branch> branches = new ArrayList<>();
    DigestConfig digest = digestConfigs.get(receiver);
    for (Integration integration : integrations) {
      Stage dedup = new DedupStage(
          log, integration.type(), integration.index(), integration.sendResolved(), dedupListener, repeatHold,
          noticeOwed);
      Stage delivery = integration.delivery();
      if (digest != null && integration.digests().isPresent()) {
        DigestBudget budget = new DigestBudget(receiver, integration.type(), integration.index(), digest,
            digestScheduler, digestClock, integration.digests().get(), digestListener);
        digestBudgets.add(budget);
        delivery = new FoldStage(budget, delivery);
      }
      branches.add(
          new FanoutStage.Branch(
              integration.name(),
              wrapper.wrap("integration " + integration.name(), new MultiStage(
                  List.of(
                      new ResolveRuleStage(log, integration.type(), integration.index(), dedupListener),
                      wrapper.wrap("dedup", dedup),
                      new SendResolvedStage(integration.sendResolved(), delivery),
                      new SetNotifiesStage(log, integration.type(), integration.index(), notifiedListener))))));
    }
    return new MultiStage(List.of(
        wrapper.wrap("mute", new MultiStage(muteStages)),
        new FanoutStage(branches, fanoutExecutor)));
  }
}
