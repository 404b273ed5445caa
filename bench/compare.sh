#!/usr/bin/env bash
# Issue 19: the platform against a bare ADO.NET app that runs exactly the platform's SQL.
#  1. generates the 基准县 (50,000 people) and the demo county (residents, goods, orders) into a fresh database;
#  2. starts the platform once with --Data:CaptureSql, requests each route once to warm up and once marked
#     with X-Bench-Capture: <route>, so the capture file holds the statements (and parameter values) of each
#     route as the platform runs them today — when the platform's SQL changes, the baseline follows;
#  3. starts the platform (no capture) and bench/Wenming.Bench.Bare (replaying the capture), and per route
#     runs wrk on the platform, on the bare app, on the platform again, back to back;
#  4. prints: statements per request, platform run 1, bare, platform run 2 (req/s), ratio = mean platform / bare,
#     response sizes and KiB allocated per request (platform/bare).
#     ROUNDS=n (default 1) alternates n times per route (platform, bare, platform, bare, …, platform): each bare run
#     is compared with the platform runs on either side of it, and the table prints the medians (req/s and ratio).
#
#   bench/compare.sh sqlite
#   bench/compare.sh postgres "Host=127.0.0.1;Port=55440;Username=postgres;Database=wm_bench"   (database must exist, empty)
# Environment: DURATION (wrk -d, default 10s), ROUNDS (default 1), WARMUP (default 20s), PLATFORM_PORT (5105), BARE_PORT (5115), TMPDIR (where the data goes),
# KEEP=1 keeps the data folder (capture.jsonl, logs), WEB=<dir> times that Release build of the platform instead of building this tree.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
duration=${DURATION:-10s}
pport=${PLATFORM_PORT:-5105}
bport=${BARE_PORT:-5115}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/wenming-compare.XXXXXX")
args=(--Data:Directory="$data" --Security:PiiKey="$(head -c 32 /dev/urandom | base64)")
if [ "$provider" = postgres ]; then
  conn=$2
  args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$conn")
else
  conn="Data Source=$data/wenming.db"
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "data kept in $data" >&2 || rm -rf "$data"
}
trap cleanup EXIT

dotnet build bench/Wenming.Bench.DataGen -c Release -nologo -v quiet -o "$data/gen" >/dev/null
if [ -n "${WEB:-}" ]; then ln -s "$WEB" "$data/web"; else dotnet build src/Wenming.Web -c Release -nologo -v quiet -o "$data/web" >/dev/null; fi
dotnet build bench/Wenming.Bench.Bare -c Release -nologo -v quiet -o "$data/bare" >/dev/null
dotnet "$data/gen/Wenming.Bench.DataGen.dll" "${args[@]}" --Bench:Demo=true | tail -n 1

