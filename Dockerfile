# syntax=docker/dockerfile:1
# Build stage: the same `mvn -B package` as README, so the image runs exactly the jar CI tested.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Run stage: a JRE only, a non-root user, rules and runbooks mountable, state in a volume.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 alertrouter \
 && useradd --system --uid 10001 --gid alertrouter --home-dir /var/lib/alert-router --shell /usr/sbin/nologin alertrouter \
 && mkdir -p /etc/alert-router/routing-rules /etc/alert-router/runbooks /var/lib/alert-router \
 && chown -R alertrouter:alertrouter /var/lib/alert-router
COPY --from=build /src/target/alert-router.jar /opt/alert-router/alert-router.jar
COPY routing-rules/ /etc/alert-router/routing-rules/
COPY runbooks/ /etc/alert-router/runbooks/
USER alertrouter
WORKDIR /var/lib/alert-router
VOLUME ["/var/lib/alert-router"]
EXPOSE 9095
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["java", "-jar", "/opt/alert-router/alert-router.jar", "healthcheck", "--url", "http://127.0.0.1:9095/-/healthy"]
# The parallel collector: on the few cores an alert-router gets, G1 (the JVM's pick) spent half as
# much CPU again per alert in an alert storm and paused longer (bench/README.md).
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseParallelGC", "-jar", "/opt/alert-router/alert-router.jar"]
CMD ["serve", "--config", "/etc/alert-router/routing-rules", "--runbooks", "/etc/alert-router/runbooks", "--listen", "0.0.0.0:9095", "--data", "/var/lib/alert-router"]
