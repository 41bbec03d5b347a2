#!/usr/bin/env bash
# Build the site the buildout way in a temporary folder: a clean copy of the repository,
# zc.buildout from constraints.txt, bin/buildout, the site created by bin/instance run, and
# bin/instance fg answering over HTTP. Leaves nothing behind.
set -euo pipefail
PYTHON=${PYTHON:-python3}
PORT=${BUILDOUT_PORT:-18180}
top=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
server=
# bin/instance fg runs Zope in a child process: start it in its own process group and
# stop the whole group.
trap '[ -n "$server" ] && kill -- "-$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

git -C "$top" ls-files -z --cached --others --exclude-standard | (cd "$top" && xargs -0 cp --parents -t "$work")
cd "$work"
"$PYTHON" -m venv .
bin/pip install -q -c constraints.txt pip setuptools wheel zc.buildout
bin/buildout -N -q "instance:http-address=$PORT"
bin/instance run scripts/buildout_site.py

# serve_demo SCRIPT PORT: run bin/SCRIPT fg, check that it serves the demo year, stop it.
serve_demo() {
  setsid "bin/$1" fg > "$1.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://localhost:$2/Plone" && break
    kill -0 "$server" 2>/dev/null || { cat "$1.log"; exit 1; }
    sleep 1
  done
  page=$(curl -fs "http://localhost:$2/Plone/2018")
  grep -q '幕阜山片区农村安全饮水双月协商会' <<< "$page"
  kill -- "-$server"; wait "$server" 2>/dev/null || true; server=
}

serve_demo instance "$PORT"
echo "buildout-check: bin/buildout and bin/instance fg serve the demo site"

# The ZEO profile: a ZEO server on the same data and an instance of it serving the site.
ZEO_PORT=$((PORT + 1))
bin/buildout -N -q -c zeo.cfg "zeoserver:zeo-address=127.0.0.1:$((PORT + 2))" \
    "instance1:http-address=$ZEO_PORT" "instance2:http-address=$((PORT + 3))"
bin/zeoserver start > /dev/null
trap '[ -n "$server" ] && kill -- "-$server" 2>/dev/null; bin/zeoserver stop > /dev/null 2>&1 || true; wait 2>/dev/null; rm -rf "$work"' EXIT
serve_demo instance1 "$ZEO_PORT"
bin/zeoserver stop > /dev/null || true
trap 'rm -rf "$work"' EXIT
# The RelStorage profile builds (serving it needs PostgreSQL: make test-cluster does that).
bin/buildout -N -q -c relstorage.cfg
test -x bin/instance1 && grep -q relstorage parts/instance1/etc/zope.conf
echo "buildout-check: the zeo profile serves the same data; the relstorage profile builds"
