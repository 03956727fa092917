package dev.tta.alertrouter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the run's one {@link PostgresServer}: started on first use, stopped when the whole
 * test run ends (it is kept in the root context's store, which closes it), so the suite pays for
 * one start, not one per class.
 */
final class PostgresExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(PostgresServer.class, key -> {
      try {
        return PostgresServer.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start PostgreSQL for the tests", e);
      }
    }, PostgresServer.class);
  }
}
