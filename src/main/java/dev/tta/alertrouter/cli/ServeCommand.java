package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.store.StoreUnavailableException;
import dev.tta.alertrouter.ConfigException;
import dev.tta.alertrouter.explain.LogFormat;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code serve}: runs the server until SIGTERM or SIGINT; SIGHUP reloads the configuration. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the alert-router server.")
final class ServeCommand implements Callable<Integer> {
  // Names and defaults ServeArguments shares with the annotations (ServeArgumentsTest compares the two).
  static final String CONFIG = "--config";
  static final String RUNBOOKS = "--runbooks";
  static final String LISTEN = "--listen";
  static final String DATA = "--data";
  static final String DRY_RUN = "--dry-run";
  static final String LOG_FORMAT = "--log-format";
  static final String EXPLAIN_CACHE_SIZE = "--explain-cache-size";
  static final String MAX_IN_FLIGHT = "--notify.max-in-flight-per-receiver";
  static final String STORE = "--store";
  static final String REPLICA = "--replica";
  static final String EXTERNAL_URL = "--external-url";
  static final String WEB_CONFIG_FILE = "--web.config.file";
  static final String DEFAULT_CONFIG = "routing-rules/";
  static final String DEFAULT_LISTEN = "0.0.0.0:9095";
  static final String DEFAULT_DATA = "data/";
  static final String LOG_FORMAT_ENV = "ALERT_ROUTER_LOG_FORMAT";
  static final String DEFAULT_LOG_FORMAT = "text";
  static final String EXPLAIN_CACHE_SIZE_ENV = "ALERT_ROUTER_EXPLAIN_CACHE_SIZE";
  static final String DEFAULT_EXPLAIN_CACHE_SIZE = "10000";
  static final String MAX_IN_FLIGHT_ENV = "ALERT_ROUTER_MAX_IN_FLIGHT_PER_RECEIVER";
  static final String DEFAULT_MAX_IN_FLIGHT = "4";
  static final String STORE_ENV = "ALERT_ROUTER_STORE_URL";
  static final String REPLICA_ENV = "HOSTNAME";
  static final String DEFAULT_REPLICA = "alert-router";

  @Spec CommandSpec spec;
  /** Where errors go when ServeArguments, not picocli, read the command line. */
  PrintWriter err;

  @Option(names = CONFIG, defaultValue = DEFAULT_CONFIG, description = "A YAML file or a folder of them. Default: ${DEFAULT-VALUE}")
  Path config;

  @Option(names = RUNBOOKS, description = "The runbooks folder. Default: runbooks/ when that folder exists")
  Path runbooks;

  @Option(names = LISTEN, defaultValue = DEFAULT_LISTEN, description = "HOST:PORT to listen on. Default: ${DEFAULT-VALUE}")
  String listen;

  @Option(names = DATA, defaultValue = DEFAULT_DATA, description = "Where state lives. Default: ${DEFAULT-VALUE}")
  Path data;

  @Option(names = DRY_RUN, description = "Render and log every notification instead of sending it.")
  boolean dryRun;

  @Option(names = LOG_FORMAT, defaultValue = "${env:" + LOG_FORMAT_ENV + ":-" + DEFAULT_LOG_FORMAT + "}",
      description = "text (logfmt in the process log) or json (JSON lines on standard output) for decision and notification lines. Default: ${DEFAULT-VALUE} (env ALERT_ROUTER_LOG_FORMAT)")
  String logFormat;

  @Option(names = EXPLAIN_CACHE_SIZE,
      defaultValue = "${env:" + EXPLAIN_CACHE_SIZE_ENV + ":-" + DEFAULT_EXPLAIN_CACHE_SIZE + "}",
      description = "How many alerts' decision records explain keeps; the least recently touched go first. Default: ${DEFAULT-VALUE} (env ALERT_ROUTER_EXPLAIN_CACHE_SIZE)")
  long explainCacheSize;

