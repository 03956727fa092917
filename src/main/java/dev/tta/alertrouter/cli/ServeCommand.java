package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.App;
import dev.tta.alertrouter.AppOptions;
import dev.tta.alertrouter.store.StoreUnavailableException;
import dev.tta.alertrouter.ConfigException;
import dev.tta.alertrouter.explain.LogFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
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
  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "routing-rules/", description = "A YAML file or a folder of them. Default: ${DEFAULT-VALUE}")
  Path config;

  @Option(names = "--runbooks", description = "The runbooks folder. Default: runbooks/ when that folder exists")
  Path runbooks;

  @Option(names = "--listen", defaultValue = "0.0.0.0:9095", description = "HOST:PORT to listen on. Default: ${DEFAULT-VALUE}")
  String listen;

  @Option(names = "--data", defaultValue = "data/", description = "Where state lives. Default: ${DEFAULT-VALUE}")
  Path data;

  @Option(names = "--dry-run", description = "Render and log every notification instead of sending it.")
  boolean dryRun;

  @Option(names = "--log-format", defaultValue = "${env:ALERT_ROUTER_LOG_FORMAT:-text}",
      description = "text (logfmt in the process log) or json (JSON lines on standard output) for decision and notification lines. Default: ${DEFAULT-VALUE} (env ALERT_ROUTER_LOG_FORMAT)")
  String logFormat;

  @Option(names = "--explain-cache-size", defaultValue = "${env:ALERT_ROUTER_EXPLAIN_CACHE_SIZE:-10000}",
      description = "How many alerts' decision records explain keeps; the least recently touched go first. Default: ${DEFAULT-VALUE} (env ALERT_ROUTER_EXPLAIN_CACHE_SIZE)")
  long explainCacheSize;

  @Option(names = "--notify.max-in-flight-per-receiver", paramLabel = "N",
      defaultValue = "${env:ALERT_ROUTER_MAX_IN_FLIGHT_PER_RECEIVER:-4}",
      description = "How many notifications of one receiver may be on the wire at once (each also counts against its integration type's bound of 8). A notification the receiver accepted but the log had not recorded is sent again after a crash; fewer in flight, fewer such repeats. Default: ${DEFAULT-VALUE} (env ALERT_ROUTER_MAX_IN_FLIGHT_PER_RECEIVER)")
  int maxInFlightPerReceiver;

  // The URL may carry a password: from the environment (a Kubernetes Secret), it stays off the command line.
  @Option(names = "--store", paramLabel = "JDBC_URL", defaultValue = "${env:ALERT_ROUTER_STORE_URL}",
      description = "A jdbc:postgresql: URL several replicas share (HA). Default: env ALERT_ROUTER_STORE_URL, else SQLite under --data.")
  String store;

  @Option(names = "--replica", defaultValue = "${env:HOSTNAME:-alert-router}",
      description = "This replica's name in the shared store, held while it runs: a second live replica with the same name refuses to start. Default: $HOSTNAME (in Kubernetes, the pod name)")
  String replica;

  @Option(names = "--external-url", description = "How people reach this server, for links in notifications. Default: http://HOST:PORT of --listen")
  URI externalUrl;

  @Option(names = "--web.config.file", paramLabel = "FILE",
      description = "TLS, response headers and basic auth users, in the web config format of Prometheus and Alertmanager (exporter-toolkit). Reloaded with the configuration.")
  Path webConfigFile;

  @Override
  public Integer call() {
    ListenAddress address;
    try {
      address = ListenAddress.parse(listen);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("--listen: " + e.getMessage());
      return 2;
    }
    LogFormat format;
    try {
      format = LogFormat.parse(logFormat);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("--log-format: " + e.getMessage());
      return 2;
    }
    if (explainCacheSize < 0) {
      spec.commandLine().getErr().println("--explain-cache-size: must not be negative, found " + explainCacheSize);
      return 2;
    }
    if (maxInFlightPerReceiver < 1) {
      spec.commandLine().getErr().println("--notify.max-in-flight-per-receiver: must be at least 1, found " + maxInFlightPerReceiver);
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
      e.errors().forEach(spec.commandLine().getErr()::println);
      spec.commandLine().getErr().println("alert-router did not start: " + e.errors().size() + " configuration error(s)");
      return 1;
    } catch (StoreUnavailableException | IllegalStateException e) {
      // The database cannot be opened, another router holds the data folder, or a live replica holds --replica's name.
      spec.commandLine().getErr().println("alert-router did not start: " + e.getMessage());
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