wait_ready() { for _ in $(seq 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
platform() { # platform <log> [extra args…]: starts the web host in Production, as bench/run.sh does
  local log=$1; shift
  ASPNETCORE_ENVIRONMENT=Production dotnet "$data/web/Wenming.Web.dll" --urls "http://127.0.0.1:$pport" "${args[@]}" \
    --Demo:Seed=false --Logging:LogLevel:Default=Warning --RateLimits:SignInPerMinutePerAddress=1000 "$@" >"$log" 2>&1 &
  web=$!
  pids+=("$web")
  wait_ready "http://127.0.0.1:$pport/readyz"
}

# The routes, sign_in_all, rps and median.
source bench/common.sh

# 1. Capture.
platform "$data/capture.log" --Data:CaptureSql="$data/capture.jsonl"
sign_in_all "http://127.0.0.1:$pport"
for r in "${routes[@]}"; do
  IFS='|' read -r name login path <<<"$r"
  url="http://127.0.0.1:$pport${path/PERSON/$person_id}"
  curl -fs -o /dev/null "$url" -H "Authorization: Bearer ${token[$login]}"
  curl -fs -o "$data/$name.platform.json" "$url" -H "Authorization: Bearer ${token[$login]}" -H "X-Bench-Capture: $name"
done
kill "$web"; wait "$web" 2>/dev/null || true

# 2. Both hosts up; the bare app loads the capture.
platform "$data/web.log"
dotnet "$data/bare/Wenming.Bench.Bare.dll" --urls "http://127.0.0.1:$bport" --Bare:Capture="$data/capture.jsonl" \
  --Bare:Provider="$provider" "--Bare:ConnectionString=$conn" >"$data/bare.log" 2>&1 &
pids+=("$!")
wait_ready "http://127.0.0.1:$bport/"

# Warm-up (WARMUP, default 20s per route and host): JIT tiering and caches before anything is counted. A CPU profile
# (bench/README.md) still showed the JIT re-compiling at 12 % of the platform's CPU after 15 s of load on one route.
for r in "${routes[@]}"; do
  IFS='|' read -r name login path <<<"$r"
  wrk -t2 -c8 -d"${WARMUP:-20s}" -H "Authorization: Bearer ${token[$login]}" "http://127.0.0.1:$pport${path/PERSON/$person_id}" >/dev/null
  wrk -t2 -c8 -d"${WARMUP:-20s}" "http://127.0.0.1:$bport/$name" >/dev/null
done
rounds=${ROUNDS:-1}
echo "provider=$provider duration=$duration rounds=$rounds wrk -t2 -c8 $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD)"
if [ "$rounds" -gt 1 ]; then echo "(medians of $rounds rounds; a round's ratio: the mean of the platform runs either side of a bare run / that bare run)"; fi
printf '%-8s %-46s %5s %10s %10s %10s %7s %11s %11s\n' route path stmts platform1 bare platform2 ratio "bytes p/b" "KiB/req p/b"
for r in "${routes[@]}"; do
  IFS='|' read -r name login path <<<"$r"
  path=${path/PERSON/$person_id}
  stmts=$(curl -fs "http://127.0.0.1:$bport/" | awk -F': ' -v n="$name" '$1 == n {print $2+0}')
  curl -fs -o "$data/$name.bare.json" "http://127.0.0.1:$bport/$name"
  # The machine's speed drifts from minute to minute (bench/results.md): alternating, and comparing each bare run
  # with the platform runs just before and after it, keeps that drift out of the ratio.
  p=("$(rps -H "Authorization: Bearer ${token[$login]}" "http://127.0.0.1:$pport$path")")
  b=()
  for _ in $(seq "$rounds"); do
    b+=("$(rps "http://127.0.0.1:$bport/$name")")
    p+=("$(rps -H "Authorization: Bearer ${token[$login]}" "http://127.0.0.1:$pport$path")")
  done
  ratios=()
  for i in $(seq 0 $((rounds - 1))); do
    ratios+=("$(awk -v a="${p[$i]}" -v b="${b[$i]}" -v c="${p[$((i + 1))]}" 'BEGIN { printf "%.1f", (a + c) / 2 / b * 100 }')")
  done
  ratio=$(printf '%s\n' "${ratios[@]}" | median | awk '{printf "%.0f%%", $1}')
  # A run with answers other than 2xx/3xx measured errors, not the route: the mark stays on the ratio.
  case "${p[*]} ${b[*]}" in *'!'*) ratio="$ratio!" ;; esac
  p1=$(printf '%s\n' "${p[@]:0:$rounds}" | median)
  p2=$(printf '%s\n' "${p[@]:1}" | median)
  allocated="$(per_request platform_allocated "$pport" -H "Authorization: Bearer ${token[$login]}" "http://127.0.0.1:$pport$path")/$(per_request bare_allocated "$bport" "http://127.0.0.1:$bport/$name")"
  printf '%-8s %-46s %5s %10s %10s %10s %7s %11s %11s\n' "$name" "$path" "$stmts" "$p1" "$(printf '%s\n' "${b[@]}" | median)" "$p2" "$ratio" \
    "$(stat -c %s "$data/$name.platform.json")/$(stat -c %s "$data/$name.bare.json")" "$allocated"
  if [ "$rounds" -gt 1 ]; then echo "         rounds: ${ratios[*]} (%)"; fi
done
