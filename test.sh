#!/usr/bin/env bash
# Runs every test suite: unit, architecture, integration over HTTP on SQLite and PostgreSQL, and
# the browser tests in headless Chromium. It sets up what it needs: missing Debian packages are
# installed when run as root, and a throwaway PostgreSQL server is started and removed again.
# With CI=true nothing may be skipped, and formatting is checked too.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# --- 1. prerequisites -------------------------------------------------------------------------
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# pdftotext reads the certificate PDFs back in the tests; their font is bundled (no fonts-lxgw-wenkai needed).
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# npm installs the pinned OpenAPI linter (tools/openapi-lint) that OpenApiLintTests runs.
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The cluster test puts two web nodes behind a real nginx.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
# curl asks the README's run command for its sign-in page (below).
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}. Install them (e.g. sudo apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
fi

# --- 2. a throwaway PostgreSQL -----------------------------------------------------------------
PG=$(pg_bin)
pg_dir=$(mktemp -d /tmp/wenming-pg.XXXXXX)
# The first port from $1 to $2 that nothing listens on (none: prints nothing).
free_port() {
  for p in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
}
port=$(free_port 55432 55499)
[ -n "$port" ] || { echo "no free port for PostgreSQL" >&2; exit 1; }
as_pg() {
  # initdb refuses to run as root: use the postgres account then.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
stop_pg() {
  as_pg "'$PG/pg_ctl' -D '$pg_dir/data' -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
log "starting PostgreSQL on 127.0.0.1:$port"
as_pg "'$PG/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$PG/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -o '-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300' -w start" >/dev/null
export WENMING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"

# --- 3. build, format, test ------------------------------------------------------------------
log "building"
dotnet build Wenming.slnx -nologo -v quiet -clp:NoSummary
if [ ! -x tools/openapi-lint/node_modules/.bin/redocly ]; then
  log "installing the OpenAPI linter (npm ci in tools/openapi-lint)"
  npm ci --prefix tools/openapi-lint --no-audit --no-fund --loglevel=error
fi
if [ "${CI:-}" = "true" ]; then
  log "checking formatting (dotnet format --verify-no-changes)"
  dotnet format Wenming.slnx --verify-no-changes --no-restore
fi

status=0
# The README's run command starts the built app itself (ADR 0092): it must answer its sign-in page. RunScriptTests
# hold its settings to the launch profile's; this starts it, on an empty data folder (its first build here is a no-op).
log "starting the README's run command (./run.sh) until its sign-in page answers"
run_dir=$(mktemp -d /tmp/wenming-run.XXXXXX)
run_port=$(free_port 5140 5199)
[ -n "$run_port" ] || { echo "no free port for ./run.sh" >&2; exit 1; }
./run.sh --urls "http://127.0.0.1:$run_port" --Data:Directory="$run_dir/data" >"$run_dir/log" 2>&1 &
run_pid=$!
page=""
for _ in $(seq 600); do
  page=$(curl -fs "http://127.0.0.1:$run_port/account/login" 2>/dev/null) && break
  kill -0 "$run_pid" 2>/dev/null || break
  sleep 0.5
done
kill "$run_pid" 2>/dev/null || true
wait "$run_pid" 2>/dev/null || true
if grep -q 'name="Login"' <<<"$page"; then
  echo "./run.sh answered its sign-in page on port $run_port"
else
  echo "./run.sh did not answer its sign-in page; its output:" >&2
  tail -n 30 "$run_dir/log" >&2
  status=1
fi
rm -rf "$run_dir"

summary=$(mktemp)
for project in tests/Wenming.UnitTests tests/Wenming.ArchitectureTests tests/Wenming.IntegrationTests tests/Wenming.ClusterTests tests/e2e/Wenming.E2ETests; do
  log "testing $project"
  dotnet test "$project" --no-build -nologo 2>&1 | tee -a "$summary" || status=1
done

# One closing line over all suites, e.g. "tests: 240 passed, 0 failed, 0 skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s }' "$summary"
if [ "${CI:-}" = "true" ] && grep -qE "Skipped: +[1-9]" "$summary"; then
  echo "CI=true: skipped tests are not allowed in CI." >&2
  status=1
fi
rm -f "$summary"
exit $status
