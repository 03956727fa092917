/**
 * Alertmanager 0.25's OpenAPI v2 API ({@code /api/v2/...}) over the services the v1 API uses
 * ({@link dev.tta.alertrouter.query.AlertQueries}, {@link dev.tta.alertrouter.mute.Silences}):
 * only the JSON shape, the parameters and the error answers are its own.
 */
package dev.tta.alertrouter.http.v2;
