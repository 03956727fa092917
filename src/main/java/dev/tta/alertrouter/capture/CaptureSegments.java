package dev.tta.alertrouter.capture;

import dev.tta.alertrouter.config.CaptureSettings;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The capture folder: append-only NDJSON segment files ({@code capture-<seq>-<first record, epoch
 * ms>.ndjson}), a new one begun when the current reaches an eighth of {@code max_size}; after each
 * rotation and at opening, the oldest segments are deleted while the closed ones and a full current
 * one would exceed {@code max_size}, or a segment's records are all older than {@code max_age}. So the
 * folder stays under {@code max_size} (a single payload larger than a segment aside) and never drops a record younger than {@code max_age} unless
 * the size bound requires it. Appends come from one writer thread; reads may run beside it.
 */
public final class CaptureSegments implements CaptureStorage {
  /** The capture folder under the data folder. */
  public static final String FOLDER = "capture";

  private static final Pattern NAME = Pattern.compile("capture-(\\d{12})-(\\d+)\\.ndjson");
  private static final long MIN_SEGMENT_BYTES = 16 * 1024;

  private final Path dir;
  private final Supplier<CaptureSettings> settings;
  private final Clock clock;
  private final Deque<Segment> segments = new ArrayDeque<>();
  private OutputStream current;
  private final CaptureCodec.Encoder encoder = new CaptureCodec.Encoder();
  private long currentBytes;

  private record Segment(Path path, long sequence, Instant firstAt) {}

  private CaptureSegments(Path dir, Supplier<CaptureSettings> settings, Clock clock) {
    this.dir = dir;
    this.settings = settings;
    this.clock = clock;
  }

  /** Opens (creating) {@code <data>/capture}; appends go to a new segment. */
  public static CaptureSegments open(Path dataDir, Supplier<CaptureSettings> settings, Clock clock) throws IOException {
    Path dir = dataDir.resolve(FOLDER);
    Files.createDirectories(dir);
    CaptureSegments s = new CaptureSegments(dir, settings, clock);
    s.segments.addAll(list(dir));
    s.enforceBounds();
    return s;
  }

  /**
   * The segments of {@code <data>/capture} as they are, for reading only (nothing is deleted): what
   * {@code capture export} reads, beside or without a running server.
   */
  public static CaptureSegments forReading(Path dataDir) throws IOException {
    Path dir = dataDir.resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no capture folder");
    }
    CaptureSegments s = new CaptureSegments(dir, CaptureSettings::defaults, Clock.systemUTC());
    s.segments.addAll(list(dir));
    return s;
  }

  /** Appends one record (without syncing: a capture is an aid, not state). */
  @Override
  public synchronized void append(CaptureRecord record) throws IOException {
    encoder.encode(record);
    long length = encoder.size();
    if (current == null || currentBytes > 0 && currentBytes + length > segmentBytes()) {
      rotate(record.receivedAt());
    }
    encoder.writeTo(current);
    currentBytes += length;
  }

  /** Makes what was appended visible to readers. */
  @Override
  public synchronized void flush() throws IOException {
    if (current != null) {
      current.flush();
    }
  }

  /** Bytes in the folder's segments (the current one included, as flushed). */
  @Override
  public synchronized long sizeBytes() {
    long total = 0;
    for (Segment s : segments) {
      total += sizeOf(s.path());
    }
    return total;
  }

  public synchronized int segmentCount() {
    return segments.size();
  }

  /** Every record received at or after {@code since}, oldest first. */
  @Override
  public void read(Instant since, Consumer<CaptureRecord> each) throws IOException {
    for (Path p : readable(since)) {
      try (BufferedReader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        CaptureCodec.readLines(in, r -> {
          if (!r.receivedAt().isBefore(since)) {
            each.accept(r);
          }
        });
      } catch (java.nio.file.NoSuchFileException e) {
        // dropped by the bounds since it was listed
      }
    }
  }

  /** The segments that may hold records at or after {@code since}: a segment whose successor began before it holds none. */
  private synchronized List<Path> readable(Instant since) throws IOException {
    flush();
    List<Segment> all = new ArrayList<>(segments);
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      boolean olderThanSince = i + 1 < all.size() && !all.get(i + 1).firstAt().isAfter(since);
      if (!olderThanSince) {
        out.add(all.get(i).path());
      }
    }
    return out;
  }

  private void rotate(Instant firstAt) throws IOException {
    if (current != null) {
      current.close();
    }
    long seq = segments.isEmpty() ? 1 : segments.peekLast().sequence() + 1;
    Path p = dir.resolve(String.format("capture-%012d-%d.ndjson", seq, firstAt.toEpochMilli()));
    current = new BufferedOutputStream(Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
    currentBytes = 0;
    segments.addLast(new Segment(p, seq, firstAt));
    enforceBounds();
  }

  /** Drops the oldest segments (never the one being written) while over either bound. */
  private void enforceBounds() throws IOException {
    CaptureSettings s = settings.get();
    Instant oldestKept = clock.instant().minus(s.maxAge());
    while (segments.size() > 1) {
      Segment oldest = segments.peekFirst();
      Segment next = segments.stream().skip(1).findFirst().orElseThrow();
      boolean tooOld = next.firstAt().isBefore(oldestKept);
      // Room is kept for the segment being written, so the folder stays under max_size.
      boolean tooBig = sizeBytes() - sizeOf(segments.peekLast().path()) + segmentBytes() > s.maxBytes();
      if (!tooOld && !tooBig) {
        break;
      }
      segments.pollFirst();
      Files.deleteIfExists(oldest.path());
    }
  }

  /** Also applies the age bound between rotations (the writer calls it when idle). */
  @Override
  public synchronized void prune() throws IOException {
    enforceBounds();
  }

  private long segmentBytes() {
    return Math.max(MIN_SEGMENT_BYTES, settings.get().maxBytes() / 8);
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<Segment> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> {
            Matcher m = NAME.matcher(p.getFileName().toString());
            return m.matches()
                ? Optional.of(new Segment(p, Long.parseLong(m.group(1)), Instant.ofEpochMilli(Long.parseLong(m.group(2)))))
                : Optional.<Segment>empty();
          })
          .flatMap(Optional::stream)
          .sorted(java.util.Comparator.comparingLong(Segment::sequence))
          .toList();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
