package dev.tta.alertrouter.http.v2;

import dev.tta.alertrouter.mute.Silences;
import dev.tta.alertrouter.query.AlertQueries;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Alertmanager 0.25's OpenAPI v2 API, but {@code POST /api/v2/alerts} (intake, served by the HTTP
 * layer). Built by the composition root; the HTTP layer adds its routes.
 */
public final class V2Api {
  public static final String STATUS = "/api/v2/status";
  public static final String RECEIVERS = "/api/v2/receivers";
  public static final String ALERTS = "/api/v2/alerts";
  public static final String GROUPS = "/api/v2/alerts/groups";
  public static final String SILENCES = "/api/v2/silences";
  public static final String SILENCE = "/api/v2/silence/{silenceID}";

  private final V2Alerts alerts;
  private final Silences silences;
  private final Clock clock;
  private final V2Status status;

  public V2Api(AlertQueries queries, Silences silences, Supplier<V2ConfigView> config, Supplier<V2StatusFacts> facts,
      Clock clock) {
    this.alerts = new V2Alerts(Objects.requireNonNull(queries, "queries"));
    this.silences = Objects.requireNonNull(silences, "silences");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new V2Status(Objects.requireNonNull(config, "config"), Objects.requireNonNull(facts, "facts"));
  }

  /**
   * Adds the routes (all but {@code POST /api/v2/alerts}).
   *
   * @param silenceWrites the authorisation check for creating and expiring silences, shared with v1
   * @param identity the request's authenticated identity, if any: it becomes a silence's author
   */
  public void register(JavalinConfig config, UnaryOperator<Handler> silenceWrites,
      Function<Context, Optional<String>> identity) {
    V2Silences silenceRoutes = new V2Silences(silences, clock, identity);
    config.routes.get(STATUS, status::status);
    config.routes.get(RECEIVERS, status::receivers);
    config.routes.get(ALERTS, alerts::list);
    config.routes.get(GROUPS, alerts::groups);
    config.routes.get(SILENCES, silenceRoutes::list);
    config.routes.post(SILENCES, silenceWrites.apply(silenceRoutes::post));
    config.routes.get(SILENCE, silenceRoutes::getOne);
    config.routes.delete(SILENCE, silenceWrites.apply(silenceRoutes::expire));
  }
}
