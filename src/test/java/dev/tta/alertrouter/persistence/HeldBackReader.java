package dev.tta.alertrouter.persistence;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where a test's store reads its stored alerts: nowhere until {@link #release}, which reads them on
 * the calling thread. So a test decides when the read happens, without sleeping.
 */
public final class HeldBackReader implements Executor {
  private Runnable read;

  @Override
  public synchronized void execute(Runnable command) {
    if (read != null) {
      throw new IllegalStateException("one read per store");
    }
    read = Objects.requireNonNull(command, "command");
  }

  /** Reads the stored alerts now, on this thread, and applies what was accepted meanwhile. */
  public void release() {
    Runnable command;
    synchronized (this) {
      command = Objects.requireNonNull(read, "the store did not ask for its read");
    }
    command.run();
  }
}
