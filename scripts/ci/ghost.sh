#!/usr/bin/env bash
# A real Ghost (the `ghost` npm package, 5.130.4: the last line that runs on Node 20) for the
# publish suite, on http://127.0.0.1:8090/ with its SQLite database, offline. Installed once into
# /opt/hallnotes-ghost-5.130.4 from the npm registry with the lockfile beside this script
# (Ghost's own package.json lists a GitHub tarball among its dev dependencies, which cannot be
# fetched here, so ghost/package.json is Ghost's without devDependencies). Each clone gets its
# own site in .ci-state/ghost/, set up through Ghost's own API (owner, then a custom integration)
# and its Admin API key is written to .ci-state/ghost.json. Idempotent: this clone's running site is
# reused; a Ghost left running by another clone (whose folder may be gone, its database with it)
# is stopped first, since one port serves one site.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO="$PWD"
VERSION=5.130.4
PORT=8090
INSTALL="/opt/hallnotes-ghost-${VERSION}"
STATE="$REPO/.ci-state"
SITE="$STATE/ghost"
URL="http://127.0.0.1:${PORT}"
# "<pid> <site folder>" of the Ghost this script started last, whichever clone it was for.
SERVING="$INSTALL/serving"

say() { echo "ghost.sh: $*"; }

if [ ! -f "$INSTALL/.installed" ]; then
  if ! command -v make >/dev/null || ! command -v g++ >/dev/null || ! command -v python3 >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends build-essential python3 >/dev/null
  fi
  say "installing Ghost ${VERSION} into ${INSTALL} (once; several minutes)"
  work=$(mktemp -d)
  (cd "$work" && npm pack "ghost@${VERSION}" --silent >/dev/null && tar xzf "ghost-${VERSION}.tgz")
  rm -rf "$INSTALL"
  mv "$work/package" "$INSTALL"
  rm -rf "$work"
  cp scripts/ci/ghost/package.json scripts/ci/ghost/package-lock.json "$INSTALL/"
  # `npm install` keeps to the lockfile (`npm ci` refuses it: it was made with --legacy-peer-deps, which Ghost needs).
  # sqlite3 and re2 build from source (their prebuilt binaries are not reachable): Node's headers are in /usr/include/node.
  (cd "$INSTALL" && npm_config_nodedir=/usr npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$INSTALL/.installed"
fi

site_answers() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$URL/ghost/api/admin/site/"; }

ours_running() { [ -f "$SITE/ghost.pid" ] && kill -0 "$(cat "$SITE/ghost.pid")" 2>/dev/null; }

if site_answers && ! ours_running; then
  other=""
  [ -f "$SERVING" ] && other=$(cut -d' ' -f1 "$SERVING")
  # Started before this record existed: whoever listens on the port.
  [ -z "$other" ] && command -v ss >/dev/null && other=$(ss -ltnpH "sport = :${PORT}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  if [ -n "$other" ]; then
    say "stopping the Ghost another clone left on ${URL} (process ${other})"
    kill "$other" 2>/dev/null || true
    for attempt in $(seq 1 30); do site_answers || break; sleep 1; done
  fi
  if site_answers; then say "something else answers on ${URL}; stop it, then run this again" >&2; exit 1; fi
fi

if ! site_answers; then
  mkdir -p "$SITE"
  [ -d "$SITE/content" ] || cp -r "$INSTALL/content" "$SITE/content"
  say "starting Ghost on ${URL}"
  (
    cd "$INSTALL"
    export NODE_ENV=development url="$URL" server__host=127.0.0.1 server__port="$PORT"
    export database__client=sqlite3 database__connection__filename="$SITE/content/data/ghost.db" paths__contentPath="$SITE/content/"
    # Nothing leaves the machine: no update check, no gravatar, no pings, no device-verification emails.
    export privacy__useUpdateCheck=false privacy__useGravatar=false privacy__useRpcPing=false privacy__useStructuredData=false
    export security__staffDeviceVerification=false logging__transports='["file"]' logging__path="$SITE/"
    nohup node index.js >"$SITE/ghost.out" 2>&1 &
    echo $! >"$SITE/ghost.pid"
    echo "$! $SITE" >"$SERVING"
  )
  for attempt in $(seq 1 120); do
    site_answers && break
    if ! kill -0 "$(cat "$SITE/ghost.pid")" 2>/dev/null; then
      say "Ghost exited while starting:" >&2
      tail -30 "$SITE/ghost.out" >&2
      exit 1
    fi
    sleep 1
  done
  site_answers || { say "Ghost did not answer on ${URL} within two minutes" >&2; tail -30 "$SITE/ghost.out" >&2; exit 1; }
fi

umask 077
node scripts/ci/ghost-setup.mjs "$URL" >"$STATE/ghost.json.new"
mv "$STATE/ghost.json.new" "$STATE/ghost.json"
say "Ghost is up at ${URL}/ghost/; the Admin API key is in .ci-state/ghost.json"
