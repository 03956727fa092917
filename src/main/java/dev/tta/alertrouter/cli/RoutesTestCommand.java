package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.alert.Labels;
import dev.tta.alertrouter.alert.Matcher;
import dev.tta.alertrouter.alert.Matchers;
import dev.tta.alertrouter.routing.RouteTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routes test}: the receivers an alert reaches, printed exactly as {@code amtool config routes
 * test} (0.25) prints them; or, with {@code --cases}, a file of expectations checked in one run.
 */
@Command(
    name = "test",
    description = "Print the receivers an alert with the given labels reaches, in tree order, as amtool config routes test does.")
final class RoutesTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "routing-rules/", paramLabel = "PATH", description = "A YAML file or a folder of them. Default: ${DEFAULT-VALUE}")
  Path config;

  @Option(names = "--tree", description = "Also draw the matching routes.")
  boolean tree;

  @Option(names = "--verify.receivers", paramLabel = "a,b", description = "Exit 1 unless the receivers printed are exactly these.")
  String expectedReceivers;

  @Option(names = "--cases", paramLabel = "FILE", description = "Run a YAML list of cases (- labels: {...}, expect: [receiver, ...]).")
  Path cases;

  @Parameters(paramLabel = "label=value", description = "The alert's labels.")
  List<String> labels = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (cases != null && !labels.isEmpty()) {
      err.println("error: give either --cases FILE or labels, not both");
      err.flush();
      return 1;
    }
    Optional<Labels> alert = cases == null ? parseLabels(err) : Optional.of(Labels.empty());
    if (alert.isEmpty()) {
      return 1;
    }
    Optional<EffectiveRoutes> routes = RouteTreeLoader.load(config, System.getenv(), err);
    if (routes.isEmpty()) {
      return 1;
    }
    int exit = cases != null ? new RoutingCasesRun(routes.get(), out, err).run(cases) : test(routes.get().tree(), routes.get().classify(alert.get()), out);
    out.flush();
    return exit;
  }

  private int test(RouteTree routes, Labels alert, PrintWriter out) {
    if (tree) {
      out.print(RouteTreeDrawing.matching(routes, alert));
    }
    String receivers = String.join(",", routes.receivers(alert));
    out.print(receivers + "\n");
    if (expectedReceivers != null && !expectedReceivers.isEmpty() && !expectedReceivers.equals(receivers)) {
      out.print("WARNING: Expected receivers did not match resolved receivers.\n");
      return 1;
    }
    return 0;
  }

  /** As amtool: each argument is a matcher that must use '='; a later name wins. */
  private Optional<Labels> parseLabels(PrintWriter err) {
    Map<String, String> map = new TreeMap<>();
    for (String arg : labels) {
      Matcher m;
      try {
        m = Matchers.parse(arg);
      } catch (IllegalArgumentException e) {
        err.println("error: Failed to parse labels: " + e.getMessage());
        err.flush();
        return Optional.empty();
      }
      if (m.type() != Matcher.Type.EQUAL) {
        err.println("error: Failed to parse labels: labels must be specified as key=value pairs");
        err.flush();
        return Optional.empty();
      }
      map.put(m.name(), m.value());
    }
    return Optional.of(Labels.of(map));
  }
}
