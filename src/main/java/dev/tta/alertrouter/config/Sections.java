package dev.tta.alertrouter.config;

import java.util.List;

/**
 * The top-level sections of every file of one configuration, merged: mapping sections key by key,
 * list sections concatenated in file order.
 *
 * @param route the one {@code route:}, or null when no file has one
 * @param timeIntervals {@code time_intervals} and the deprecated {@code mute_time_intervals} together
 */
record Sections(
    YamlMap global,
    Value route,
    List<Value> receivers,
    List<Value> inhibitRules,
    List<Value> timeIntervals,
    List<Value> templates,
    YamlMap severity,
    YamlMap teams,
    YamlMap runbooks,
    YamlMap server,
    YamlMap tracing,
    List<Value> heartbeats,
    List<Value> maintenance) {}
