package dev.tta.alertrouter.persistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package: initdb in a temporary
 * folder, started with pg_ctl on a free loopback port, removed on close. PostgreSQL refuses to run
 * as root, so as root (CI) it runs as the package's {@code postgres} user.
 */
final class PostgresServer implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  static PostgresServer start() throws IOException, InterruptedException {
    Path bin = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("alert-router-pg");
    if (root) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, dir, port, root);
    server.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "alert",
        "-A", "trust", "-E", "UTF8", "--no-sync");
    server.resume();
    return server;
  }

  /** Stops the server at once, as a crash would; {@link #resume()} starts it again on the same port. */
  void crash() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop");
  }

  void resume() throws IOException, InterruptedException {
    run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
        "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
  }

  /** A URL to a fresh, empty database of this cluster. */
  String newDatabase(String name) throws IOException, InterruptedException {
    run(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "alert", name);
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=alert";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      crash();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Path output = Files.createTempFile("pg-command", ".log");
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + full);
      }
      if (process.exitValue() != 0) {
        throw new IOException(full + " exited " + process.exitValue() + ":\n" + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static Path findBinaries() throws IOException {
    Path root = Paths.get("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      throw new IOException("PostgreSQL is not installed (Debian's postgresql package; .ci/run installs it)");
    }
    List<Path> versions = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      dirs.forEach(versions::add);
    }
    versions.sort(Comparator.comparing((Path p) -> Integer.parseInt(p.getFileName().toString())).reversed());
    for (Path version : versions) {
      if (Files.isExecutable(version.resolve("bin/initdb"))) {
        return version.resolve("bin");
      }
    }
    throw new IOException("no initdb under " + root);
  }
}
