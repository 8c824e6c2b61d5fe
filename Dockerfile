# Studio as a JVM container. Built by docker-compose.yml; the build stage uses the project's Maven wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DskipTests || true
COPY src src
COPY db db
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --uid 1001 studio && mkdir -p /app/keys && chown studio /app/keys
COPY --from=build --chown=studio /src/target/quarkus-app/ /app/
USER studio
EXPOSE 8080
ENV STUDIO_SIGNING_KEY_FILE=/app/keys/signing-key.pem
ENTRYPOINT ["java", "-jar", "/app/quarkus-run.jar"]
