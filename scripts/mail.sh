# shellcheck shell=bash
# The mail catcher (maildev, from npm): an SMTP server that keeps every email Studio sends and shows it in a web
# inbox, with a REST API (GET /email) tests read: `run`'s (mail in $STATE/mail, pid in $STATE/maildev.pid) and the
# throwaway one `test` starts. Sourced by ./studio.

maildev_bin() { echo "$STATE/tools/maildev/node_modules/.bin/maildev"; }

maildev_start() {  # smtp-port web-port mail-directory logfile pidfile
  local smtp="$1" web="$2" dir="$3" log="$4" pidfile="$5"
  [ -x "$(maildev_bin)" ] || die "the mail catcher (maildev) is not installed in $STATE/tools/maildev"
  mkdir -p "$dir"
  # 127.0.0.1 only, both ports: no one else on the network can send through it or read the inbox.
  launch "$pidfile" "$log" "$dir" "$(maildev_bin)" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --smtp "$smtp" --web "$web" --mail-directory "$dir"
  wait_http "$(mail_api_url "$web")/email" 30 "Mail catcher on :$smtp (inbox :$web)" "$pidfile" ||
    { tail -n 25 "$log" >&2; die "the mail catcher did not come up on ports $smtp/$web, see $log"; }
}

mail_api_url() { echo "http://127.0.0.1:$1"; }   # web-port

# ---------------------------------------------------------------- `run`'s mail catcher, as supervise.sh sees it

# SMTP_PORT and MAIL_WEB_PORT of `run`'s catcher, kept in $STATE/mail.ports like the database's port: the first free
# ones from 1025 and 1080 when first chosen (so another mail catcher on 1025 does not stop `run`), the same ones
# afterwards. STUDIO_SMTP_PORT and STUDIO_MAIL_WEB_PORT, when set, move them.
mail_locate() {  # [create]
  SMTP_PORT="" MAIL_WEB_PORT=""
  read -r SMTP_PORT MAIL_WEB_PORT 2>/dev/null <"$STATE/mail.ports" || true
  SMTP_PORT="${STUDIO_SMTP_PORT:-$SMTP_PORT}" MAIL_WEB_PORT="${STUDIO_MAIL_WEB_PORT:-$MAIL_WEB_PORT}"
  [ "${1:-}" = create ] || return 0
  [ -n "$SMTP_PORT" ] || SMTP_PORT=$(free_port 1025)
  if [ -z "$MAIL_WEB_PORT" ]; then
    MAIL_WEB_PORT=$(free_port 1080)
    [ "$MAIL_WEB_PORT" != "$SMTP_PORT" ] || MAIL_WEB_PORT=$(free_port $((SMTP_PORT + 1)))
  fi
  mkdir -p "$STATE"
  echo "$SMTP_PORT $MAIL_WEB_PORT" >"$STATE/mail.ports"
}

mail_inbox_url() { echo "http://localhost:$MAIL_WEB_PORT"; }

mail_pid() { pid_of "$STATE/maildev.pid"; }
mail_alive() { pid_alive "$STATE/maildev.pid"; }
mail_answers() { [ -n "$MAIL_WEB_PORT" ] && http_ok "$(mail_api_url "$MAIL_WEB_PORT")/healthz" && port_in_use "$SMTP_PORT"; }
mail_stop() { stop_pidfile "$STATE/maildev.pid" "mail catcher"; }
mail_start() {
  ! port_in_use "$MAIL_WEB_PORT" ||
    die "port $MAIL_WEB_PORT (mail inbox) is in use by another program; set STUDIO_MAIL_WEB_PORT to a free port or free it"
  say "Starting the mail catcher: SMTP on :$SMTP_PORT, inbox on :$MAIL_WEB_PORT"
  maildev_start "$SMTP_PORT" "$MAIL_WEB_PORT" "$STATE/mail" "$STATE/logs/maildev.log" "$STATE/maildev.pid"
}
