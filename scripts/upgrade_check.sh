#!/usr/bin/env bash
# Build the demo site with the previous release's code (in a throw-away venv and var/),
# then upgrade it with this checkout's code as `make run` does (the add-on's pending
# upgrade steps) and check that every consultation, suggestion, member, unit, invitation,
# attendance mark and file is kept (consultation-site-digest --compare) and that the site
# then serves. UPGRADE_FROM names the release (a tag, or a commit CHANGES.md gives for it).
set -euo pipefail
BIN=${BIN:-.venv/bin}
PYTHON=${PYTHON:-python3}
PORT=${UPGRADE_PORT:-18280}
FROM=${UPGRADE_FROM:-1.0.0a1}
WORK=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

# A clone may come without tags: CHANGES.md says which commit each release is.
ref=$(git rev-parse -q --verify "$FROM^{commit}" ||
  sed -nE "s/^Tagged \`$FROM\` at commit ([0-9a-f]+).*/\1/p" CHANGES.md | head -1)
git rev-parse -q --verify "$ref^{commit}" > /dev/null ||
  { echo "upgrade-check: release $FROM is not in this clone's history"; exit 1; }
echo "upgrade-check: from $FROM ($ref)"

mkdir "$WORK/old"
git archive "$ref" | tar -x -C "$WORK/old"
"$PYTHON" -m venv "$WORK/venv"
if [ -x "$BIN/uv" ]; then
  "$BIN/uv" pip install -q --python "$WORK/venv/bin/python" -c "$WORK/old/constraints.txt" "$WORK/old"
else
  "$WORK/venv/bin/pip" install -q -c "$WORK/old/constraints.txt" "$WORK/old"
fi

# The site as the previous release's `make run` made it.
"$WORK/venv/bin/consultation-instance" --instance "$WORK/instance" --var "$WORK/var" \
    --port "$PORT" > /dev/null
"$WORK/venv/bin/consultation-create-site" --zope-conf "$WORK/instance/etc/zope.conf" \
    --admin-password admin 2> /dev/null

# Today's code: the digest before and after this release's `make run` upgrades it.
conf="$WORK/instance/etc/zope.conf"
"$BIN/consultation-instance" --instance "$WORK/instance" --var "$WORK/var" --port "$PORT" > /dev/null
"$BIN/consultation-site-digest" --zope-conf "$conf" --out "$WORK/before.json" 2> /dev/null
upgraded=$("$BIN/consultation-create-site" --zope-conf "$conf" --admin-password admin 2> /dev/null)
echo "$upgraded"
grep -q '^Upgraded collective.consultation:default from ' <<< "$upgraded"
"$BIN/consultation-site-digest" --zope-conf "$conf" --out "$WORK/after.json" 2> /dev/null
# 1.0.0a1 kept approved minutes as plain files; upgrade 1001 makes them MinutesFile.
"$BIN/consultation-site-digest" --compare "$WORK/before.json" "$WORK/after.json" \
    --migrated File:MinutesFile

# The upgraded site serves its year as a new one does.
"$BIN/runwsgi" "$WORK/instance/etc/zope.ini" > "$WORK/zope.log" 2>&1 &
pids+=($!)
base="http://localhost:$PORT/Plone"
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base" && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$WORK/zope.log"; echo "Zope did not start"; exit 1; }
  sleep 1
done
info=$(curl -fs -u admin:admin -H 'Accept: application/json' \
    "$base/++api++/@addons/collective.consultation" |
  "$BIN/python" -c 'import json, sys; i = json.load(sys.stdin)["upgrade_info"]; print(i["installedVersion"], i["newVersion"], i["required"])')
echo "after the upgrade, the profile is at $(cut -d' ' -f1 <<< "$info") of $(cut -d' ' -f2 <<< "$info")"
[ "$(cut -d' ' -f3 <<< "$info")" = False ]
consultations=$(curl -fs -u admin:admin -H 'Accept: application/json' \
    "$base/++api++/@search?portal_type=Consultation" |
  "$BIN/python" -c 'import json, sys; print(json.load(sys.stdin)["items_total"])')
[ "$consultations" -eq 32 ]
page=$(curl -fs "$base/2018")
grep -q '幕阜山片区农村安全饮水双月协商会' <<< "$page"
echo "upgrade-check: a site of $FROM upgraded to this code kept its data and serves"
