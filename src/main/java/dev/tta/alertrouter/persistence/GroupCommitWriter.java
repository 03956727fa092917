package dev.tta.alertrouter.persistence;

import dev.tta.alertrouter.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
 *
 * <p>A task that finds it has nothing to write ({@link WriteTask#prepare} returns false) is answered
 * without a commit. A batch of only such tasks costs no fsync, and, without a {@link
 * TransactionHook} (SQLite), no transaction and no database call at all.
 *
 * <p>{@link #writeFirst} is the priority lane: such a task goes ahead of everything queued and
 * commits in a transaction of its own (with any other priority tasks waiting), right after the
 * commit in progress. The notification log takes it, so that what a receiver accepted is recorded
 * within one commit, not behind a storm's queued intake writes: the shorter that window, the fewer
 * notifications a crash sends twice.
 *
 * <p>Without a hook, a caller that finds the writer idle prepares its own task: when the task needs
 * no transaction (a storm's resends, which only extend what is held), it is settled on the caller's
 * thread, without the hand-over to the writer thread and back. Tasks are only ever run by whoever
 * holds {@link #working}, the writer thread for a batch or such a caller, so they stay one at a time.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final int MAX_TASKS_PER_TRANSACTION = 1024;
  private static final Pending STOP = new Pending(session -> {}, new CompletableFuture<>(), false);
  private static final WriteTask NOTHING = new WriteTask() {
    @Override
    public boolean prepare() {
      return false;
    }

    @Override
    public void write(WriteSession session) {}
  };

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
  private final StoreHealth health;
  private volatile TransactionHook hook = TransactionHook.NONE;
  private final BlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
  private final Object admission = new Object();
  /** Held while tasks run: by the writer thread for each batch, or by a caller settling its own task. */
  private final ReentrantLock working = new ReentrantLock();
  private final Thread thread;
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong committedWrites = new AtomicLong();
  private final AtomicLong writesWithoutTransaction = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private WriteSession session;
  private boolean closed;

  GroupCommitWriter(String name, SessionOpener opener, StoreHealth health) throws SQLException {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.health = Objects.requireNonNull(health, "health");
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
    write(task, false);
  }

  /**
   * {@link #write}, ahead of every task queued: in the next transaction after the one committing
   * now, which holds only such tasks.
   *
   * @throws StoreUnavailableException when the writer is closed or the transaction failed
   */
  void writeFirst(WriteTask task) {
    write(task, true);
  }

  private void write(WriteTask task, boolean first) {
    Objects.requireNonNull(task, "task");
    if (!first && settledHere(task)) {
      return;
    }
    Pending pending = new Pending(task, new CompletableFuture<>(), first);
    synchronized (admission) {
      if (closed) {
        throw new StoreUnavailableException("the store is closed");
      }
      if (first) {
        queue.addFirst(pending);
      } else {
        queue.addLast(pending);
      }
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

  /**
   * Prepares {@code task} on the caller's thread when nothing is queued and the writer is not
   * running tasks; true when it needed no transaction and is settled. Otherwise the caller queues
   * it as usual (prepare starts afresh each time). With a hook, prepare belongs inside the
   * transaction, under the peers' write lock: never here.
   */
  private boolean settledHere(WriteTask task) {
    if (hook != TransactionHook.NONE || !queue.isEmpty() || !working.tryLock()) {
      return false;
    }
    try {
      synchronized (admission) {
        if (closed) {
          return false; // write() refuses it
        }
      }
      return !needsTransaction(task);
    } finally {
      working.unlock();
    }
  }

  /**
   * Runs {@code task}'s prepare step, counting a task that needs no transaction; a failure is
   * logged, counted and thrown as the caller's {@link StoreUnavailableException}.
   */
  private boolean needsTransaction(WriteTask task) {
    boolean needsTransaction;
    try {
      needsTransaction = task.prepare();
    } catch (RuntimeException e) {
      LOG.warn("a store write failed: {}", e.toString());
      failedWrites.incrementAndGet();
      throw new StoreUnavailableException("writing to the store failed", e);
    }
    if (!needsTransaction && task.counted()) {
      writesWithoutTransaction.incrementAndGet();
    }
    return needsTransaction;
  }

  /** Sets the hook; call before the first write. */
  void hook(TransactionHook newHook) {
    this.hook = Objects.requireNonNull(newHook, "newHook");
  }

  /** How many transactions have committed so far. */
  long commits() {
    return commits.get();
  }

  /** Counters for metrics: transactions, the writes they held, those that needed none, failed writes, writes queued now. */
  WriterStats stats() {
    return new WriterStats(
        commits.get(), committedWrites.get(), writesWithoutTransaction.get(), failedWrites.get(), queue.size(), 0, 0);
  }

  /** How many writes wait for the next transaction. */
  int queued() {
    return queue.size();
  }

  /** Writes what is queued, then stops the thread and closes the connection. */
  @Override
  public void close() {
    closeAfter(NOTHING);
  }

  /**
   * Refuses new writes, writes what is queued and then {@code last} (after every write admitted
   * before: a store's write-behind lands after its callers' writes), then stops the thread and
   * closes the connection. A failure of {@code last} is logged.
   */
  void closeAfter(WriteTask last) {
    Objects.requireNonNull(last, "last");
    synchronized (admission) {
      if (closed) {
        return;
      }
      closed = true;
      if (last != NOTHING) {
        queue.addLast(new Pending(last, new CompletableFuture<>(), false));
      }
      queue.addLast(STOP);
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
        Pending head = queue.takeFirst();
        batch.add(head);
        if (head.first()) {
          // The priority lane: only the priority tasks at the front, in a short transaction of their own.
          for (Pending next = queue.peekFirst(); next != null && next.first() && batch.size() < MAX_TASKS_PER_TRANSACTION;
              next = queue.peekFirst()) {
            batch.add(queue.pollFirst());
          }
        } else {
          queue.drainTo(batch, MAX_TASKS_PER_TRANSACTION - 1);
        }
        stop = batch.remove(STOP);
        if (!batch.isEmpty()) {
          working.lock();
          try {
            writeBatch(batch);
          } finally {
            working.unlock();
          }
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

  /** Answers the tasks that have nothing to write; returns those that need the transaction. */
  private List<Pending> prepared(List<Pending> batch) {
    List<Pending> toWrite = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      boolean needsTransaction;
      try {
        needsTransaction = needsTransaction(pending.task());
      } catch (StoreUnavailableException e) {
        pending.done().completeExceptionally(e);
        continue;
      }
      if (needsTransaction) {
        toWrite.add(pending);
      } else {
        pending.done().complete(null);
      }
    }
    return toWrite;
  }

  private void writeBatch(List<Pending> batch) {
    writeBatch(batch, true);
  }

  private void writeBatch(List<Pending> batch, boolean mayReconnect) {
    try {
      inOneTransaction(batch);
    } catch (SQLException | RuntimeException e) {
      List<Pending> unanswered = batch.stream().filter(pending -> !pending.done().isDone()).toList();
      if (session == null) {
        Optional<SQLException> refused = reconnect();
        if (refused.isPresent()) {
          // One by one would fail the same way, each after its own connect attempt. The outage is
          // logged once, by the health, not once per write.
          health.unreachable(refused.get());
          LOG.debug("{} store writes failed: the database is unreachable", unanswered.size(), e);
          for (Pending pending : unanswered) {
            failedWrites.incrementAndGet();
            pending.done().completeExceptionally(new StoreUnavailableException("the store is unreachable", e));
          }
          return;
        }
        if (mayReconnect) {
          // The old connection had gone stale (the database restarted, a proxy dropped it): the
          // writes deserve one try on the fresh one before their callers hear of a failure.
          writeBatch(unanswered, false);
          return;
        }
      }
      if (unanswered.size() <= 1) {
        LOG.warn("a store write failed: {}", e.toString());
        for (Pending pending : unanswered) {
          failedWrites.incrementAndGet();
          pending.done().completeExceptionally(new StoreUnavailableException("writing to the store failed", e));
        }
        return;
      }
      LOG.debug("a transaction of {} writes failed; retrying them one by one", unanswered.size(), e);
      for (Pending pending : unanswered) {
        writeBatch(List.of(pending), false);
      }
    }
  }

  /** Opens a connection if there is none; empty when there is one now, else why there is not. */
  private Optional<SQLException> reconnect() {
    try {
      currentSession();
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e);
    }
  }

  /**
   * Without a hook, the tasks that have nothing to write are answered before any transaction, and a
   * batch of only such tasks opens none. With one, they are answered after its {@code begin} (a
   * replica judges them against what its peers wrote, under their shared write lock), and a
   * transaction in which no task wrote is rolled back instead of committed: it only read.
   */
  private void inOneTransaction(List<Pending> batch) throws SQLException {
    TransactionHook currentHook = hook;
    boolean hooked = currentHook != TransactionHook.NONE;
    List<Pending> toWrite = hooked ? List.of() : prepared(batch);
    if (!hooked && toWrite.isEmpty()) {
      return;
    }
    WriteSession current = currentSession();
    try {
      currentHook.begin(current);
      if (hooked) {
        toWrite = prepared(batch);
      }
      for (Pending pending : toWrite) {
        pending.task().write(current);
      }
      if (toWrite.isEmpty()) {
        current.rollback();
      } else {
        current.commit();
        commits.incrementAndGet();
        committedWrites.addAndGet(toWrite.size());
      }
      health.reached();
    } catch (SQLException | RuntimeException e) {
      rollBack(current, toWrite);
      throw e;
    } finally {
      currentHook.end();
    }
    for (Pending pending : toWrite) {
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

  /** @param first taken by the priority lane ({@link #writeFirst}) */
  private record Pending(WriteTask task, CompletableFuture<Void> done, boolean first) {}
}
