package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.config.EmailConfig;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * The Jakarta Mail session for one {@code email_configs} entry: STARTTLS (required unless {@code
 * require_tls: false}) or implicit TLS, the server's certificate checked against its name unless
 * {@code insecure_skip_verify}, the EHLO name, timeouts, and the envelope sender.
 */
final class SmtpSessions {
  private SmtpSessions() {}

  static Session create(EmailConfig config, SmtpEndpoint endpoint, Duration timeout) {
    String p = endpoint.implicitTls() ? "smtps" : "smtp";
    Properties props = new Properties();
    props.put("mail.transport.protocol", p);
    put(props, p, "host", endpoint.host());
    put(props, p, "port", Integer.toString(endpoint.port()));
    put(props, p, "localhost", config.hello());
    put(props, p, "from", Addresses.envelopeSender(config.from()));
    // The Message-ID's domain comes from here rather than from a lookup of the local host's name.
    props.put("mail.from", Addresses.envelopeSender(config.from()));
    String millis = Long.toString(timeout.toMillis());
    put(props, p, "connectiontimeout", millis);
    put(props, p, "timeout", millis);
    put(props, p, "writetimeout", millis);
    put(props, p, "auth", Boolean.toString(config.authUsername().isPresent()));
    if (config.authIdentity().isPresent() && !config.authIdentity().get().isEmpty()) {
      put(props, p, "sasl.enable", "true");
      put(props, p, "sasl.mechanisms", "PLAIN");
      put(props, p, "sasl.authorizationid", config.authIdentity().get());
    }
    if (!endpoint.implicitTls()) {
      put(props, p, "starttls.enable", "true");
      put(props, p, "starttls.required", Boolean.toString(config.requireTls()));
    }
    SSLSocketFactory tls = TlsSocketFactories.of(config.tls());
    props.put("mail." + p + ".ssl.socketFactory", tls);
    // Without this, a failed handshake is retried with the JDK's default factory, ignoring tls_config.
    put(props, p, "socketFactory.fallback", "false");
    put(props, p, "ssl.checkserveridentity", Boolean.toString(!config.tls().insecureSkipVerify()));
    String protocols = TlsSocketFactories.protocols(config.tls());
    if (protocols != null) {
      put(props, p, "ssl.protocols", protocols);
    }
    return Session.getInstance(props);
  }

  private static void put(Properties props, String protocol, String name, String value) {
    props.put("mail." + protocol + "." + name, value);
  }
}
