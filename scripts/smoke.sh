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

# Mail leaves through the outbox: the worker thread of the running site sends what a
# request queued, after the commit.
mails() { ls "$WORK/var/mail" 2>/dev/null | wc -l; }
before=$(mails)
queued=$(curl -fs -u admin:admin -X POST -H 'Accept: application/json' \
    -H 'Content-Type: application/json' -d '{}' "$base/++api++/@reminders" |
  "$BIN/python" -c 'import json, sys; d = json.load(sys.stdin); print(len(d["units"]) + bool(d["digest"]))')
for _ in $(seq 1 30); do
  [ "$(mails)" -ge "$((before + queued))" ] && break
  sleep 1
done
echo "worker thread: $queued queued, $(( $(mails) - before )) delivered"
[ "$queued" -gt 0 ] && [ "$(( $(mails) - before ))" -eq "$queued" ]

# The reminders job, as cron runs it: FileStorage wants the server stopped first; the
# worker process then sends what it queued.
kill "${pids[1]}"; wait "${pids[1]}" 2>/dev/null || true
before=$(mails)
report=$("$BIN/consultation-remind" --zope-conf "$WORK/instance/etc/zope.conf" --today 2018-12-01)
echo "$report"
overdue=$(head -1 <<< "$report" | sed -E 's/^[0-9-]+: ([0-9]+) overdue.*/\1/')
units=$(grep -cE ': [0-9]+ queued$' <<< "$report")
"$BIN/consultation-mail-worker" --zope-conf "$WORK/instance/etc/zope.conf" --once
sleep 1
after=$(mails)
[ "$overdue" -gt 0 ] && [ "$((after - before))" -eq "$((units + 1))" ]
reminders() {
  "$BIN/python" - "$WORK/var/mail" <<'PY'
import email, email.policy, pathlib, sys
subjects = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)["Subject"]
            for p in pathlib.Path(sys.argv[1]).glob("*.eml")]
print(sum(s.startswith("催办") for s in subjects))
PY
}
# every unit got one reminder from the thread's round and one from the job's
[ "$(reminders)" -eq "$((queued - 1 + units))" ]

# A second `make run` on the same var/: the site is kept (not rebuilt, not broken), the
# admin password follows ADMIN_PASSWORD, and every item, mark and file is as it was.
"$BIN/consultation-site-digest" --zope-conf "$WORK/instance/etc/zope.conf" --out "$WORK/first.json"
again=$("$BIN/consultation-create-site" --zope-conf "$WORK/instance/etc/zope.conf" \
    --admin-password again --smtp-port "$SMTP_PORT" 2>/dev/null)
echo "$again"
grep -q '^Kept the site Plone.$' <<< "$again"
"$BIN/consultation-site-digest" --zope-conf "$WORK/instance/etc/zope.conf" --out "$WORK/second.json"
"$BIN/consultation-site-digest" --compare "$WORK/first.json" "$WORK/second.json"
"$BIN/consultation-site-digest" --compare "$WORK/second.json" "$WORK/first.json" > /dev/null
"$BIN/runwsgi" "$WORK/instance/etc/zope.ini" &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base" && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "Zope did not start the second time"; exit 1; }
  sleep 1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin "$base/++api++/@users")" = 401 ]
count() {
  curl -fs -u admin:again -H 'Accept: application/json' "$base/++api++/@search?portal_type=$1" |
    "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["items_total"])'
}
[ "$(count Consultation)" -eq "$consultations" ] && [ "$(count Suggestion)" -eq "$suggestions" ]
echo "second start: the same $consultations consultations and $suggestions suggestions"
echo "smoke: the demo site serves what the README says, the reminders go out, and it starts again on its own data"
