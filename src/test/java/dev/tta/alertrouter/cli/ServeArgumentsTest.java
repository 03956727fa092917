package dev.tta.alertrouter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** serve's quick reading of its command line reads what picocli reads, and leaves picocli everything else. */
class ServeArgumentsTest {
  private final PrintWriter err = new PrintWriter(new StringWriter());

  @Test
  void whatTheQuickReadingTakesItReadsAsPicocliDoes() throws Exception {
    String[][] cases = {
        {"serve"},
        {"serve", "--config", "routing-rules/", "--runbooks", "runbooks/", "--listen", "127.0.0.1:9095", "--data",
            "data/", "--dry-run"},
        {"serve", "--dry-run", "--config=/etc/alert-router/routing-rules", "--listen=0.0.0.0:9095",
            "--data=/var/lib/alert-router"},
        {"serve", "--log-format", "json", "--explain-cache-size", "500", "--notify.max-in-flight-per-receiver", "2"},
        {"serve", "--store", "jdbc:postgresql://db:5432/alerts?user=router", "--replica", "alert-router-1",
            "--external-url", "https://alerts.example.com/", "--web.config.file", "web.yml"},
        {"serve", "--listen", "nowhere", "--log-format", "xml"},
    };
    for (String[] args : cases) {
      Optional<ServeCommand> quick = ServeArguments.parse(args, System.getenv(), err);
      assertTrue(quick.isPresent(), String.join(" ", args));
      assertEquals(values(picocli(args)), values(quick.get()), String.join(" ", args));
    }
  }

  @Test
  void everyOptionServeHasIsOneTheQuickReadingKnows() throws Exception {
    for (Field field : ServeCommand.class.getDeclaredFields()) {
      Option option = field.getAnnotation(Option.class);
      if (option == null) {
        continue;
      }
      String name = option.names()[0];
      String[] args = field.getType() == boolean.class ? new String[] {"serve", name}
          : new String[] {"serve", name, sample(field.getType())};
      Optional<ServeCommand> quick = ServeArguments.parse(args, System.getenv(), err);
      assertTrue(quick.isPresent(), name + " is read without picocli");
      assertEquals(values(picocli(args)), values(quick.get()), name);
    }
  }

  @Test
  void anythingUnusualIsLeftToPicocli() {
    String[][] cases = {
        {}, {"check-config"}, {"serve", "--help"}, {"serve", "-h"}, {"serve", "--version"}, {"serve", "--bogus", "x"},
        {"serve", "--config"}, {"serve", "--config", "a", "--config", "b"}, {"serve", "--dry-run", "--dry-run"},
        {"serve", "--dry-run=true"}, {"serve", "--explain-cache-size", "0x10"}, {"serve", "--explain-cache-size", "-1"},
        {"serve", "--explain-cache-size", "99999999999"}, {"serve", "--external-url", "http://a b/"},
        {"serve", "@args.txt"}, {"serve", "--listen", ""}, {"serve", "--config", "--dry-run"}, {"serve", "extra"},
    };
    for (String[] args : cases) {
      assertEquals(Optional.empty(), ServeArguments.parse(args, Map.of(), err), String.join(" ", args));
    }
  }

  @Test
  void defaultsComeFromTheEnvironmentAsTheAnnotationsSay() {
    ServeCommand serve = ServeArguments.parse(new String[] {"serve"}, Map.of("ALERT_ROUTER_LOG_FORMAT", "json",
        "ALERT_ROUTER_EXPLAIN_CACHE_SIZE", "7", "ALERT_ROUTER_MAX_IN_FLIGHT_PER_RECEIVER", "3",
        "ALERT_ROUTER_STORE_URL", "jdbc:postgresql://db/alerts", "HOSTNAME", "alert-router-0"), err).orElseThrow();

    assertEquals(List.of("json", 7L, 3, "jdbc:postgresql://db/alerts", "alert-router-0"),
        List.of(serve.logFormat, serve.explainCacheSize, serve.maxInFlightPerReceiver, serve.store, serve.replica));
    ServeCommand bare = ServeArguments.parse(new String[] {"serve"}, Map.of(), err).orElseThrow();
    assertEquals(List.of("text", 10_000L, 4, "alert-router"),
        List.of(bare.logFormat, bare.explainCacheSize, bare.maxInFlightPerReceiver, bare.replica));
    assertEquals(null, bare.store);
    // An empty variable: how picocli's ${env:…} reads it is left to picocli.
    assertEquals(Optional.empty(), ServeArguments.parse(new String[] {"serve"}, Map.of("HOSTNAME", ""), err));
  }

  private static ServeCommand picocli(String[] args) {
    ServeCommand serve = new ServeCommand();
    CommandLine cl = new CommandLine(new RootCommand());
    cl.addSubcommand(RootCommand.SERVE, serve);
    cl.parseArgs(args);
    return serve;
  }

  /** Every option's value, in declaration order. */
  private static List<Object> values(ServeCommand serve) throws IllegalAccessException {
    List<Object> values = new ArrayList<>();
    for (Field field : ServeCommand.class.getDeclaredFields()) {
      if (field.isAnnotationPresent(Option.class)) {
        values.add(field.getName() + "=" + field.get(serve));
      }
    }
    return values;
  }

  private static String sample(Class<?> type) {
    if (type == int.class || type == long.class) {
      return "7";
    }
    return type == URI.class ? "http://alerts.example.com/" : "x.yml";
  }
}
