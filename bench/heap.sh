#!/usr/bin/env bash
# Heap per active alert: the real server in one JVM holds ALERTS alerts (default 100,000) pushed over
# HTTP; prints the heap in use after full collections at several counts. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests test-compile
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" dev.tta.alertrouter.bench.HeapPerAlert "$@"
