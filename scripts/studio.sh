# Studio itself: building the jar and the environment `run` starts it with. Sourced by ./studio.

build_studio() {
  local jar="$ROOT/target/quarkus-app/quarkus-run.jar"
  if [ -f "$jar" ] && [ -z "$(find "$ROOT/src/main" "$ROOT/db" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
    return 0
  fi
  say "Building Studio (./mvnw package)"
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" package -DskipTests >"$STATE/build.log" 2>&1 ||
    { tail -n 40 "$STATE/build.log" >&2; die "build failed, see $STATE/build.log"; }
}

studio_env() {  # db-port keycloak-port
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$1/studio"
  export QUARKUS_DATASOURCE_USERNAME=studio QUARKUS_DATASOURCE_PASSWORD=studio
  export QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$2/realms/studio"
  export QUARKUS_HTTP_PORT="$STUDIO_PORT"
  export STUDIO_DEMO_ENABLED=true
  export STUDIO_SIGNING_KEY_FILE="$STATE/keys/signing-key.pem"
}
