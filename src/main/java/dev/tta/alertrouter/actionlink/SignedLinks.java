package dev.tta.alertrouter.actionlink;

import dev.tta.alertrouter.notify.ActionLinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The action links messages carry: {@code {externalUrl}/actions/{token}}, valid for {@code
 * server.action_links_ttl} from the moment the message is built. Opening one shows a confirmation
 * page; only that page's form acts (see {@code ui.ActionPages}).
 */
public final class SignedLinks implements ActionLinks {
  /** Where the pages are served; the token follows. */
  public static final String PATH = "/actions/";

  private final ActionTokens tokens;
  private final String base;
  private final Clock clock;
  private final Supplier<Duration> ttl;

  /**
   * @param externalUrl how people reach alert-router (no trailing slash needed)
   * @param ttl read at each link, so a reload changes it for messages sent afterwards
   */
  public SignedLinks(ActionTokens tokens, String externalUrl, Clock clock, Supplier<Duration> ttl) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(externalUrl, "externalUrl");
    this.base = externalUrl.endsWith("/") ? externalUrl.substring(0, externalUrl.length() - 1) : externalUrl;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  @Override
  public Optional<String> acknowledge(String groupKey, String via) {
    return Optional.of(link(new ActionToken(groupKey, ActionToken.Action.ACK, via, clock.instant().plus(ttl.get()))));
  }

  /** The URL of {@code token}. */
  public String link(ActionToken token) {
    return base + PATH + tokens.sign(token);
  }
}
