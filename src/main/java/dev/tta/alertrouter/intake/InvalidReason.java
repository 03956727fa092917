package dev.tta.alertrouter.intake;

/**
 * Why an alert or a whole payload was refused. The set is closed so that it can label the metric
 * {@code alertrouter_alerts_invalid_total{reason}} without unbounded cardinality.
 */
public enum InvalidReason {
  MALFORMED_JSON("malformed_json"),
  WRONG_CONTENT_TYPE("wrong_content_type"),
  TOO_LARGE("too_large"),
  UNSUPPORTED_VERSION("unsupported_version"),
  /** Well-formed JSON of the wrong shape: not an object or array, no {@code alerts}, and the like. */
  INVALID_PAYLOAD("invalid_payload"),
  /** An element of the alerts array that is not an object, or a field of the wrong type. */
  INVALID_FIELD("invalid_field"),
  MISSING_LABELS("missing_labels"),
  INVALID_LABEL_NAME("invalid_label_name"),
  INVALID_LABEL_VALUE("invalid_label_value"),
  INVALID_ANNOTATION("invalid_annotation"),
  BAD_TIMESTAMP("bad_timestamp"),
  BAD_STATUS("bad_status");

  private final String metricLabel;

  InvalidReason(String metricLabel) {
    this.metricLabel = metricLabel;
  }

  /** The value of the {@code reason} label. */
  public String metricLabel() {
    return metricLabel;
  }
}
