package dev.tta.alertrouter.heartbeat;

import java.time.Duration;
import java.time.Instant;

/**
 * One heartbeat as {@code GET /api/v1/heartbeats} shows it.
 *
 * @param state {@code alive}, {@code waiting} (nothing seen yet) or {@code missing}
 * @param lastSeen null before the first sign of life
 * @param missingSince null unless missing
 * @param dueBy when it counts as missing unless a sign of life arrives; null while missing
 */
public record HeartbeatStatus(
    String name,
    String receiver,
    Duration expectEvery,
    Duration grace,
    String state,
    Instant lastSeen,
    Instant missingSince,
    Instant dueBy) {}
