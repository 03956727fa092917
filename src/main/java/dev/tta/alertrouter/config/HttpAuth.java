package dev.tta.alertrouter.config;

import java.util.Objects;

/** How a caller must authenticate to an endpoint group: what Alertmanager's {@code http_config} sends. */
public sealed interface HttpAuth {
  /** {@code Authorization: Bearer <token>}. */
  record Bearer(Secret token) implements HttpAuth {
    public Bearer {
      Objects.requireNonNull(token, "token");
    }
  }

  /** {@code Authorization: Basic base64(username:password)}. */
  record Basic(String username, Secret password) implements HttpAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }
  }
}
