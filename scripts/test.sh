# shellcheck shell=bash
# `./studio test`: the whole suite as CI runs it. Throwaway PostgreSQL, Keycloak and mail catcher on free ports,
# ./mvnw verify, the launcher's own tests (scripts/tests), the bench smoke; everything torn down, also when tests
# fail. Sourced by ./studio.

cmd_test() {
  need_java; need_postgres; need_chromium; need_promtool; need_spectral
  local have_maildev=yes; need_maildev || have_maildev=no
  ensure_keycloak
  local tmp pgport kcport smtpport mailwebport rc=0
  tmp=$(mktemp -d /tmp/studio-test.XXXXXX)
  chmod 755 "$tmp"
  TEST_TMP="$tmp"
  trap 'test_teardown' EXIT INT TERM
  launcher_tests supervise || rc=1
  pgport=$(free_port $((26432 + RANDOM % 400)))
  mkdir -p "$tmp/pg"
  PG_FSYNC=off pg_start "$tmp/pg" "$pgport"
  pg_create_db "$pgport" studio_test
  say "Throwaway PostgreSQL on :$pgport"

  # A private copy of Keycloak (its own dev database), so tests never touch the demo realm of `run`.
  kcport=$(free_port $((18180 + RANDOM % 400)))
  say "Starting a throwaway Keycloak on :$kcport"
  mkdir -p "$tmp/kc"
  (cd "$KC_HOME" && tar --exclude=./data -cf - .) | (cd "$tmp/kc" && tar -xf -)
  keycloak_start "$tmp/kc" "$kcport" "$tmp/keycloak.log" "$tmp/keycloak.pid"

  # A real SMTP server for the email tests (never a mock): they send through STUDIO_TEST_SMTP_PORT and read what
  # arrived from STUDIO_TEST_MAIL_API (maildev's REST API, GET /email).
  if [ "$have_maildev" = yes ]; then
    smtpport=$(free_port $((21025 + RANDOM % 400)))
    mailwebport=$(free_port $((21480 + RANDOM % 400)))
    maildev_start "$smtpport" "$mailwebport" "$tmp/mail" "$tmp/maildev.log" "$tmp/maildev.pid"
    STUDIO_TEST_SMTP_PORT="$smtpport" STUDIO_TEST_MAIL_API=$(mail_api_url "$mailwebport")
    export STUDIO_TEST_SMTP_PORT STUDIO_TEST_MAIL_API   # for ./mvnw verify below
  fi

  local testport; testport=$(free_port $((18600 + RANDOM % 400)))
  say "Running ./mvnw verify"
  STUDIO_TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:$pgport/studio_test" \
  STUDIO_TEST_PG_PORT="$pgport" STUDIO_TEST_PG_BIN="$PG_BIN" \
  STUDIO_TEST_OIDC_URL="$(keycloak_realm_url "$kcport")" \
  STUDIO_TEST_PORT="$testport" \
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    "$ROOT/mvnw" -B -f "$ROOT/pom.xml" verify "$@" || rc=$?
  report_counts
  # `./studio run` healing a partial stack, for real: on the jar verify just built, with a copy of the Keycloak
  # above (already built once, so it starts in seconds).
  if [ "${STUDIO_TEST_HEAL:-on}" = off ]; then :
  elif [ ! -f "$ROOT/target/quarkus-app/quarkus-run.jar" ]; then warn "heal test skipped: verify packaged no jar"; rc=1
  else HEAL_TEST_KEYCLOAK="$tmp/kc" launcher_tests heal || rc=1
  fi
  # The benchmark at 1% scale on the packaged jar verify just built, with this Keycloak: the report must name every
  # target and the run's own correctness checks (replay, approvals race, chain) must pass. Speed is not judged here.
  if [ "${STUDIO_TEST_BENCH:-on}" != off ]; then
    say "Bench smoke (bench/run --scale 0.01 --smoke)"
    "$ROOT/bench/run" --scale 0.01 --smoke --keycloak "$(keycloak_realm_url "$kcport")" || { warn "bench smoke failed"; rc=1; }
    say "Growth plot check (bench/growth-test)"
    "$ROOT/bench/growth-test" || { warn "growth plot check failed"; rc=1; }
  fi
  return "$rc"
}

launcher_tests() {  # name: runs scripts/tests/<name>-test.sh, which prints "ok - ..." or "not ok - ..." per check
  local log="$TEST_TMP/$1-test.log" rc=0
  say "Launcher tests: scripts/tests/$1-test.sh"
  bash "$ROOT/scripts/tests/$1-test.sh" >"$log" 2>&1 || rc=1
  grep -E '^(not )?ok ' "$log" || true
  say "Launcher tests ($1): $(grep -c '^ok ' "$log") passed, $(grep -c '^not ok ' "$log") failed"
  [ "$rc" = 0 ] || { warn "launcher tests ($1) failed; their output:"; cat "$log" >&2; }
  return "$rc"
}

report_counts() {
  local tests=0 failures=0 errors=0 skipped=0 f
  for f in "$ROOT"/target/surefire-reports/TEST-*.xml "$ROOT"/target/failsafe-reports/TEST-*.xml; do
    [ -f "$f" ] || continue
    local line; line=$(grep -m1 -o '<testsuite [^>]*>' "$f")
    tests=$((tests + $(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$line")))
    failures=$((failures + $(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$line")))
    errors=$((errors + $(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$line")))
    skipped=$((skipped + $(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$line")))
  done
  say "Tests: $tests run, $failures failed, $errors errors, $skipped skipped"
}

test_teardown() {
  local rc=$?
  [ -n "${TEST_TMP:-}" ] || exit "$rc"
  stop_pidfile "$TEST_TMP/keycloak.pid" "test Keycloak" >/dev/null
  stop_pidfile "$TEST_TMP/maildev.pid" "test mail catcher" >/dev/null
  pg_stop "$TEST_TMP/pg"
  rm -rf "$TEST_TMP"
  TEST_TMP=""
  exit "$rc"
}
