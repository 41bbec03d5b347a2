#!/usr/bin/env bash
# Serve the instance written by `make run`: the SMTP sink in the background, Zope in the
# foreground; Ctrl-C (or any exit) stops both.
set -euo pipefail
BIN=${BIN:-.venv/bin}
PORT=${PORT:-8080}
SMTP_PORT=${SMTP_PORT:-8025}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}

"$BIN/consultation-mailsink" --host 127.0.0.1 --port "$SMTP_PORT" --dir var/mail &
sink=$!
trap 'kill "$sink" 2>/dev/null; wait "$sink" 2>/dev/null || true' EXIT INT TERM

cat <<BANNER

  collective.consultation demo site
  ---------------------------------
  Site:        http://localhost:${PORT}/Plone
  Log in as:   admin / ${ADMIN_PASSWORD}   (demo logins: staff / staff-2018,
               secretary / secretary-2018, member youjin / youjin-2018)
  REST API:    http://localhost:${PORT}/Plone/++api++
  Sent mail:   var/mail/*.eml (SMTP sink on 127.0.0.1:${SMTP_PORT})
  Stop:        Ctrl-C

BANNER
"$BIN/runwsgi" instance/etc/zope.ini
