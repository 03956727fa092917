package dev.tta.alertrouter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs a cases file against a route tree: one FAIL line per failing case, then the totals. */
final class RoutingCasesRun {
  private final EffectiveRoutes routes;
  private final PrintWriter out;
  private final PrintWriter err;

  RoutingCasesRun(EffectiveRoutes routes, PrintWriter out, PrintWriter err) {
    this.routes = routes;
    this.out = out;
    this.err = err;
  }

  /** 0 when every case passes; 1 when one fails or the file cannot be used. */
  int run(Path file) {
    List<RoutingCase> cases;
    try {
      cases = RoutingCasesFile.read(file);
    } catch (RoutingCasesFile.InvalidCasesException e) {
      e.problems().forEach(err::println);
      err.flush();
      return 1;
    }
    int failed = 0;
    for (RoutingCase c : cases) {
      List<String> got = routes.receivers(c.labels());
      if (!got.equals(c.expect())) {
        failed++;
        out.print("FAIL " + c.labels() + ": expected " + c.expect() + ", got " + got + "\n");
      }
    }
    out.print((cases.size() - failed) + " passed, " + failed + " failed\n");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
