package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.capture.CaptureCodec;
import dev.tta.alertrouter.capture.CaptureSegments;
import dev.tta.alertrouter.capture.CaptureStorage;
import dev.tta.alertrouter.capture.Since;
import dev.tta.alertrouter.persistence.SqlCaptureTable;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capture export}: the captured payloads of a data folder as NDJSON, offline. */
@Command(name = "export", description = "Print the captured intake payloads under --data, or in the shared store, as NDJSON, oldest first.")
final class CaptureExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "data/", description = "The server's data folder. Default: ${DEFAULT-VALUE}")
  Path data;

  @Option(names = {"--store", "--database"}, paramLabel = "JDBC_URL",
      description = "The jdbc:postgresql: URL replicas share (serve --store): read the capture of every replica from it instead of --data.")
  String store;

  @Option(names = "--since", description = "An RFC 3339 time or a duration (2h: the last two hours). Default: everything held.")
  String since;

  @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    Instant from;
    try {
      from = Since.parse(since, Instant.now());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    try {
      CaptureStorage capture = store != null ? SqlCaptureTable.forReading(store) : CaptureSegments.forReading(data);
      if (output != null) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
          capture.export(from, out);
        }
      } else {
        PrintWriter out = spec.commandLine().getOut();
        capture.read(from, r -> out.print(CaptureCodec.line(r) + "\n"));
        out.flush();
      }
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("capture export: " + e.getMessage());
      return 1;
    }
  }
}
