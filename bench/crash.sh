#!/usr/bin/env bash
# The crash test (bench/README.md, "Crashes"): the real server on SQLite, two SIGKILLs under a stream
# of 50-alert batches (receiver down, then delivering), restarted each time; prints alerts lost and
# notified twice per run. Builds the jar first when it is missing or older than the sources.
#   bash bench/crash.sh --runs 3
# CRASH_JAVA_OPTS adds JVM options; ALERT_ROUTER_JAR runs another jar through the same launcher.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${ALERT_ROUTER_JAR:-}" ]] && { [[ ! -f target/alert-router.jar ]] || [[ -n "$(find src pom.xml -newer target/alert-router.jar -print -quit)" ]]; }; then
  echo "building target/alert-router.jar" >&2
  mvn -B -q package -DskipTests
fi
rm -rf target/crashbench
javac -d target/crashbench bench/load/src/loadbench/*.java
echo "uptime: $(uptime)"
java -cp target/crashbench loadbench.CrashBench --launcher bin/alert-router "$@"
echo "uptime: $(uptime)"
