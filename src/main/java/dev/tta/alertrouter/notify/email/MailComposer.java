package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.config.EmailConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the message: {@code multipart/alternative} with the text part first and the HTML part
 * second (mail clients show the last part they can), the configured headers, and {@code From},
 * {@code To} and {@code Subject}, which {@code headers} may override as in Alertmanager. Only
 * literal headers are written: values holding Go templates are skipped (warned about at load).
 */
final class MailComposer {
  private static final Set<String> ADDRESS_HEADERS = Set.of("from", "to", "subject");
  private static final Set<String> RESERVED = Set.of("content-type", "content-transfer-encoding", "mime-version");

  private final InternetAddress from;
  private final InternetAddress[] to;
  private final String subjectOverride;
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();

  MailComposer(EmailConfig config) {
    Map<String, String> literal = new LinkedHashMap<>();
    config.headers().forEach((name, value) -> {
      if (!value.contains("{{")) {
        checkHeader(name, value);
        literal.put(name, value);
      }
    });
    this.from = Addresses.single("headers.From", literal.getOrDefault("From", config.from()));
    this.to = Addresses.list("headers.To", literal.getOrDefault("To", config.to()));
    this.subjectOverride = literal.get("Subject");
    literal.forEach((name, value) -> {
      if (!ADDRESS_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        extraHeaders.put(name, value);
      }
    });
  }

  MimeMessage compose(Session session, String subject, String text, String html, Instant date)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipients(Message.RecipientType.TO, to);
    // The template's output is one line already; a header override is checked at construction.
    message.setSubject(subjectOverride != null ? subjectOverride : subject, StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(date));
    for (Map.Entry<String, String> h : extraHeaders.entrySet()) {
      message.setHeader(h.getKey(), encode(h.getKey(), h.getValue()));
    }
    MimeBodyPart textPart = new MimeBodyPart();
    textPart.setText(text, StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setText(html, StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
    message.saveChanges();
    return message;
  }

  private static String encode(String name, String value) {
    try {
      return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, StandardCharsets.UTF_8.name(), null));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  /** Defence in depth: the config loader rejects these already, with file and line. */
  private static void checkHeader(String name, String value) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        throw new IllegalArgumentException("headers: invalid header name \"" + name + "\"");
      }
    }
    if (name.isEmpty() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("headers: header \"" + name + "\" cannot be configured");
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("headers." + name + ": a header value must not contain a line break");
    }
  }
}
