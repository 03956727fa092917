package dev.tta.alertrouter.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where captured payloads are kept within the {@code server.capture} bounds: segment files under the
 * data folder ({@link CaptureSegments}) or, with a shared PostgreSQL store, a table every replica
 * writes to. {@link CaptureWriter}'s one thread calls {@link #append}, {@link #flush} and {@link #prune};
 * reads may run beside it on other threads.
 */
public interface CaptureStorage extends AutoCloseable {
  /** Takes one record; it may be held until {@link #flush}. */
  void append(CaptureRecord record) throws IOException;

  /** Makes what was appended visible to readers. */
  void flush() throws IOException;

  /** Applies the bounds between appends (the writer calls it when idle, so old records age out). */
  void prune() throws IOException;

  /** What the capture holds, in bytes of NDJSON, as of the last write or prune. */
  long sizeBytes();

  /** Every record received at or after {@code since}, oldest first. */
  void read(Instant since, Consumer<CaptureRecord> each) throws IOException;

  /** {@link #read} as NDJSON. */
  default void export(Instant since, OutputStream out) throws IOException {
    CaptureCodec.Encoder encoder = new CaptureCodec.Encoder();
    try {
      read(since, r -> {
        try {
          encoder.encode(r);
          encoder.writeTo(out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }

  @Override
  void close() throws IOException;
}
