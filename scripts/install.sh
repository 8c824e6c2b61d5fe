# shellcheck shell=bash
# Installing what Studio needs: a JDK and curl (checked), PostgreSQL, Chromium and promtool (apt-get, when root on
# Debian/Ubuntu), Spectral and maildev (npm, once, into $STATE/tools), Keycloak (from Maven Central, once, into
# $STATE). Sourced by ./studio.

need_java() {
  command -v java >/dev/null 2>&1 || die "Studio needs a Java 17+ JDK. On Debian/Ubuntu: apt-get install -y openjdk-17-jdk-headless"
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Studio needs Java 17 or newer; 'java' is $v. Set JAVA_HOME/PATH to a JDK 17+."
  command -v curl >/dev/null 2>&1 || apt_install curl || die "Studio needs curl."
}

apt_install() {  # install Debian packages when we can; returns 1 when we cannot
  command -v apt-get >/dev/null 2>&1 && is_root || return 1
  say "Installing $* with apt-get"
  if [ ! -f "$STATE/.apt-updated" ] || [ -n "$(find "$STATE/.apt-updated" -mmin +720 2>/dev/null)" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    mkdir -p "$STATE" && touch "$STATE/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

need_postgres() {
  PG_BIN="$(pg_bindir || true)"
  if [ -z "$PG_BIN" ]; then
    # Debian's postinst would create and start a system cluster on 5432; Studio runs its own.
    if is_root && command -v apt-get >/dev/null 2>&1; then
      mkdir -p /etc/postgresql-common
      grep -q '^create_main_cluster' /etc/postgresql-common/createcluster.conf 2>/dev/null ||
        echo 'create_main_cluster = false' >> /etc/postgresql-common/createcluster.conf
    fi
    apt_install postgresql postgresql-client ||
      die "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin) and apt-get is not usable here. Install PostgreSQL 13+ or use Docker (STUDIO_MODE=docker)."
    PG_BIN="$(pg_bindir)" || die "PostgreSQL installed but initdb not found"
  fi
}

need_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  apt_install chromium || warn "Chromium is missing and could not be installed: browser tests will fail"
}

need_promtool() {  # the alert rules' tests (AlertRulesTest) run promtool; they fail without it, never skip
  command -v promtool >/dev/null 2>&1 && return 0
  # Debian's prometheus package brings promtool; Studio uses only promtool (where systemd runs, the package also
  # enables its own Prometheus server on :9090).
  apt_install prometheus || warn "promtool is missing and could not be installed: the alert rule tests will fail"
}

need_spectral() {  # the OpenAPI contract test (ApiContractTest) lints /q/openapi with Spectral; it fails without it, never skips
  local bin="$STATE/tools/spectral/node_modules/.bin/spectral"
  if [ ! -x "$bin" ]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm || warn "npm is missing and could not be installed"
    say "Installing Spectral (OpenAPI lint) from npm, once"
    mkdir -p "$STATE/tools/spectral"
    npm install --prefix "$STATE/tools/spectral" --no-audit --no-fund --silent @stoplight/spectral-cli@6 >/dev/null 2>&1 ||
      warn "Spectral could not be installed: the OpenAPI contract test will fail"
  fi
  export STUDIO_TEST_SPECTRAL="$bin"
}

need_maildev() {  # the mail catcher `run` starts and the email tests send to; returns 1 (after a warning) when missing
  local bin; bin=$(maildev_bin)
  if [ ! -x "$bin" ]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm || warn "npm is missing and could not be installed"
    say "Installing maildev (mail catcher) from npm, once"
    mkdir -p "$STATE/tools/maildev"
    npm install --prefix "$STATE/tools/maildev" --no-audit --no-fund --silent maildev@2 >/dev/null 2>&1 ||
      warn "the mail catcher (maildev@2 from npm) could not be installed into $STATE/tools/maildev: Studio runs without one (its emails are not delivered anywhere) and the email tests fail"
  fi
  [ -x "$bin" ]
}

ensure_keycloak() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  say "Fetching Keycloak $KC_VERSION from Maven Central (once, about 180 MB)"
  mkdir -p "$STATE"
  "$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$STATE" \
    -Dmdep.overWriteReleases=true >/dev/null || die "could not fetch Keycloak from Maven Central"
  chmod +x "$KC_HOME"/bin/*.sh
}
