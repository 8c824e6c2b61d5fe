# shellcheck shell=bash
# `./studio verify-audit EXPORT.jsonl --key KEY.pub [--checkpoint FILE]...`: checks a JSON Lines audit export without
# Studio or its database (studio.audit.AuditExportVerifier, run from the packaged jar's classes, built when missing
# or older than the sources). Exit 0 verified, 1 broken (first bad row and why), 2 usage. Sourced by ./studio.

cmd_verify_audit() {
  need_java
  build_studio >&2
  local app="$ROOT/target/quarkus-app"
  java -cp "$app/app/*:$app/lib/main/*" studio.audit.AuditExportVerifier "$@"
}
