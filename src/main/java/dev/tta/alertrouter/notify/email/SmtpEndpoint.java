package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.config.HostPort;
import java.util.Objects;

/**
 * Where mail goes and how the connection starts.
 *
 * @param implicitTls TLS from the first byte (SMTPS) instead of STARTTLS after the greeting
 */
record SmtpEndpoint(String host, int port, boolean implicitTls) {
  /** Submission over implicit TLS has its own port; Alertmanager uses TLS from the start on it alone. */
  static final int SMTPS_PORT = 465;

  SmtpEndpoint {
    Objects.requireNonNull(host, "host");
  }

  static SmtpEndpoint of(HostPort smarthost) {
    return new SmtpEndpoint(smarthost.host(), smarthost.port(), smarthost.port() == SMTPS_PORT);
  }

  @Override
  public String toString() {
    return new HostPort(host, port).toString();
  }
}
