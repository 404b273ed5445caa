#!/usr/bin/env bash
# CPU time per request (issue 19): on a shared machine req/s measure the neighbours, the host process's own CPU
# time per request much less so. Starts a Release build in Production on the demo county (SQLite, or PostgreSQL with
# CONN), signs in, and per route runs a warm-up and then wrk (-t2 -c8, DURATION), reading the web process's
# user + system time from /proc/<pid>/stat before and after: CPU ms/request = ΔCPU ÷ requests.
#
#   bench/cpu.sh                                   a fresh demo county in a temporary folder (seeding takes a while)
#   DATA=/tmp/x bench/cpu.sh                       reuses the folder's seeded database (and its PII key) if present
#   WEB=/tmp/webA DATA=/tmp/x bench/cpu.sh         times another Release build (an A/B on the same data)
#   CONN="Host=127.0.0.1;Port=55440;Username=postgres;Database=wm_cpu" bench/cpu.sh   PostgreSQL (empty database first)
#
# Environment: DURATION (default 5s), WARMUP (default 3s), PORT (5304), ROUTES (names to run, default all).
# Prints per route: req/s, CPU ms/request, and the load average when the route ran.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-5s}
port=${PORT:-5304}
base="http://127.0.0.1:$port"
data=${DATA:-$(mktemp -d /tmp/wenming-cpu.XXXXXX)}
mkdir -p "$data"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

if [ -z "${WEB:-}" ]; then
  WEB="$data/web"
  dotnet build src/Wenming.Web -c Release -nologo -v quiet -o "$WEB" >/dev/null
fi
[ -f "$data/pii.key" ] || head -c 32 /dev/urandom | base64 >"$data/pii.key"
args=(--urls "$base" --Data:Directory="$data" --Security:PiiKey="$(cat "$data/pii.key")" --Logging:LogLevel:Default=Warning
  --RateLimits:SignInPerMinutePerAddress=1000)
if [ -n "${CONN:-}" ]; then args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$CONN"); fi
# The demo county once; a later run on the same folder (or database) finds it there.
seed=true
[ -f "$data/seeded" ] && seed=false
ASPNETCORE_ENVIRONMENT=Production dotnet "$WEB/Wenming.Web.dll" "${args[@]}" --Demo:Seed=$seed >"$data/web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = 200 ]; do
  kill -0 $web 2>/dev/null || { echo "the host stopped: $data/web.log" >&2; exit 1; }
  sleep 1
done
touch "$data/seeded"

token() { curl -fs -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
  -d "{\"login\":\"$1\",\"password\":\"Wenming@2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'; }
declare -A tok
for login in center village1 resident1; do tok[$login]=$(token "$login"); done
person=$(curl -fs "$base/api/v1/people?pageSize=1" -H "Authorization: Bearer ${tok[center]}" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')

# name|login (- for none)|path
routes=(
  "healthz|-|/healthz"
  "me|center|/api/v1/me"
  "person|center|/api/v1/people/$person"
  "people|village1|/api/v1/people"
  "goods|resident1|/api/v1/market/goods"
  "board|village1|/api/v1/orders/board"
)
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$web/stat"; }
echo "WEB=$WEB provider=$([ -n "${CONN:-}" ] && echo postgres || echo sqlite) wrk -t2 -c8 -d$duration $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-8s %-34s %10s %12s %s\n' route path req/s "CPU ms/req" "load (1 min)"
for r in "${routes[@]}"; do
  IFS='|' read -r name login path <<<"$r"
  if [ -n "${ROUTES:-}" ] && [[ " $ROUTES " != *" $name "* ]]; then continue; fi
  auth=()
  [ "$login" = - ] || auth=(-H "Authorization: Bearer ${tok[$login]}")
  code=$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base$path")
  [ "$code" = 200 ] || { echo "$name: $path answered $code" >&2; exit 1; }
  wrk -t2 -c8 -d"${WARMUP:-3s}" "${auth[@]}" "$base$path" >/dev/null
  before=$(cpu_ms)
  out=$(wrk -t2 -c8 -d"$duration" "${auth[@]}" "$base$path")
  after=$(cpu_ms)
  requests=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in.*/\1/p')
  bad=$(echo "$out" | grep -q Non-2xx && echo ' (non-2xx answers!)' || true)
  printf '%-8s %-34s %10s %12.3f %s%s\n' "$name" "$path" "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$after $before $requests" | awk '{print ($1 - $2) / $3}')" "$(cut -d' ' -f1 /proc/loadavg)" "$bad"
done
