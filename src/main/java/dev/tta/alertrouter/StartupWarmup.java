package dev.tta.alertrouter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tta.alertrouter.cli.RootCommand;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Initialises, on a thread of its own while {@code main} reads its arguments, the library classes a
 * server start reaches later and spends most of its time in (bench/README.md, "Memory and restart"):
 * the logger (its date format loads the locale data), Jackson, and Jetty (its MIME types list every
 * locale the JDK knows). A class is initialised once, by whichever thread comes first; the other
 * waits for it, so nothing is done twice and the order of the start does not change. On a machine
 * with two cores the compilers take one of them during a start: work on a second thread of the
 * start's own gets its share of the CPU instead of waiting behind them.
 */
final class StartupWarmup implements Runnable {
  private static final String PICOCLI_HELP_COLOURS = "picocli.CommandLine$Help$Ansi";
  /** Compiles SnakeYAML's implicit-type patterns when initialised. */
  private static final String YAML_RESOLVER = "org.yaml.snakeyaml.resolver.Resolver";
  private static final List<String> SERVER_CLASSES = List.of(
      "org.eclipse.jetty.http.MimeTypes",
      "org.eclipse.jetty.server.Server",
      "org.eclipse.jetty.server.HttpConfiguration",
      "org.eclipse.jetty.util.thread.QueuedThreadPool",
      "org.eclipse.jetty.ee10.servlet.ServletContextHandler",
      "io.javalin.Javalin",
      "io.javalin.jetty.JettyServer");

  private StartupWarmup() {}

  /** Starts warming up when {@code command} starts the server; any other command needs none of it. */
  static void startFor(String command) {
    if (RootCommand.SERVE.equals(command)) {
      Thread thread = new Thread(new StartupWarmup(), "alert-router-warmup");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public void run() {
    try {
      // In the order the start reaches them: the arguments, the log, the configuration, Jetty.
      initialise(PICOCLI_HELP_COLOURS);
      LoggerFactory.getLogger(StartupWarmup.class);
      initialise(YAML_RESOLVER);
      new ObjectMapper();
      Locale.getAvailableLocales();
      SERVER_CLASSES.forEach(StartupWarmup::initialise);
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the start itself initialises the same classes and reports what fails.
    }
  }

  private static void initialise(String className) {
    try {
      Class.forName(className, true, StartupWarmup.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      // Not on this class path: the start will say so where it needs the class.
    }
  }
}
