package dev.tta.alertrouter;

import dev.tta.alertrouter.config.ConfigError;
import dev.tta.alertrouter.config.ConfigLoader;
import dev.tta.alertrouter.config.LoadResult;
import dev.tta.alertrouter.config.RouterConfig;
import dev.tta.alertrouter.config.ServerSettings;
import dev.tta.alertrouter.config.WebConfig;
import dev.tta.alertrouter.config.WebConfigLoader;
import dev.tta.alertrouter.config.SourceLocation;
import dev.tta.alertrouter.notify.template.Templates;
import dev.tta.alertrouter.runbook.RunbookLoadResult;
import dev.tta.alertrouter.runbook.RunbookLoader;
import dev.tta.alertrouter.runbook.RunbookResolver;
import dev.tta.alertrouter.runbook.Runbooks;
import dev.tta.alertrouter.runbook.UrlTemplate;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing rules, their notification templates and the runbooks, loaded and validated together: they are reloaded together,
 * and a bad runbook keeps the old configuration as a bad rule does.
 */
record LoadedConfig(RouterConfig config, RunbookResolver runbooks, WebConfig web, List<String> warnings) {
  LoadedConfig {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(runbooks, "runbooks");
    warnings = List.copyOf(warnings);
  }

  /** Loads both; throws naming every error of either. */
  static LoadedConfig load(ConfigLoader loader, Templates templates, AppOptions options) throws ConfigException {
    LoadResult result = loader.load(options.config());
    List<ConfigError> errors = new ArrayList<>(result.errors());
    if (result.ok()) {
      // A notification template that does not compile is a load error, not a 3 a.m. surprise.
      errors.addAll(templates.check(result.config().receivers()));
    }
    Optional<UrlTemplate> template = Optional.empty();
    if (result.ok()) {
      try {
        template = result.config().runbooks().urlTemplate().map(UrlTemplate::parse);
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError(new SourceLocation(options.config().toString(), 0), "runbooks.url_template", e.getMessage()));
      }
    }
    Runbooks runbooks = Runbooks.empty();
    if (options.runbooks().isPresent()) {
      Path dir = options.runbooks().get();
      if (!Files.isDirectory(dir)) {
        errors.add(new ConfigError(new SourceLocation(dir.toString(), 0), "--runbooks", "no such folder"));
      } else {
        RunbookLoadResult loaded = RunbookLoader.load(dir);
        errors.addAll(loaded.errors());
        runbooks = loaded.runbooks().orElse(Runbooks.empty());
      }
    }
    WebConfig web = WebConfig.none();
    if (options.webConfig().isPresent()) {
      WebConfigLoader.Result loadedWeb = WebConfigLoader.load(options.webConfig().get());
      errors.addAll(loadedWeb.errors());
      web = loadedWeb.config().orElse(WebConfig.none());
      if (result.ok() && !web.users().isEmpty()) {
        ServerSettings server = result.config().server();
        if (server.intakeAuth().isPresent() || server.adminAuth().isPresent()) {
          errors.add(new ConfigError(new SourceLocation(options.webConfig().get().toString(), 0), "basic_auth_users",
              "cannot be combined with server.intake_auth or server.admin_auth: move those credentials to"
                  + " server.auth.tokens (role intake or admin)"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ConfigException.of(errors);
    }
    URI base = options.externalUrl();
    return new LoadedConfig(result.config(), new RunbookResolver(runbooks, template, base), web, result.warnings());
  }
}
