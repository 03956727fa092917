package dev.tta.alertrouter.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.notify.DeliveryOutcome;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the server's replies mean for a retry: 4xx may pass, 5xx will not. */
class SmtpRepliesTest {
  @TempDir Path dir;

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("RCPT", "450 4.2.1 mailbox busy, try later", DeliveryOutcome.Retryable.class),
        Arguments.of("RCPT", "550 5.1.1 no such user", DeliveryOutcome.Permanent.class),
        Arguments.of("MAIL", "451 4.3.0 local error", DeliveryOutcome.Retryable.class),
        Arguments.of("MAIL", "553 5.7.1 sender not allowed", DeliveryOutcome.Permanent.class),
        Arguments.of("END_OF_DATA", "452 4.3.1 insufficient storage", DeliveryOutcome.Retryable.class),
        Arguments.of("END_OF_DATA", "554 5.6.0 message rejected as spam", DeliveryOutcome.Permanent.class));
  }

  @ParameterizedTest
  @MethodSource("replies")
  void replyCodeDecidesWhetherToRetry(String command, String reply, Class<? extends DeliveryOutcome> expected) {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of(command, reply))) {
      EmailConfig config = EmailTestSetup.config(dir, """
          - to: platform@tta.dev
            from: router@tta.dev
            smarthost: 127.0.0.1:%d
            require_tls: false
          """.formatted(server.port()), Map.of());

      DeliveryOutcome outcome = EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x"));

      assertInstanceOf(expected, outcome);
      String reason = outcome instanceof DeliveryOutcome.Retryable r ? r.reason() : ((DeliveryOutcome.Permanent) outcome).reason();
      assertTrue(reason.startsWith("SMTP server 127.0.0.1:" + server.port() + " refused the mail: "), reason);
      assertTrue(reason.contains(reply), reason);
    }
  }

  @ParameterizedTest
  @MethodSource("greetings")
  void refusedGreetingIsReadByItsCode(String greeting, Class<? extends DeliveryOutcome> expected) {
    try (ScriptedSmtpServer server = new ScriptedSmtpServer(Map.of("GREETING", greeting))) {
      EmailConfig config = EmailTestSetup.config(dir, """
          - to: platform@tta.dev
            from: router@tta.dev
            smarthost: 127.0.0.1:%d
            require_tls: false
          """.formatted(server.port()), Map.of());

      assertInstanceOf(expected, EmailTestSetup.notifier(config).send(EmailTestSetup.databaseDown("x")));
      assertEquals(0, server.commands().stream().filter(c -> c.equals("DATA")).count());
    }
  }

  static Stream<Arguments> greetings() {
    return Stream.of(
        Arguments.of("421 4.3.2 service not available, closing", DeliveryOutcome.Retryable.class),
        Arguments.of("554 5.7.1 no SMTP service here", DeliveryOutcome.Permanent.class));
  }
}
