#!/usr/bin/env bash
# Start the demo site the way `make run` does (in a throw-away var/ and instance/ unless
# told otherwise), check it over HTTP as the README promises, and stop it.
set -euo pipefail
BIN=${BIN:-.venv/bin}
PORT=${SMOKE_PORT:-18080}
SMTP_PORT=${SMOKE_SMTP_PORT:-18025}
WORK=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

"$BIN/consultation-instance" --instance "$WORK/instance" --var "$WORK/var" --port "$PORT" > /dev/null
"$BIN/consultation-create-site" --zope-conf "$WORK/instance/etc/zope.conf" --admin-password admin \
    --smtp-port "$SMTP_PORT"
"$BIN/consultation-mailsink" --port "$SMTP_PORT" --dir "$WORK/var/mail" &
pids+=($!)
"$BIN/runwsgi" "$WORK/instance/etc/zope.ini" &
pids+=($!)

base="http://localhost:$PORT/Plone"
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base" && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "Zope did not start"; exit 1; }
  sleep 1
done
count() {
  curl -fs -u admin:admin -H 'Accept: application/json' "$base/++api++/@search?portal_type=$1" |
    "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["items_total"])'
}
consultations=$(count Consultation)
suggestions=$(count Suggestion)
echo "Consultation: $consultations, Suggestion: $suggestions"
[ "$consultations" -eq 32 ] && [ "$suggestions" -ge 100 ]
# Read whole answers before grepping: grep -q stops early and curl would fail writing.
page=$(curl -fs "$base/2018")
grep -q '幕阜山片区农村安全饮水双月协商会' <<< "$page"
feed=$(curl -fs -H 'Accept: text/calendar' "$base/++api++/2018/@ical")
[ "$(grep -c 'BEGIN:VEVENT' <<< "$feed")" -eq 31 ]

# The reminders job, as cron runs it: FileStorage wants the server stopped first.
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
before=$(ls "$WORK/var/mail" 2>/dev/null | wc -l)
report=$("$BIN/consultation-remind" --zope-conf "$WORK/instance/etc/zope.conf" --today 2018-12-01)
echo "$report"
overdue=$(head -1 <<< "$report" | sed -E 's/^[0-9-]+: ([0-9]+) overdue.*/\1/')
units=$(grep -c ' sent$' <<< "$report")
sleep 1
after=$(ls "$WORK/var/mail" | wc -l)
[ "$overdue" -gt 0 ] && [ "$((after - before))" -eq "$((units + 1))" ]
reminded=$("$BIN/python" - "$WORK/var/mail" <<'PY'
import email, email.policy, pathlib, sys
subjects = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Subject"]
            for p in pathlib.Path(sys.argv[1]).glob("*.eml")]
print(sum(s.startswith("催办") for s in subjects))
PY
)
[ "$reminded" -eq "$units" ]
echo "smoke: the demo site serves what the README says, and the reminders go out"
