#!/usr/bin/env bash
# Back in a second (bench/README.md, "Memory and restart"): SIGKILL with 20,000 stored alerts, then
# process start to the first accepted push, alert-router (README's launcher) beside Alertmanager.
#   bash bench/restart.sh [--restarts 3] [--alerts 20000]
# RESTART_JAVA_OPTS adds JVM options; ALERT_ROUTER_JAR runs another jar through the same launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${ALERT_ROUTER_JAR:-}" ]] && { [[ ! -f target/alert-router.jar ]] || [[ -n "$(find src pom.xml -newer target/alert-router.jar -print -quit)" ]]; }; then
  echo "building target/alert-router.jar" >&2
  mvn -B -q package -DskipTests
fi
rm -rf target/restartbench
javac -d target/restartbench bench/load/src/loadbench/*.java
echo "uptime: $(uptime)"
java -cp target/restartbench loadbench.RestartBench --launcher bin/alert-router "$@"
echo "uptime: $(uptime)"
