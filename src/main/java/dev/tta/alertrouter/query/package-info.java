/**
 * What the HTTP APIs show about alerts and groups: listing and filtering held alerts, each with its
 * receivers and whether it is silenced or inhibited now. The v1 and v2 APIs share these; only their
 * JSON differs.
 */
package dev.tta.alertrouter.query;
