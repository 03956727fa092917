package dev.tta.alertrouter.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes capture records off the request path: intake offers each record to a bounded queue and
 * returns at once; one thread appends them to the {@link CaptureStorage}, flushing after each batch.
 * When the queue is full the record is dropped and counted ({@link DropListener}), never waited for: capture must not slow intake.
 */
public final class CaptureWriter implements AutoCloseable {
  /** Told of each record the full queue refused. */
  @FunctionalInterface
  public interface DropListener {
    void dropped(CaptureRecord record);
  }

  private static final Logger LOG = LoggerFactory.getLogger(CaptureWriter.class);
  private static final int BATCH = 256;

  private final CaptureStorage storage;
  private final DropListener drops;
  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private volatile boolean closed;

  /** A request to make everything offered before it readable. */
  private record Barrier(CountDownLatch done) {}

  private static final Object STOP = new Object();

  public CaptureWriter(CaptureStorage storage, int capacity, DropListener drops) {
    this.storage = storage;
    this.drops = drops;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "alert-router-capture");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a record; drops and counts it when the queue is full or the writer is closed. */
  public void offer(CaptureRecord record) {
    if (closed || !queue.offer(record)) {
      drops.dropped(record);
    }
  }

  /** Waits until everything offered before is written and flushed (for export and tests). */
  public void flush() throws InterruptedException {
    if (closed) {
      return;
    }
    Barrier barrier = new Barrier(new CountDownLatch(1));
    queue.put(barrier);
    barrier.done().await();
  }

  public CaptureStorage storage() {
    return storage;
  }

  private void run() {
    List<Object> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        Object first = queue.poll(1, TimeUnit.MINUTES);
        if (first == null) {
          storage.prune();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        boolean stop = false;
        for (Object o : batch) {
          if (o instanceof CaptureRecord r) {
            append(r);
          } else if (o instanceof Barrier b) {
            flushStorage();
            b.done().countDown();
          } else if (o == STOP) {
            stop = true;
          }
        }
        batch.clear();
        flushStorage();
        if (stop) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.warn("capture: {}", e.toString());
        batch.clear();
      }
    }
  }

  /** A failed flush (a database away) loses that batch, never the writer: whoever waits is released. */
  private void flushStorage() {
    try {
      storage.flush();
    } catch (IOException e) {
      LOG.warn("capture: a batch could not be written: {}", e.getMessage());
    }
  }

  private void append(CaptureRecord r) {
    try {
      storage.append(r);
    } catch (IOException e) {
      LOG.warn("capture: a record could not be written: {}", e.toString());
    }
  }

  /** Writes what is queued, then stops the thread and closes the storage. */
  @Override
  public void close() {
    closed = true;
    try {
      queue.put(STOP);
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      storage.close();
    } catch (IOException e) {
      LOG.warn("capture: closing: {}", e.toString());
    }
  }
}
