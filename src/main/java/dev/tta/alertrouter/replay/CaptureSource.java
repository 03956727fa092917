package dev.tta.alertrouter.replay;

import dev.tta.alertrouter.capture.CaptureCodec;
import dev.tta.alertrouter.capture.CaptureRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Captured payloads, in the order they were received, readable as often as a replay needs (once per run). */
@FunctionalInterface
public interface CaptureSource {
  void forEach(Consumer<CaptureRecord> each) throws IOException;

  /** An NDJSON file as {@code capture export} or {@code GET /api/v1/capture} writes it. */
  static CaptureSource ofFile(Path file) {
    return each -> CaptureCodec.readFile(file, each);
  }

  static CaptureSource of(List<CaptureRecord> records) {
    return records::forEach;
  }
}
