#!/usr/bin/env bash
# The spec's mvp-ready story as a CI pipeline tells it, with nothing but curl and a `ci` token:
# import milestones.yaml, plan two sprints, push their trace matrices and QA reports, close both sprints,
# then read the milestone back (reached, 91.3% weighted coverage) and verify the audit chain.
#
#   TOKEN=$(./studio token ci) AUDIT_TOKEN=$(./studio token auditor) docs/examples/mvp-ready/ci-story.sh
#
# STUDIO_URL defaults to http://localhost:8080. The demo data of `./studio run` already holds a milestone
# called mvp-ready; set SUFFIX (e.g. SUFFIX=-try1) to tell the story under fresh ids.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=${STUDIO_URL:-http://localhost:8080}
token=${TOKEN:?set TOKEN to a ci bearer token, e.g. TOKEN=\$(./studio token ci)}
audit_token=${AUDIT_TOKEN:-$token}
suffix=${SUFFIX:-}

# The example's ids, renamed when SUFFIX is set.
body() { sed -e "s/mvp-ready/mvp-ready$suffix/g" -e "s/sprint-2025-06-\([a-z]*\)/sprint-2025-06-\1$suffix/g" "$here/$1"; }

send() {  # path content-type file
  echo "POST $1 ($3)"
  body "$3" | curl -sS --fail-with-body -H "Authorization: Bearer $token" -H "Content-Type: $2" \
    --data-binary @- "$url$1" -o /dev/null -w '  -> %{http_code}\n'
}

send /api/definitions application/yaml milestones.yaml
send /api/events application/json sprint-core-planned.json
send /api/events application/json sprint-comm-planned.json
for sprint in core comm; do
  send "/api/sprints/sprint-2025-06-$sprint$suffix/trace-matrix" application/json "sprint-$sprint-trace-matrix.json"
  send "/api/sprints/sprint-2025-06-$sprint$suffix/qa-report" text/markdown "sprint-$sprint-qa-report.md"
done
send /api/events application/json sprint-core-closed.json
send /api/events application/json sprint-comm-closed.json

echo "GET /api/milestones/mvp-ready$suffix"
curl -sS --fail-with-body -H "Authorization: Bearer $token" "$url/api/milestones/mvp-ready$suffix"
echo
echo "GET /api/audit/verify"
curl -sS --fail-with-body -H "Authorization: Bearer $audit_token" "$url/api/audit/verify"
echo
