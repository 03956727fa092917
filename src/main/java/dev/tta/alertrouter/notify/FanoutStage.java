package dev.tta.alertrouter.notify;

import dev.tta.alertrouter.alert.Alert;
import dev.tta.alertrouter.dispatch.FlushContext;
import dev.tta.alertrouter.dispatch.Stage;
import dev.tta.alertrouter.dispatch.StageFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one branch per integration of a receiver, at the same time, each on all the alerts
 * (Alertmanager's {@code FanoutStage}): a page to PagerDuty must not wait while Slack is retried.
 * The flush fails if any branch failed, naming each; the branches that succeeded have logged their
 * notification and will not repeat it.
 */
final class FanoutStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(FanoutStage.class);

  private final List<Branch> branches;
  private final Executor executor;

  /** One integration's stages, named for error messages (e.g. {@code slack[0]}). */
  record Branch(String name, Stage stage) {
    public Branch {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(stage, "stage");
    }
  }

  /**
   * @param executor runs every branch but the first, which runs on the flushing thread; it must not
   *     be the pool that runs flushes, or a busy pool could wait on itself
   */
  FanoutStage(List<Branch> branches, Executor executor) {
    this.branches = List.copyOf(branches);
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public List<Alert> apply(FlushContext context, List<Alert> alerts) {
    List<CompletableFuture<String>> others = new ArrayList<>();
    for (Branch branch : branches.subList(Math.min(1, branches.size()), branches.size())) {
      others.add(CompletableFuture.supplyAsync(() -> run(branch, context, alerts), executor));
    }
    List<String> failures = new ArrayList<>();
    if (!branches.isEmpty()) {
      addIfFailed(failures, run(branches.get(0), context, alerts));
    }
    for (CompletableFuture<String> other : others) {
      try {
        addIfFailed(failures, other.join());
      } catch (CompletionException e) {
        // The executor refused the branch (it is shutting down).
        failures.add(e.getCause() == null ? e.toString() : e.getCause().toString());
      }
    }
    if (!failures.isEmpty()) {
      throw new StageFailedException(String.join("; ", failures));
    }
    return alerts;
  }

  /** @return null when the branch succeeded, else why it failed */
  private static String run(Branch branch, FlushContext context, List<Alert> alerts) {
    try {
      branch.stage().apply(context, alerts);
      return null;
    } catch (StageFailedException e) {
      return branch.name() + ": " + e.getMessage();
    } catch (RuntimeException e) {
      LOG.error("{} of receiver {} failed unexpectedly", branch.name(), context.receiver(), e);
      return branch.name() + ": unexpected " + e.getClass().getSimpleName();
    }
  }

  private static void addIfFailed(List<String> failures, String failure) {
    if (failure != null) {
      failures.add(failure);
    }
  }
}
