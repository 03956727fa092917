package dev.tta.alertrouter.notify.email;

import dev.tta.alertrouter.ack.Ack;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.notify.ActionLinks;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import dev.tta.alertrouter.notify.Notification;
import dev.tta.alertrouter.notify.digest.Digest;
import dev.tta.alertrouter.notify.digest.DigestNotifier;
import dev.tta.alertrouter.notify.template.MessageKind;
import dev.tta.alertrouter.notify.template.MessageLinks;
import dev.tta.alertrouter.notify.template.MessageModel;
import dev.tta.alertrouter.notify.template.MessageModels;
import dev.tta.alertrouter.notify.template.MessageTemplates;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Notifies one {@code email_configs} entry: one multipart (text and HTML) message per notification
 * to its {@code to} addresses through its {@code smarthost}, over STARTTLS (required unless {@code
 * require_tls: false}) or, on port 465, implicit TLS; with {@code auth_username}, it authenticates.
 * One attempt per call; what the server answered comes back as a {@link DeliveryOutcome}.
 */
public final class EmailNotifier implements DigestNotifier {
  /** Per connection step (connect, each read, each write); the delivery stage bounds the whole attempt. */
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final EmailConfig config;
  private final MessageTemplates templates;
  private final MessageLinks links;
  private final SmtpEndpoint endpoint;
  private final Session session;
  private final MailComposer composer;
  private final InternetAddress[] recipients;
  private final ActionLinks actions;

  /**
   * @param config an entry; without a {@code smarthost} (a dry-run entry) the notifier only renders
   * @param templates the entry's templates ({@code Templates.email(receiver, index, config)})
   * @param links builds the explain and group links from the external URL
   * @throws IllegalArgumentException when the entry cannot be sent as configured (the config
   *     loader reports the same problems with file and line)
   */
  public EmailNotifier(EmailConfig config, MessageTemplates templates, MessageLinks links) {
    this(config, templates, links, ActionLinks.NONE);
  }

  /** @param actions the acknowledge link a message about a firing group carries ({@code ackUrl} in templates) */
  public EmailNotifier(EmailConfig config, MessageTemplates templates, MessageLinks links, ActionLinks actions) {
    this(config, templates, links,
        Objects.requireNonNull(config, "config").smarthost().map(SmtpEndpoint::of).orElse(null), actions);
  }

  /** With the TLS mode chosen here rather than by the port, so tests can use implicit TLS on a free port. */
  EmailNotifier(EmailConfig config, MessageTemplates templates, MessageLinks links, SmtpEndpoint endpoint) {
    this(config, templates, links, endpoint, ActionLinks.NONE);
  }

  private EmailNotifier(EmailConfig config, MessageTemplates templates, MessageLinks links, SmtpEndpoint endpoint,
      ActionLinks actions) {
    this.actions = Objects.requireNonNull(actions, "actions");
    this.config = Objects.requireNonNull(config, "config");
    if (templates.kind() != MessageKind.EMAIL) {
      throw new IllegalArgumentException("email needs email templates, not " + templates.kind());
    }
    this.templates = templates;
    this.links = Objects.requireNonNull(links, "links");
    // No smarthost: a dry-run entry, which only renders.
    this.endpoint = endpoint;
    this.recipients = Addresses.list("to", config.to());
    this.composer = new MailComposer(config);
    this.session = endpoint == null ? null : SmtpSessions.create(config, endpoint, TIMEOUT);
  }

  @Override
  public String type() {
    return "email";
  }

  @Override
  public DeliveryOutcome send(Notification notification) {
    MessageModel model = model(notification);
    return deliver(templates.render("subject", model), templates.render("text", model),
        templates.render("html", model), notification.context().now());
  }

  private DeliveryOutcome deliver(String subject, String text, String html, Instant date) {
    if (endpoint == null) {
      return new DeliveryOutcome.Permanent("no smarthost configured");
    }
    try {
      MimeMessage message = composer.compose(session, subject, text, html, date);
      try (Transport transport = session.getTransport()) {
        transport.connect(endpoint.host(), endpoint.port(), config.authUsername().orElse(null),
            config.authPassword().map(p -> p.reveal()).orElse(null));
        transport.sendMessage(message, recipients);
      }
      return new DeliveryOutcome.Delivered();
    } catch (MessagingException e) {
      return SmtpOutcomes.of(e, endpoint);
    }
  }

  /** A digest is a message of its own, built by {@link EmailDigests} rather than the templates. */
  @Override
  public DeliveryOutcome sendDigest(Digest digest) {
    String list = links.receiver(digest.receiver());
    return deliver(EmailDigests.subject(digest), EmailDigests.text(digest, list), EmailDigests.html(digest, list),
        digest.windowEnd());
  }

  @Override
  public String renderDigest(Digest digest) {
    return "To: " + config.to() + "\nSubject: " + EmailDigests.subject(digest) + "\n\n"
        + EmailDigests.text(digest, links.receiver(digest.receiver()));
  }

  /** The message as it would be sent: recipients, subject and the plain-text part, for dry-run logs. */
  @Override
  public String render(Notification notification) {
    MessageModel model = model(notification);
    return "To: " + config.to() + "\nSubject: " + templates.render("subject", model) + "\n\n"
        + templates.render("text", model);
  }

  private MessageModel model(Notification notification) {
    MessageModel model = MessageModels.of(notification, links);
    if (notification.firing().isEmpty()) {
      return model;
    }
    return actions.acknowledge(notification.context().groupKey(), Ack.VIA_EMAIL).map(model::withAckUrl).orElse(model);
  }
}
