#!/usr/bin/env bash
# Compiles the JMH benchmarks of the hot paths (Maven profile `bench`, sources in bench/jmh/java) and
# runs them with the settings recorded in bench/README.md. Arguments go to JMH after those, so they
# may add to or override them: a benchmark regex, -prof gc, -rf text -rff FILE, -i 10, ...
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests test-compile
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
exec java -cp "$classpath" org.openjdk.jmh.Main -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
