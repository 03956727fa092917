package dev.tta.alertrouter.query;

import dev.tta.alertrouter.alert.Alert;
import java.util.Objects;

/** A held alert with what the configuration says about it now. */
public record ShownAlert(Alert alert, AlertMarks marks) {
  public ShownAlert {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(marks, "marks");
  }
}
