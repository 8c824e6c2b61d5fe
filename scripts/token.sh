# shellcheck shell=bash
# `./studio token <user>`: a bearer token from `run`'s Keycloak for a demo user, or for the CI service account.
# Sourced by ./studio.

cmd_token() {
  local user="${1:-}" url body
  url="$(keycloak_realm_url "$KEYCLOAK_PORT")/protocol/openid-connect/token"
  [ -n "$user" ] || die "usage: ./studio token <demo-user>   (one of: ${DEMO_USERS[*]} ci)"
  if [ "$user" = ci ]; then
    body=$(curl -fsS -d grant_type=client_credentials -d client_id=studio-ci -d client_secret=studio-ci-secret "$url") ||
      die "could not get a token from Keycloak at $url (is ./studio run up?)"
  else
    body=$(curl -fsS -d grant_type=password -d client_id=studio-cli -d scope=openid \
      --data-urlencode "username=$user" -d "password=$DEMO_PASSWORD" "$url") ||
      die "could not get a token for '$user' (demo users: ${DEMO_USERS[*]} ci; is ./studio run up?)"
  fi
  printf '%s\n' "$body" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
