package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes to the database. Callers hand it a {@link WriteTask} and block until
 * the transaction holding it has committed; everything queued while a commit is in progress goes
 * into the next transaction together (group commit), so one fsync serves many concurrent requests
 * and throughput grows with concurrency instead of being capped by the disk's sync rate.
 *
 * <p>When a shared transaction fails, its tasks are retried one per transaction, so one bad write
 * fails only its own caller.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_TASKS_PER_TRANSACTION = 1024;
  private static final Pending STOP = new Pending(session -> {}, new CompletableFuture<>());

  /** Opens the writer's connection: at start, and again after the database dropped it. */
  @FunctionalInterface
  interface SessionOpener {
    WriteSession open() throws SQLException;
  }

  /** Work every transaction starts and ends with, whatever its tasks (PostgreSQL: {@link PeerSync}). */
  interface TransactionHook {
    TransactionHook NONE = new TransactionHook() {
      @Override
      public void begin(WriteSession session) {}

      @Override
      public void end() {}
    };

    /** Runs first in every transaction, before its tasks; throwing rolls it back. */
    void begin(WriteSession session) throws SQLException;

    /** Runs after every transaction, committed or rolled back. */
    void end();
  }

  private final SessionOpener opener;
  private volatile TransactionHook hook = TransactionHook.NONE;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Object admission = new Object();
  private final Thread thread;
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong committedWrites = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private WriteSession session;
  private boolean closed;

  GroupCommitWriter(String name, SessionOpener opener) throws SQLException {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.session = opener.open();
    this.thread = new Thread(this::run, "alert-router-" + name + "-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code task} in the next transaction and returns once that transaction has committed.
   *
   * @throws StoreUnavailableException when the writer is closed or the transaction failed
   */
  void write(WriteTask task) {
    Pending pending = new Pending(Objects.requireNonNull(task, "task"), new CompletableFuture<>());
    synchronized (admission) {
      if (closed) {
        throw new StoreUnavailableException("the store is closed");
      }
      queue.add(pending);
    }
    try {
      pending.done().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof StoreUnavailableException s
          ? new StoreUnavailableException(s.getMessage(), s) // this caller's stack, for its logs
          : new StoreUnavailableException("writing to the store failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for the store to commit", e);
    }
  }

  /** Sets the hook; call before the first write. */
  void hook(TransactionHook newHook) {
    this.hook = Objects.requireNonNull(newHook, "newHook");
  }

  /** How many transactions have committed so far. */
  long commits() {
    return commits.get();
  }

  /** Counters for metrics: transactions, the writes they held, failed writes, writes queued now. */
  WriterStats stats() {
    return new WriterStats(commits.get(), committedWrites.get(), failedWrites.get(), queue.size());
  }

  /** How many writes wait for the next transaction. */
  int queued() {
    return queue.size();
  }

  /** Writes what is queued, then stops the thread and closes the connection. */
  @Override
  public void close() {
    synchronized (admission) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Pending> batch = List.of();
    try {
      boolean stop = false;
      while (!stop) {
        batch = new ArrayList<>();
        batch.add(queue.take());
        queue.drainTo(batch, MAX_TASKS_PER_TRANSACTION - 1);
        stop = batch.remove(STOP);
        if (!batch.isEmpty()) {
          writeBatch(batch);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      LOG.error("the store's writer failed; the store takes no more writes", e);
      for (Pending pending : batch) {
        pending.done().completeExceptionally(new StoreUnavailableException("the store's writer failed", e));
      }
    } finally {
      refuseRemaining();
      closeSession();
    }
  }

  /** Once the thread ends, nobody would complete what is queued: callers must hear so, not wait forever. */
  private void refuseRemaining() {
    synchronized (admission) {
      closed = true;
    }
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      pending.done().completeExceptionally(new StoreUnavailableException("the store is closed"));
    }
  }

  private void writeBatch(List<Pending> batch) {
    try {
      inOneTransaction(batch);
    } catch (SQLException | RuntimeException e) {
      if (batch.size() == 1) {
        LOG.warn("a store write failed: {}", e.toString());
        failedWrites.incrementAndGet();
        batch.get(0).done().completeExceptionally(new StoreUnavailableException("writing to the store failed", e));
        return;
      }
      LOG.debug("a transaction of {} writes failed; retrying them one by one", batch.size(), e);
      for (Pending pending : batch) {
        writeBatch(List.of(pending));
      }
    }
  }

  private void inOneTransaction(List<Pending> batch) throws SQLException {
    WriteSession current = currentSession();
    TransactionHook currentHook = hook;
    try {
      currentHook.begin(current);
      for (Pending pending : batch) {
        pending.task().write(current);
      }
      current.commit();
      commits.incrementAndGet();
      committedWrites.addAndGet(batch.size());
    } catch (SQLException | RuntimeException e) {
      rollBack(current, batch);
      throw e;
    } finally {
      currentHook.end();
    }
    for (Pending pending : batch) {
      try {
        pending.task().committed();
        pending.done().complete(null);
      } catch (RuntimeException e) {
        // Durable already: the caller's data is safe, only publishing it failed.
        LOG.error("publishing a committed write failed", e);
        pending.done().complete(null);
      }
    }
  }

  private void rollBack(WriteSession current, List<Pending> batch) {
    try {
      current.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed; reconnecting", e);
      dropSession();
    }
    for (Pending pending : batch) {
      pending.task().rolledBack();
    }
    if (session != null && !isValid(session)) {
      dropSession();
    }
  }

  private WriteSession currentSession() throws SQLException {
    if (session == null) {
      session = opener.open();
    }
    return session;
  }

  private static boolean isValid(WriteSession s) {
    try {
      return s.connection().isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private void dropSession() {
    closeSession();
    session = null;
  }

  private void closeSession() {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (SQLException e) {
      LOG.debug("closing the writer's connection failed", e);
    }
  }

  private record Pending(WriteTask task, CompletableFuture<Void> done) {}
}
