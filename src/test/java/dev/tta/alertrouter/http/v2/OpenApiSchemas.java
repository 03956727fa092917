package dev.tta.alertrouter.http.v2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alertmanager 0.25's OpenAPI v2 definitions ({@code alertmanager-v2-openapi.json}, test resources)
 * as JSON schemas: a definition {@code X} is checked with a schema {@code {"$ref":"#/definitions/X"}}
 * resolved against the whole spec document (Swagger 2.0 schemas are JSON Schema draft 4).
 */
final class OpenApiSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SPEC = load();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private OpenApiSchemas() {}

  private static JsonNode load() {
    try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/alertmanager-v2-openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("alertmanager-v2-openapi.json is not on the test classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode spec() {
    return SPEC;
  }

  /** Fails naming every violation when {@code body} does not fit {@code #/definitions/<definition>}. */
  static void assertFits(String definition, JsonNode body) {
    assertTrue(SPEC.path("definitions").has(definition), "no definition " + definition + " in the spec");
    Schema schema = SCHEMAS.computeIfAbsent(definition, d -> {
      ObjectNode doc = SPEC.deepCopy();
      doc.put("$ref", "#/definitions/" + d);
      return REGISTRY.getSchema(doc);
    });
    List<Error> errors = schema.validate(body);
    assertTrue(errors.isEmpty(), definition + " violated: " + errors + "\nin " + body);
  }

  /** Fails unless {@code body} fits the inline schema the spec gives, e.g. {@code {"type":"string"}}. */
  static void assertFitsInline(JsonNode inlineSchema, JsonNode body) {
    ObjectNode doc = SPEC.deepCopy();
    doc.remove("paths");
    doc.setAll((ObjectNode) inlineSchema.deepCopy());
    List<Error> errors = REGISTRY.getSchema(doc).validate(body);
    assertTrue(errors.isEmpty(), inlineSchema + " violated: " + errors + "\nin " + body);
  }

  /**
   * Checks an answer of alert-router's {@code /api/v2} against what the spec declares for that
   * operation and status: the declared schema, or an empty body where none is declared. Statuses the
   * spec does not declare (401 from admin auth, 413, 415, and the 422 Alertmanager's OpenAPI layer
   * writes) are not the spec's business and are left alone.
   */
  static void assertAnswerFits(String method, String pathAndQuery, int status, String body) {
    if (!pathAndQuery.startsWith("/api/v2/")) {
      return;
    }
    String path = pathAndQuery.substring("/api/v2".length()).split("\\?", 2)[0];
    JsonNode operation = null;
    for (var it = SPEC.path("paths").fields(); it.hasNext(); ) {
      var entry = it.next();
      String regex = entry.getKey().replaceAll("\\{[^}]+}", "[^/]+");
      if (path.matches(regex)) {
        operation = entry.getValue().path(method.toLowerCase(java.util.Locale.ROOT));
      }
    }
    assertTrue(operation != null && !operation.isMissingNode(), method + " " + path + " is not in the spec");
    JsonNode response = operation.path("responses").path(Integer.toString(status));
    if (response.isMissingNode()) {
      return;
    }
    if (response.has("$ref")) {
      response = SPEC.at(response.get("$ref").asText().substring(1));
    }
    JsonNode schema = response.path("schema");
    if (status == 400 && body.startsWith("{\"code\":400,")) {
      // Alertmanager's OpenAPI layer (go-openapi) answers a body it cannot parse with this object,
      // though the spec declares a string: alert-router answers as Alertmanager does.
      return;
    }
    if (schema.isMissingNode()) {
      assertTrue(body.isEmpty() || status == 200 && "post".equalsIgnoreCase(method) && path.equals("/alerts"),
          method + " " + path + " " + status + " declares no body, got " + body);
      return;
    }
    try {
      assertFitsInline(schema, JSON.readTree(body));
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " " + status + " is not JSON: " + body, e);
    }
  }

  /** The schema of response {@code status} of {@code method path} in the spec (e.g. "/silences", "post", "200"). */
  static JsonNode responseSchema(String path, String method, String status) {
    return SPEC.path("paths").path(path).path(method).path("responses").path(status).path("schema");
  }
}
