package dev.tta.alertrouter.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code slack_configs} entry: Alertmanager 0.25's fields, plus {@code bot_token(_file)} and
 * {@code api_base_url} for Slack's Web API ({@code chat.postMessage}) instead of an incoming
 * webhook. Text fields are empty when not set: alert-router does not use Alertmanager's Go
 * templates, the notifier has its own default message.
 *
 * @param sendResolved default false, as Alertmanager
 * @param apiUrl incoming-webhook URL ({@code api_url}, {@code api_url_file} or the global {@code slack_api_url})
 * @param botToken Web API token; at most one of apiUrl and botToken is present
 * @param apiBaseUrl Web API base, default {@value #DEFAULT_API_BASE_URL}
 * @param channel required with a bot token
 * @param templates alert-router's own message templates by name ({@code templates:}); the
 *     Alertmanager text fields above hold Go templates, which alert-router ignores
 * @param signingSecret the Slack app's signing secret ({@code signing_secret(_file)}), which
 *     verifies the button clicks Slack posts to {@code /api/v1/slack/interactions}
 */
public record SlackConfig(
    boolean sendResolved,
    HttpClientConfig httpConfig,
    Optional<Secret> apiUrl,
    Optional<Secret> botToken,
    String apiBaseUrl,
    Optional<String> channel,
    Optional<String> username,
    Optional<String> color,
    Optional<String> title,
    Optional<String> titleLink,
    Optional<String> pretext,
    Optional<String> text,
    List<Field> fields,
    boolean shortFields,
    Optional<String> footer,
    Optional<String> fallback,
    Optional<String> callbackId,
    Optional<String> iconEmoji,
    Optional<String> iconUrl,
    Optional<String> imageUrl,
    Optional<String> thumbUrl,
    boolean linkNames,
    List<String> mrkdwnIn,
    List<Action> actions,
    Map<String, TemplateSource> templates,
    Optional<Secret> signingSecret,
    SourceLocation location) {

  public static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

  public SlackConfig {
    Objects.requireNonNull(httpConfig, "httpConfig");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(botToken, "botToken");
    if (apiUrl.isPresent() && botToken.isPresent()) {
      throw new IllegalArgumentException("at most one of api_url and bot_token");
    }
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    if (botToken.isPresent() && channel.isEmpty()) {
      throw new IllegalArgumentException("channel is required with bot_token");
    }
    fields = List.copyOf(fields);
    mrkdwnIn = List.copyOf(mrkdwnIn);
    actions = List.copyOf(actions);
    templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(location, "location");
  }

  /** Whether messages can carry Acknowledge and Silence buttons: only the Web API can update them afterwards. */
  public boolean interactive() {
    return botToken.isPresent();
  }

  /** True when there is nothing to post with: the notifier only logs what it would send. */
  public boolean dryRun() {
    return apiUrl.isEmpty() && botToken.isEmpty();
  }

  /** An attachment field; {@code isShort} empty means "use shortFields". */
  public record Field(String title, String value, Optional<Boolean> isShort) {
    public Field {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(isShort, "isShort");
    }
  }

  /** An attachment button; it has a url or a name. */
  public record Action(
      String type,
      String text,
      Optional<String> url,
      Optional<String> style,
      Optional<String> name,
      Optional<String> value,
      Optional<Confirm> confirm) {
    public Action {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(text, "text");
      if (url.isEmpty() && name.isEmpty()) {
        throw new IllegalArgumentException("an action needs a url or a name");
      }
    }
  }

  /** The confirmation dialog of an action. */
  public record Confirm(String text, Optional<String> title, Optional<String> okText, Optional<String> dismissText) {
    public Confirm {
      Objects.requireNonNull(text, "text");
    }
  }
}