  @Option(names = MAX_IN_FLIGHT, paramLabel = "N",
      defaultValue = "${env:" + MAX_IN_FLIGHT_ENV + ":-" + DEFAULT_MAX_IN_FLIGHT + "}",
      description = "How many notifications of one receiver may be on the wire at once (each also counts against its integration type's bound of 8). A notification the receiver accepted but the log had not recorded is sent again after a crash; fewer in flight, fewer such repeats. Default: ${DEFAULT-VALUE} (env ALERT_ROUTER_MAX_IN_FLIGHT_PER_RECEIVER)")
  int maxInFlightPerReceiver;

  // The URL may carry a password: from the environment (a Kubernetes Secret), it stays off the command line.
  @Option(names = STORE, paramLabel = "JDBC_URL", defaultValue = "${env:" + STORE_ENV + "}",
      description = "A jdbc:postgresql: URL several replicas share (HA). Default: env ALERT_ROUTER_STORE_URL, else SQLite under --data.")
  String store;

  @Option(names = REPLICA, defaultValue = "${env:" + REPLICA_ENV + ":-" + DEFAULT_REPLICA + "}",
      description = "This replica's name in the shared store, held while it runs: a second live replica with the same name refuses to start. Default: $HOSTNAME (in Kubernetes, the pod name)")
  String replica;

  @Option(names = EXTERNAL_URL, description = "How people reach this server, for links in notifications. Default: http://HOST:PORT of --listen")
  URI externalUrl;

  @Option(names = WEB_CONFIG_FILE, paramLabel = "FILE",
      description = "TLS, response headers and basic auth users, in the web config format of Prometheus and Alertmanager (exporter-toolkit). Reloaded with the configuration.")
  Path webConfigFile;

  /**
   * Jetty's first server lists every locale the JDK knows (its MIME types), and the log's date format
   * loads the locale data: a tenth of a restart on the starting thread (bench/README.md, "Memory and
   * restart"). Listed on a thread of its own while the configuration loads, Jetty finds it done.
   */
  private static void listLocalesAside() {
    Thread thread = new Thread(Locale::getAvailableLocales, "alert-router-locales");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public Integer call() {
    listLocalesAside();
    PrintWriter err = spec != null ? spec.commandLine().getErr() : this.err;
    ListenAddress address;
    try {
      address = ListenAddress.parse(listen);
    } catch (IllegalArgumentException e) {
      err.println("--listen: " + e.getMessage());
      return 2;
    }
    LogFormat format;
    try {
      format = LogFormat.parse(logFormat);
    } catch (IllegalArgumentException e) {
      err.println("--log-format: " + e.getMessage());
      return 2;
    }
    if (explainCacheSize < 0) {
      err.println("--explain-cache-size: must not be negative, found " + explainCacheSize);
      return 2;
    }
    if (maxInFlightPerReceiver < 1) {
      err.println("--notify.max-in-flight-per-receiver: must be at least 1, found " + maxInFlightPerReceiver);
      return 2;
    }
    URI external = externalUrl != null ? externalUrl : address.defaultExternalUrl();
    AppOptions options = new AppOptions(config, RunbooksFolder.orDefault(runbooks), address.host(), address.port(), data, dryRun,
        external, format, explainCacheSize, Optional.ofNullable(store), replica, Optional.ofNullable(webConfigFile),
        maxInFlightPerReceiver);
    App app;
    try {
      app = App.start(options, Clock.systemUTC(), System.getenv());
    } catch (ConfigException e) {
      e.errors().forEach(err::println);
      err.println("alert-router did not start: " + e.errors().size() + " configuration error(s)");
      return 1;
    } catch (StoreUnavailableException | IllegalStateException e) {
      // The database cannot be opened, another router holds the data folder, or a live replica holds --replica's name.
      err.println("alert-router did not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "alert-router-shutdown"));
    Signal.handle(new Signal("HUP"), signal -> app.reload());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
