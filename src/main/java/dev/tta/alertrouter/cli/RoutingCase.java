package dev.tta.alertrouter.cli;

import dev.tta.alertrouter.alert.Labels;
import java.util.List;
import java.util.Objects;

/** One case of a {@code routes test --cases} file: an alert's labels and the receivers it must reach. */
record RoutingCase(int line, Labels labels, List<String> expect) {
  RoutingCase {
    Objects.requireNonNull(labels, "labels");
    expect = List.copyOf(expect);
  }
}
