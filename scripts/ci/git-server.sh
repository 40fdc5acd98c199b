#!/usr/bin/env bash
# Starts or stops the smart-HTTP Git server the sync tests use in CI (scripts/ci/gitHttpServer.mjs
# in front of git http-backend, on 127.0.0.1:8091, repositories in a temporary folder).
#   source scripts/ci/git-server.sh start   # exports HALLNOTES_GIT_SERVER_URL
#   scripts/ci/git-server.sh stop
set -uo pipefail
GIT_SERVER_PORT="${GIT_SERVER_PORT:-8091}"
GIT_SERVER_STATE="${TMPDIR:-/tmp}/hallnotes-ci-git-server"

git_server_start() {
  mkdir -p "$GIT_SERVER_STATE"
  local root
  root="$(mktemp -d "${TMPDIR:-/tmp}/hallnotes-ci-repositories-XXXXXX")"
  echo "$root" > "$GIT_SERVER_STATE/root"
  node "$(dirname "${BASH_SOURCE[0]}")/gitHttpServer.mjs" --root "$root" --port "$GIT_SERVER_PORT" > "$GIT_SERVER_STATE/log" 2>&1 &
  echo $! > "$GIT_SERVER_STATE/pid"
  for _ in $(seq 1 50); do
    if git ls-remote "http://127.0.0.1:$GIT_SERVER_PORT/ci-probe.git" >/dev/null 2>&1; then
      export HALLNOTES_GIT_SERVER_URL="http://127.0.0.1:$GIT_SERVER_PORT"
      echo "git server: $HALLNOTES_GIT_SERVER_URL (repositories in $root)"
      return 0
    fi
    sleep 0.2
  done
  echo "git server did not start on port $GIT_SERVER_PORT:" >&2
  cat "$GIT_SERVER_STATE/log" >&2
  return 1
}

git_server_stop() {
  [ -f "$GIT_SERVER_STATE/pid" ] && kill "$(cat "$GIT_SERVER_STATE/pid")" 2>/dev/null
  [ -f "$GIT_SERVER_STATE/root" ] && rm -rf "$(cat "$GIT_SERVER_STATE/root")"
  rm -rf "$GIT_SERVER_STATE"
}

case "${1:-}" in
  start) git_server_start ;;
  stop) git_server_stop ;;
  *) echo "usage: git-server.sh start|stop" >&2; exit 2 ;;
esac
