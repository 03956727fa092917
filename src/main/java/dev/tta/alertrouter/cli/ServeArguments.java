package dev.tta.alertrouter.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code serve}'s command line read without picocli, when it is the kind a deployment runs: known
 * options, each at most once, as {@code --name value} or {@code --name=value}, and {@code --dry-run}.
 * Picocli reads its commands' annotations by reflection first, 0.1–0.15 s of a restart on two cores
 * (bench/README.md, "Memory and restart"). Anything else — help, an unknown, repeated or malformed
 * option, a value that starts like an option, an {@code @file}, an empty environment default, a
 * number or URL that is not plainly one — is left to picocli, which answers it as for every command.
 * What this reads, picocli reads the same way (ServeArgumentsTest holds the two side by side).
 */
final class ServeArguments {
  private static final Set<String> WITH_VALUE = Set.of(ServeCommand.CONFIG, ServeCommand.RUNBOOKS, ServeCommand.LISTEN,
      ServeCommand.DATA, ServeCommand.LOG_FORMAT, ServeCommand.EXPLAIN_CACHE_SIZE, ServeCommand.MAX_IN_FLIGHT,
      ServeCommand.STORE, ServeCommand.REPLICA, ServeCommand.EXTERNAL_URL, ServeCommand.WEB_CONFIG_FILE);
  /** Numbers as picocli and {@code Long.parseLong} read them alike: digits only, no sign, no hex. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[0-9]{1,9}");

  private ServeArguments() {}

  /** The serve command {@code args} give, or empty when picocli should read them. */
  static Optional<ServeCommand> parse(String[] args, Map<String, String> environment, PrintWriter err) {
    if (args.length == 0 || !args[0].equals(RootCommand.SERVE)
        || Arrays.stream(args).anyMatch(arg -> arg.isEmpty() || arg.startsWith("@"))) {
      return Optional.empty();
    }
    Map<String, String> given = new HashMap<>();
    boolean dryRun = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(ServeCommand.DRY_RUN)) {
        if (dryRun) {
          return Optional.empty();
        }
        dryRun = true;
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals > 0 ? arg.substring(0, equals) : arg;
      String value;
      if (equals > 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        return Optional.empty();
      }
      if (!WITH_VALUE.contains(name) || value.isEmpty() || value.startsWith("-") || given.putIfAbsent(name, value) != null) {
        return Optional.empty();
      }
    }
    try {
      ServeCommand serve = new ServeCommand();
      serve.err = err;
      serve.dryRun = dryRun;
      serve.config = Path.of(given.getOrDefault(ServeCommand.CONFIG, ServeCommand.DEFAULT_CONFIG));
      serve.runbooks = given.containsKey(ServeCommand.RUNBOOKS) ? Path.of(given.get(ServeCommand.RUNBOOKS)) : null;
      serve.listen = given.getOrDefault(ServeCommand.LISTEN, ServeCommand.DEFAULT_LISTEN);
      serve.data = Path.of(given.getOrDefault(ServeCommand.DATA, ServeCommand.DEFAULT_DATA));
      serve.logFormat = valueOrEnvironment(given, ServeCommand.LOG_FORMAT, environment, ServeCommand.LOG_FORMAT_ENV,
          ServeCommand.DEFAULT_LOG_FORMAT);
      serve.explainCacheSize = number(valueOrEnvironment(given, ServeCommand.EXPLAIN_CACHE_SIZE, environment,
          ServeCommand.EXPLAIN_CACHE_SIZE_ENV, ServeCommand.DEFAULT_EXPLAIN_CACHE_SIZE));
      serve.maxInFlightPerReceiver = number(valueOrEnvironment(given, ServeCommand.MAX_IN_FLIGHT, environment,
          ServeCommand.MAX_IN_FLIGHT_ENV, ServeCommand.DEFAULT_MAX_IN_FLIGHT));
      serve.store = valueOrEnvironment(given, ServeCommand.STORE, environment, ServeCommand.STORE_ENV, null);
      serve.replica = valueOrEnvironment(given, ServeCommand.REPLICA, environment, ServeCommand.REPLICA_ENV,
          ServeCommand.DEFAULT_REPLICA);
      serve.externalUrl = given.containsKey(ServeCommand.EXTERNAL_URL) ? new URI(given.get(ServeCommand.EXTERNAL_URL)) : null;
      serve.webConfigFile = given.containsKey(ServeCommand.WEB_CONFIG_FILE)
          ? Path.of(given.get(ServeCommand.WEB_CONFIG_FILE)) : null;
      return Optional.of(serve);
    } catch (NotPlain | InvalidPathException | URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The option's value, else the environment variable's, else {@code fallback}. */
  private static String valueOrEnvironment(Map<String, String> given, String option, Map<String, String> environment,
      String variable, String fallback) {
    String value = given.get(option);
    if (value != null) {
      return value;
    }
    String fromEnvironment = environment.get(variable);
    if (fromEnvironment == null) {
      return fallback;
    }
    if (fromEnvironment.isEmpty()) {
      throw new NotPlain(); // how picocli's ${env:…} default reads an empty variable is picocli's to say
    }
    return fromEnvironment;
  }

  private static int number(String text) {
    if (!PLAIN_NUMBER.matcher(text).matches()) {
      throw new NotPlain();
    }
    return Integer.parseInt(text);
  }

  /** A value picocli should read: the quick reading gives up. */
  private static final class NotPlain extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPlain() {
      super(null, null, false, false);
    }
  }
}
