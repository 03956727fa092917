package dev.tta.alertrouter.intake;

/** Who sent a batch: it labels {@code alertrouter_alerts_received_total{source}}. */
public enum AlertSource {
  /** Alertmanager's webhook ({@code POST /api/v1/alertmanager}). */
  ALERTMANAGER("alertmanager"),
  /** Prometheus pushing as to an Alertmanager ({@code POST /api/v2/alerts}). */
  PROMETHEUS("prometheus");

  private final String metricLabel;

  AlertSource(String metricLabel) {
    this.metricLabel = metricLabel;
  }

  public String metricLabel() {
    return metricLabel;
  }
}
