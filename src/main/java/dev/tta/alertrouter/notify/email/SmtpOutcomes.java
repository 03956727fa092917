package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.notify.DeliveryOutcome;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Reads a failed SMTP exchange as a {@link DeliveryOutcome}: a 4xx reply, a refused connection or
 * a timeout may pass (retryable); a 5xx reply, failed authentication, a failed TLS handshake or a
 * server that cannot do the required STARTTLS will not (permanent).
 */
final class SmtpOutcomes {
  private static final Pattern REPLY_IN_TEXT = Pattern.compile("response: ([45]\\d\\d)\\b");
  private SmtpOutcomes() {}

  static DeliveryOutcome of(MessagingException failure, SmtpEndpoint endpoint) {
    String server = "SMTP server " + endpoint;
    for (Throwable t = failure; t != null; t = next(t)) {
      Integer code = replyCode(t);
      if (code != null) {
        String reason = server + " refused the mail: " + oneLine(t.getMessage());
        return code >= 400 && code < 500 ? retry(reason) : new DeliveryOutcome.Permanent(reason);
      }
      if (t instanceof AuthenticationFailedException) {
        return new DeliveryOutcome.Permanent(server + ": authentication failed"
            + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage())));
      }
      if (t.getMessage() != null && t.getMessage().contains("STARTTLS is required but host does not support STARTTLS")) {
        return new DeliveryOutcome.Permanent(server + " does not offer STARTTLS and require_tls is true: not sending"
            + " in clear text (set require_tls: false to allow it)");
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return new DeliveryOutcome.Permanent("TLS with " + server + " failed: " + tlsProblem(t, endpoint));
      }
      if (t instanceof IOException) {
        return retry("cannot reach " + server + ": " + t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage())));
      }
    }
    if (failure instanceof SendFailedException) {
      return new DeliveryOutcome.Permanent(server + ": " + oneLine(failure.getMessage()));
    }
    return retry(server + ": " + oneLine(String.valueOf(failure.getMessage())));
  }

  /** The innermost cause says what was wrong with the certificate; a name mismatch is said plainly. */
  private static String tlsProblem(Throwable t, SmtpEndpoint endpoint) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = oneLine(root.getMessage());
    if (root instanceof CertificateException && (detail.startsWith("No subject alternative")
        || detail.startsWith("No name matching"))) {
      return "its certificate is not for " + endpoint.host() + " (" + detail + ")";
    }
    return detail;
  }

  private static Integer replyCode(Throwable t) {
    if (t instanceof SMTPSendFailedException e) {
      return e.getReturnCode();
    }
    if (t instanceof SMTPAddressFailedException e) {
      return e.getReturnCode();
    }
    if (t instanceof SMTPSenderFailedException e) {
      return e.getReturnCode();
    }
    // A refused greeting or EHLO carries the reply only in the text: "...response: 554 ...".
    if (t instanceof MessagingException && t.getMessage() != null) {
      Matcher m = REPLY_IN_TEXT.matcher(t.getMessage());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return null;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static DeliveryOutcome retry(String reason) {
    return new DeliveryOutcome.Retryable(Optional.empty(), reason);
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ");
  }
}
