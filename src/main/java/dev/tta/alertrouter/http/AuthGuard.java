package dev.tta.alertrouter.http;

import dev.tta.alertrouter.config.HttpAuth;
import dev.tta.alertrouter.config.ServerSettings;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts a route behind the credentials the current settings require (read per request, so a reload
 * changes them). A refused request gets a plain 401 that does not say which part was wrong.
 */
final class AuthGuard {
  private final Supplier<ServerSettings> settings;

  AuthGuard(Supplier<ServerSettings> settings) {
    this.settings = settings;
  }

  Handler intake(Handler handler) {
    return guard(ServerSettings::intakeAuth, handler);
  }

  Handler admin(Handler handler) {
    return guard(ServerSettings::adminAuth, handler);
  }

  private Handler guard(Function<ServerSettings, Optional<HttpAuth>> which, Handler handler) {
    return ctx -> {
      Optional<HttpAuth> required = which.apply(settings.get());
      if (required.isPresent() && !Authenticator.permits(required.get(), ctx.header("Authorization"))) {
        ctx.header("WWW-Authenticate", Authenticator.challenge(required.get()));
        Json.error(ctx, 401, "unauthorized");
        return;
      }
      handler.handle(ctx);
    };
  }
}
