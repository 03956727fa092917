package dev.tta.alertrouter.http.v2;

import java.util.List;

/** The configuration in force, as the v2 API shows it; read per request, so a reload shows at once. */
public interface V2ConfigView {
  /** The loaded YAML, secrets written as Alertmanager masks them ({@code <secret>}). */
  String maskedYaml();

  /** The receivers' names, in configuration order. */
  List<String> receiverNames();
}
