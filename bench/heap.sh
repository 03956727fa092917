#!/usr/bin/env bash
# Heap per active alert: the real server in one JVM holds ALERTS alerts (default 100,000) pushed over
# HTTP; prints the heap in use after full collections at several counts. See bench/README.md.
# HEAP_JAVA_OPTS=-Dheap.histogram=true adds the class histogram of what is held.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests test-compile
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -Xmx2g ${HEAP_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" dev.tta.alertrouter.bench.HeapPerAlert "$@"
