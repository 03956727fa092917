#!/usr/bin/env bash
# Compiles the JMH benchmarks of the hot paths (Maven profile `bench`, sources in bench/jmh/java) and
# runs them. Arguments go to JMH (a benchmark regex, -prof gc, ...); without any, every benchmark runs
# with the settings recorded in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -DskipTests test-compile
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if (($# == 0)); then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s
fi
exec java -cp "$classpath" org.openjdk.jmh.Main "$@"
