package dev.tta.alertrouter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tta.alertrouter.store.StoreUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
  @TempDir Path dir;
  Connector connector;
  GroupCommitWriter writer;
  final ExecutorService callers = Executors.newCachedThreadPool();
  final CountDownLatch writerBusy = new CountDownLatch(1);
  final CountDownLatch releaseWriter = new CountDownLatch(1);

  @BeforeEach
  void open() throws SQLException {
    connector = Connector.sqlite(dir.resolve("test.db"));
    try (Connection c = connector.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (v INTEGER NOT NULL)");
    }
    writer = new GroupCommitWriter("test", () -> new WriteSession(connector.connect()), new StoreHealth("test", Clock.systemUTC()));
  }

  @AfterEach
  void close() {
    releaseWriter.countDown();
    writer.close();
    callers.shutdownNow();
  }

  @Test
  void writesQueuedDuringACommitShareTheNextTransaction() throws Exception {
    Future<?> first = occupyWriter();
    List<Future<?>> others = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      int value = i;
      others.add(callers.submit(() -> writer.write(insert(value))));
    }
    awaitQueued(10);

    releaseWriter.countDown();
    first.get();
    for (Future<?> other : others) {
      other.get();
    }

    assertEquals(2, writer.commits(), "one transaction for the first write, one for the ten queued behind it");
    assertEquals(11, count());
  }

  @Test
  void aPriorityWriteCommitsAheadOfQueuedWritesInATransactionOfItsOwn() throws Exception {
    Future<?> first = occupyWriter();
    List<Future<?>> queued = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int value = i;
      queued.add(callers.submit(() -> writer.write(insert(value))));
      awaitQueued(i);
    }
    Future<?> urgent = callers.submit(() -> writer.writeFirst(insert(100)));
    awaitQueued(6);
    Future<?> alsoUrgent = callers.submit(() -> writer.writeFirst(insert(101)));
    awaitQueued(7);

    releaseWriter.countDown();
    first.get();
    urgent.get();
    alsoUrgent.get();
    for (Future<?> each : queued) {
      each.get();
    }

    List<Integer> values = values();
    assertEquals(List.of(0), values.subList(0, 1));
    assertEquals(java.util.Set.of(100, 101), java.util.Set.copyOf(values.subList(1, 3)), "the priority writes next: " + values);
    assertEquals(List.of(1, 2, 3, 4, 5), values.subList(3, 8), "then the queued ones, in order");
    assertEquals(3, writer.commits(), "the blocked write, the two priority writes, the five queued");
  }

  @Test
  void aFailingWriteFailsOnlyItsOwnCaller() throws Exception {
    Future<?> first = occupyWriter();
    Future<?> good = callers.submit(() -> writer.write(insert(1)));
    awaitQueued(1);
    Future<?> bad = callers.submit(() -> writer.write(session -> session.statement("INSERT INTO missing VALUES (1)").executeUpdate()));
    awaitQueued(2);
    Future<?> alsoGood = callers.submit(() -> writer.write(insert(2)));
    awaitQueued(3);

    releaseWriter.countDown();
    first.get();
    good.get();
    alsoGood.get();
    ExecutionException e = assertThrows(ExecutionException.class, bad::get);
    assertEquals(StoreUnavailableException.class, e.getCause().getClass());
    assertEquals(3, count(), "the good writes of the failed transaction were written on their own");
  }

  @Test
  void closingWritesWhatIsQueuedThenRefusesMore() throws Exception {
    Future<?> first = occupyWriter();
    Future<?> queued = callers.submit(() -> writer.write(insert(1)));
    awaitQueued(1);
    Future<?> closing = callers.submit(writer::close);
    awaitQueued(2); // the write and the close's stop mark

    releaseWriter.countDown();
    closing.get();
    first.get();
    queued.get();

    assertEquals(2, count());
    assertThrows(StoreUnavailableException.class, () -> writer.write(insert(3)));
  }

  @Test
  void aWriteWithNothingToWriteIsAnsweredWithoutACommit() {
    writer.write(nothingToWrite());

    assertEquals(0, writer.commits());
    assertEquals(1, writer.stats().writesWithoutTransaction());
  }

  @Test
  void withAHookAWriteWithNothingToWriteIsJudgedAfterItsReadsAndCommitsNothing() {
    // The hook runs on the writer thread, which may still be in end() when the no-op write is answered.
    List<String> steps = Collections.synchronizedList(new ArrayList<>());
    writer.hook(new GroupCommitWriter.TransactionHook() {
      @Override
      public void begin(WriteSession session) {
        steps.add("begin");
      }

      @Override
      public void end() {
        steps.add("end");
      }
    });
    WriteTask nothing = new WriteTask() {
      @Override
      public boolean prepare() {
        steps.add("prepare");
        return false;
      }

      @Override
      public void write(WriteSession session) {
        steps.add("write");
      }
    };

    writer.write(nothing);
    // The next write is taken only once the writer has closed the first transaction, end() included.
    writer.write(insert(1));

    assertEquals(List.of("begin", "prepare", "end"), List.copyOf(steps.subList(0, 3)),
        "judged after the hook read peers' writes");
    assertEquals(1, writer.commits(), "only the insert committed; the write with nothing to write did not");
  }

  @Test
  void anIdleWriterLetsTheCallerSettleAWriteWithNothingToWriteOnItsOwnThread() {
    List<Thread> preparedOn = Collections.synchronizedList(new ArrayList<>());

    writer.write(recordingPrepare(preparedOn, false));

    assertEquals(List.of(Thread.currentThread()), preparedOn);
    assertEquals(0, writer.commits());
    assertEquals(1, writer.stats().writesWithoutTransaction());
  }

  @Test
  void aWriteThatNeedsATransactionIsPreparedAgainAndWrittenByTheWriter() throws Exception {
    List<Thread> preparedOn = Collections.synchronizedList(new ArrayList<>());
    WriteTask insert = recordingPrepare(preparedOn, true);

    writer.write(insert);

    assertEquals(2, preparedOn.size(), "prepared by the caller, then afresh inside the writer's batch");
    assertEquals(Thread.currentThread(), preparedOn.get(0));
    assertNotEquals(Thread.currentThread(), preparedOn.get(1));
    assertEquals(1, writer.commits());
    assertEquals(1, count());
  }

  @Test
  void aPrepareThatFailsOnTheCallersThreadFailsOnlyThatWrite() throws SQLException {
    WriteTask failing = new WriteTask() {
      @Override
      public boolean prepare() {
        throw new IllegalStateException("a bug");
      }

      @Override
      public void write(WriteSession session) {
        throw new AssertionError("not reached");
      }
    };

    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> writer.write(failing));
    writer.write(insert(1));

    assertEquals("writing to the store failed", e.getMessage());
    assertEquals(1, writer.stats().failedWrites());
    assertEquals(1, count());
  }

  @Test
  void noWriteIsPreparedBesideTheWritersBatch() throws Exception {
    Future<?> first = occupyWriter();
    List<Thread> preparedOn = Collections.synchronizedList(new ArrayList<>());
    Future<?> nothing = callers.submit(() -> writer.write(recordingPrepare(preparedOn, false)));
    awaitQueued(1);

    assertEquals(List.of(), preparedOn, "queued behind the batch, not prepared while it runs");
    releaseWriter.countDown();
    first.get();
    nothing.get();
    assertEquals(1, preparedOn.size());
    assertEquals(1, writer.commits());
    assertEquals(1, writer.stats().writesWithoutTransaction());
  }

  @Test
  void aBatchCommitsForItsWritesThatHaveSomethingToWrite() throws Exception {
    Future<?> first = occupyWriter();
    Future<?> nothing = callers.submit(() -> writer.write(nothingToWrite()));
    awaitQueued(1);
    Future<?> something = callers.submit(() -> writer.write(insert(1)));
    awaitQueued(2);
    Future<?> nothingAgain = callers.submit(() -> writer.write(nothingToWrite()));
    awaitQueued(3);

    releaseWriter.countDown();
    for (Future<?> f : List.of(first, nothing, something, nothingAgain)) {
      f.get();
    }

    assertEquals(2, writer.commits(), "the first write's, and one for the insert queued behind it");
    assertEquals(2, writer.stats().writesWithoutTransaction());
    assertEquals(2, count());
  }

  @Test
  void closingWritesTheLastTaskAfterEveryWriteAdmittedBefore() throws Exception {
    Future<?> first = occupyWriter();
    Future<?> queued = callers.submit(() -> writer.write(insert(1)));
    awaitQueued(1);
    Future<?> closing = callers.submit(() -> writer.closeAfter(insert(2)));
    awaitQueued(3); // the write, the last task and the stop mark

    releaseWriter.countDown();
    closing.get();
    first.get();
    queued.get();

    assertEquals(List.of(0, 1, 2), values());
  }

  @Test
  void aWriterKilledByAnErrorFailsItsCallersInsteadOfLeavingThemWaiting() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertThrows(StoreUnavailableException.class, () -> writer.write(session -> {
        throw new StackOverflowError("a bug");
      }));
      assertThrows(StoreUnavailableException.class, () -> writer.write(insert(1)));
    });
  }

  private WriteTask insert(int value) {
    return session -> {
      PreparedStatement statement = session.statement("INSERT INTO t (v) VALUES (?)");
      statement.setInt(1, value);
      statement.executeUpdate();
    };
  }

  /** A task that notes the thread of each prepare; with {@code needsTransaction} it inserts a row. */
  private WriteTask recordingPrepare(List<Thread> preparedOn, boolean needsTransaction) {
    WriteTask insert = insert(1);
    return new WriteTask() {
      @Override
      public boolean prepare() {
        preparedOn.add(Thread.currentThread());
        return needsTransaction;
      }

      @Override
      public void write(WriteSession session) throws SQLException {
        insert.write(session);
      }
    };
  }

  private static WriteTask nothingToWrite() {
    return new WriteTask() {
      @Override
      public boolean prepare() {
        return false;
      }

      @Override
      public void write(WriteSession session) {
        throw new AssertionError("a task with nothing to write is not run in a transaction");
      }
    };
  }

  /** Starts a write that holds the writer in its transaction until {@link #releaseWriter}; returns its caller's future. */
  private Future<?> occupyWriter() throws InterruptedException {
    Future<?> first = callers.submit(() -> writer.write(blockingInsert(0)));
    writerBusy.await();
    return first;
  }

  private WriteTask blockingInsert(int value) {
    WriteTask insert = insert(value);
    return session -> {
      writerBusy.countDown();
      try {
        releaseWriter.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      insert.write(session);
    };
  }

  /** Waits (without sleeping on a timer) until {@code n} writes queue behind the busy writer. */
  private void awaitQueued(int n) {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      while (writer.queued() < n) {
        Thread.onSpinWait();
      }
    });
  }

  private List<Integer> values() throws SQLException {
    List<Integer> values = new ArrayList<>();
    try (Connection c = connector.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT v FROM t ORDER BY rowid")) {
      while (r.next()) {
        values.add(r.getInt(1));
      }
    }
    return values;
  }

  private int count() throws SQLException {
    try (Connection c = connector.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
      r.next();
      return r.getInt(1);
    }
  }
}
