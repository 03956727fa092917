package dev.tta.alertrouter.notify.template;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.DiscordConfig;
import dev.tta.alertrouter.config.EmailConfig;
import dev.tta.alertrouter.config.MSTeamsConfig;
import dev.tta.alertrouter.config.OpsgenieConfig;
import dev.tta.alertrouter.config.ReceiverConfig;
import dev.tta.alertrouter.config.SlackConfig;
import dev.tta.alertrouter.config.TelegramConfig;
import dev.tta.alertrouter.config.TemplateSource;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Alert-router's message templates (<a href="https://pebbletemplates.io">Pebble</a>): the shipped
 * defaults, and the per-integration overrides of a configuration ({@code slack_configs[].templates},
 * {@code email_configs[].templates}), compiled when the configuration loads so that a broken one
 * is a config error, not a surprise at 3 a.m.
 *
 * <p>Values printed with {@code {{ … }}} are escaped for where the output goes (Slack mrkdwn, HTML,
 * nothing for plain text); the template's own text is trusted, so a template can write Slack links
 * {@code <{{ runbookUrl }}|Runbook>} and HTML markup. Text is kept as written, newlines included
 * ({@code {%- … %}} and {@code {{- … -}}} trim whitespace where a template wants it); a value a
 * template does not have prints as nothing, as in Alertmanager's templates.
 */
public final class Templates {
  /** Bounds what a template can produce (a loop gone wrong), far above any real message. */
  private static final int MAX_RENDERED_CHARS = 200_000;

  // Built and compiled at first use, not at start: Pebble's engines and the shipped defaults take a
  // fifth of a second of a restart's CPU (bench/README.md, "Memory and restart"), and most
  // configurations use a few kinds. compileDefaults() compiles them all (tests, warm-up after start).
  private final Map<Escaping, PebbleEngine> engines = new EnumMap<>(Escaping.class);
  private final Map<MessageKind, Map<String, PebbleTemplate>> defaults = new EnumMap<>(MessageKind.class);
  private final TemplateFallbackListener listener;

