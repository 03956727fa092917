#!/usr/bin/env bash
# The side-by-side load benchmark (bench/README.md): the same alert storm, with the same
# configuration, pushed to alert-router and to Alertmanager (Debian's prometheus-alertmanager), one
# after the other on this machine; prints the table. Builds the jar first when it is missing or older
# than the sources. Arguments go to the driver (bench/load/src/loadbench/Options.java), e.g.
#   bash bench/run.sh --repeat 3        the recorded run
#   bash bench/run.sh --smoke           a few seconds, for CI; also compiles the JMH benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f target/alert-router.jar ]] || [[ -n "$(find src pom.xml -newer target/alert-router.jar -print -quit)" ]]; then
  echo "building target/alert-router.jar" >&2
  mvn -B -q package -DskipTests
fi
if ! command -v prometheus-alertmanager >/dev/null 2>&1; then
  echo "prometheus-alertmanager is not on PATH: apt-get install prometheus-alertmanager" >&2
  exit 2
fi

# alert-router runs with the JVM options of README's launcher (and the Docker image), the
# class-data-sharing archive included; a later --jvm-opts overrides them.
jvm_opts=$(bin/alert-router java-options)
echo "alert-router's JVM options: $jvm_opts; uptime: $(uptime)" >&2

rm -rf target/loadbench
javac -d target/loadbench bench/load/src/loadbench/*.java
java -cp target/loadbench loadbench.LoadBench --jvm-opts "$jvm_opts" "$@"

if [[ " $* " == *" --smoke "* ]]; then
  echo "compiling the JMH benchmarks (profile bench) so that they do not rot" >&2
  mvn -B -q -Pbench -DskipTests test-compile
fi
