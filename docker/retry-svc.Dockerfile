# retry-svc (retry-war) on Open Liberty, built the Liberty way: server config, features.sh, the WAR,
# configure.sh. The build context is the repository root, after `mvn -B package` made the WAR:
#   docker build -f docker/retry-svc.Dockerfile -t retry-svc .
# Open Liberty 26.0.0.3 as in the parent pom (openliberty.version), Java 21 (OpenJ9), UBI minimal;
# kernel-slim: features.sh installs only the features the server config names.
FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java21-openj9-ubi-minimal

# Server config first, so that a code change rebuilds only the layers after the features.
# The shared fragments go where docker/bootstrap.properties points liberty.shared.config.
COPY --chown=1001:0 liberty-config/service-base.xml /config/liberty-config/
COPY --chown=1001:0 docker/bootstrap.properties docker/jvm.options /config/
COPY --chown=1001:0 retry-war/src/main/liberty/config/server.xml /config/
RUN features.sh

# server.xml deploys apps/retry-war.war
COPY --chown=1001:0 retry-war/target/retry-war.war /config/apps/
COPY --chmod=0755 docker/healthcheck /usr/local/bin/healthcheck
RUN configure.sh

# The base image runs as the non-root user 1001 (group 0); said again so no later edit loses it.
USER 1001
EXPOSE 9002
# liveness: an orchestrator replaces an unhealthy container, and one that waits for Redis or Kafka must stay
HEALTHCHECK --interval=10s --timeout=6s --start-period=120s --retries=3 \
  CMD ["healthcheck", "9002", "/health/live"]