  public Templates(TemplateFallbackListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Compiles every shipped default not compiled yet; a default that does not compile is a bug and
   * fails here (a test calls this).
   */
  public void compileDefaults() {
    for (MessageKind kind : MessageKind.values()) {
      defaultsOf(kind);
    }
  }

  /** The shipped defaults alone, for an integration with no overrides. */
  public MessageTemplates defaults(MessageKind kind, String receiver, String integration) {
    return new MessageTemplates(kind, receiver, integration, () -> defaultsOf(kind), Map.of(), listener);
  }

  /** The shipped defaults of {@code kind}, compiled at the first call. */
  private synchronized Map<String, PebbleTemplate> defaultsOf(MessageKind kind) {
    Map<String, PebbleTemplate> compiled = defaults.get(kind);
    if (compiled == null) {
      Map<String, PebbleTemplate> fresh = new HashMap<>();
      for (String name : kind.templateNames()) {
        fresh.put(name, engine(kind.escaping(name)).getTemplate(readDefault(kind.resource(name))));
      }
      compiled = Map.copyOf(fresh);
      defaults.put(kind, compiled);
    }
    return compiled;
  }

  private synchronized PebbleEngine engine(Escaping escaping) {
    return engines.computeIfAbsent(escaping, Templates::newEngine);
  }

  /**
   * Compiles one integration's overrides.
   *
   * @param integration as {@code Integration.name()} prints it, e.g. {@code slack[0]}
   */
  public TemplateCompilation compile(MessageKind kind, String receiver, String integration,
      Map<String, TemplateSource> overrides) {
    Map<String, PebbleTemplate> compiled = new HashMap<>();
    List<ConfigError> errors = new ArrayList<>();
    for (Map.Entry<String, TemplateSource> o : overrides.entrySet()) {
      TemplateSource source = o.getValue();
      if (!kind.templateNames().contains(o.getKey())) {
        errors.add(new ConfigError(source.location(), source.key(), "receiver " + receiver + ": unknown "
            + kind.name().toLowerCase(Locale.ROOT) + " template \"" + o.getKey() + "\" (known: "
            + String.join(", ", new TreeSet<>(kind.templateNames())) + ")"));
        continue;
      }
      try {
        compiled.put(o.getKey(), engine(kind.escaping(o.getKey())).getTemplate(source.text()));
      } catch (RuntimeException e) {
        errors.add(new ConfigError(source.location(), source.key(),
            "receiver " + receiver + ": template does not compile: " + describe(e)));
      }
    }
    return new TemplateCompilation(
        new MessageTemplates(kind, receiver, integration, () -> defaultsOf(kind), compiled, listener), errors);
  }

  /** The templates of the {@code index}th {@code slack_configs} entry of {@code receiver}. */
  public TemplateCompilation slack(String receiver, int index, SlackConfig config) {
    return compile(MessageKind.SLACK, receiver, "slack[" + index + "]", config.templates());
  }

  /** The templates of the {@code index}th {@code email_configs} entry of {@code receiver}. */
  public TemplateCompilation email(String receiver, int index, EmailConfig config) {
    return compile(MessageKind.EMAIL, receiver, "email[" + index + "]", config.templates());
  }

  /** The templates of the {@code index}th entry of type {@code type} (e.g. {@code msteamsv2}) of {@code receiver}. */
  public TemplateCompilation of(MessageKind kind, String receiver, String type, int index,
      Map<String, TemplateSource> overrides) {
    return compile(kind, receiver, type + "[" + index + "]", overrides);
  }

  /** Every template problem of every receiver, for loading and {@code check-config}. */
  public List<ConfigError> check(List<ReceiverConfig> receivers) {
    List<ConfigError> errors = new ArrayList<>();
    for (ReceiverConfig r : receivers) {
      for (int i = 0; i < r.slackConfigs().size(); i++) {
        errors.addAll(slack(r.name(), i, r.slackConfigs().get(i)).errors());
      }
      for (int i = 0; i < r.emailConfigs().size(); i++) {
        errors.addAll(email(r.name(), i, r.emailConfigs().get(i)).errors());
      }
      for (List<MSTeamsConfig> teams : List.of(r.msteamsV1Configs(), r.msteamsV2Configs())) {
        for (int i = 0; i < teams.size(); i++) {
          MSTeamsConfig c = teams.get(i);
          errors.addAll(of(MessageKind.MSTEAMS, r.name(), c.type(), i, c.templates()).errors());
        }
      }
      for (int i = 0; i < r.opsgenieConfigs().size(); i++) {
        errors.addAll(of(MessageKind.OPSGENIE, r.name(), OpsgenieConfig.TYPE, i, r.opsgenieConfigs().get(i).templates())
            .errors());
      }
      for (int i = 0; i < r.discordConfigs().size(); i++) {
        errors.addAll(of(MessageKind.DISCORD, r.name(), DiscordConfig.TYPE, i, r.discordConfigs().get(i).templates())
            .errors());
      }
      for (int i = 0; i < r.telegramConfigs().size(); i++) {
        errors.addAll(of(MessageKind.TELEGRAM, r.name(), TelegramConfig.TYPE, i, r.telegramConfigs().get(i).templates())
            .errors());
      }
    }
    return errors;
  }

  /** Pebble's message with the template's line, but not the template itself (Pebble appends its source). */
  static String describe(RuntimeException e) {
    if (e instanceof PebbleException p) {
      String message = p.getPebbleMessage();
      Integer line = p.getLineNumber();
      return (message == null ? p.getClass().getSimpleName() : message)
          + (line == null || line < 1 ? "" : " (line " + line + " of the template)");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static PebbleEngine newEngine(Escaping escaping) {
    PebbleEngine.Builder b = new PebbleEngine.Builder()
        .loader(new StringLoader())
        .cacheActive(false)
        .strictVariables(false)
        .newLineTrimming(false)
        .defaultLocale(Locale.ROOT)
        .maxRenderedSize(MAX_RENDERED_CHARS);
    return switch (escaping) {
      case SLACK_MRKDWN -> b.autoEscaping(true).addEscapingStrategy("slack", MrkdwnEscaper::escape)
          .defaultEscapingStrategy("slack").build();
      case HTML -> b.autoEscaping(true).defaultEscapingStrategy("html").build();
      case TEAMS_MARKDOWN -> b.autoEscaping(true).addEscapingStrategy("teams", MarkdownEscaper::escape)
          .defaultEscapingStrategy("teams").build();
      case DISCORD_MARKDOWN -> b.autoEscaping(true).addEscapingStrategy("discord", MarkdownEscaper::discord)
          .defaultEscapingStrategy("discord").build();
      case TELEGRAM_HTML -> b.autoEscaping(true).addEscapingStrategy("telegram", HtmlEscaper::escape)
          .defaultEscapingStrategy("telegram").build();
      case PLAIN, HEADER -> b.autoEscaping(false).build();
    };
  }

  private static String readDefault(String resource) {
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("default template missing from the jar: " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The file's final newline is an editor's, not part of the message.
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
