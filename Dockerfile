# syntax=docker/dockerfile:1
# Build stage: the same `mvn -B package` as README, so the image runs exactly the jar CI tested.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
# The class-data-sharing archive is built in the run stage instead, by the JVM that will use it.
RUN mvn -B -q package -DskipTests -Dcds.skip=true

# Run stage: a JRE only, a non-root user, rules and runbooks mountable, state in a volume.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 alertrouter \
 && useradd --system --uid 10001 --gid alertrouter --home-dir /var/lib/alert-router --shell /usr/sbin/nologin alertrouter \
 && mkdir -p /etc/alert-router/routing-rules /etc/alert-router/runbooks /var/lib/alert-router \
 && chown -R alertrouter:alertrouter /var/lib/alert-router
COPY --from=build /src/target/alert-router.jar /opt/alert-router/alert-router.jar
COPY bin/alert-router /opt/alert-router/bin/alert-router
COPY routing-rules/ /etc/alert-router/routing-rules/
COPY runbooks/ /etc/alert-router/runbooks/
# The class-data-sharing archive, by this image's JVM (an archive from another build is ignored).
RUN /opt/alert-router/bin/alert-router cds-archive /etc/alert-router/routing-rules
USER alertrouter
WORKDIR /var/lib/alert-router
VOLUME ["/var/lib/alert-router"]
EXPOSE 9095
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["java", "-jar", "/opt/alert-router/alert-router.jar", "healthcheck", "--url", "http://127.0.0.1:9095/-/healthy"]
# The launcher README's run command uses: the parallel collector with a bounded heap, and the archive
# (bench/README.md, "Memory and restart").
ENTRYPOINT ["/opt/alert-router/bin/alert-router"]
CMD ["serve", "--config", "/etc/alert-router/routing-rules", "--runbooks", "/etc/alert-router/runbooks", "--listen", "0.0.0.0:9095", "--data", "/var/lib/alert-router"]
