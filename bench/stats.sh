#!/usr/bin/env bash
# Issue 12: the statistics at county scale. Generates the 基准县 with RECORDS service records (and RECORDS/5
# volunteers, RECORDS/5 orders, RECORDS ledger rows; `Wenming.Bench.DataGen --Bench:Stats`), starts the web host
# (Release, Production) and drives the county admin's overview, a ranking of the 500 villages and a 12-month trend
# with wrk (2 threads, 8 connections; bench/percentiles.lua prints p50/p95/p99), then times the same database's plain count queries for comparison.
#
#   RECORDS=100000 bench/stats.sh sqlite
#   RECORDS=1000000 bench/stats.sh postgres "Host=127.0.0.1;Port=55440;Username=postgres;Database=bench12_1m"   (database must exist, empty)
#
# RECORDS (default 100000), DURATION (wrk -d, default 10s), PORT (default 5312),
# DATA=<dir> keeps the generated data and the builds in <dir> (SQLite file, key); KEEP=1 with DATA re-measures them:
# no generation, no rebuild of the host (on PostgreSQL the database must then hold the county already).
# WEB=<dir> times that Release build instead (an A/B on one kept county). Every route is warmed up first (WARMUP each,
# default 25s), then each route gets 5 s more and the measured run with the web process's CPU time per request.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
records=${RECORDS:-100000}
duration=${DURATION:-10s}
# A host just started runs code still being compiled (tiered JIT, dynamic PGO): under load it takes a minute or more to settle (ADR 0075).
warmup=${WARMUP:-25s}
port=${PORT:-5312}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

data=${DATA:-$(mktemp -d /tmp/wenming-stats.XXXXXX)}
mkdir -p "$data"
[ -f "$data/bench.key" ] || head -c 32 /dev/urandom | base64 >"$data/bench.key"
args=(--Data:Directory="$data" --Security:PiiKey="$(cat "$data/bench.key")")
if [ "$provider" = postgres ]; then
  args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$2")
fi

if [ -z "${WEB:-}" ] && { [ -z "${KEEP:-}" ] || [ ! -f "$data/web/Wenming.Web.dll" ]; }; then
  dotnet build src/Wenming.Web -c Release -nologo -v quiet -o "$data/web" >/dev/null
fi
if [ -z "${KEEP:-}" ]; then
  dotnet build bench/Wenming.Bench.DataGen -c Release -nologo -v quiet -o "$data/gen" >/dev/null
  dotnet "$data/gen/Wenming.Bench.DataGen.dll" "${args[@]}" --Bench:Stats="$records" | grep -E '^(done|stats)'
fi

ASPNETCORE_ENVIRONMENT=Production dotnet "${WEB:-$data/web}/Wenming.Web.dll" --urls "http://127.0.0.1:$port" "${args[@]}" \
  --Demo:Seed=false --Logging:LogLevel:Default=Warning --RateLimits:SignInPerMinutePerAddress=1000 >"$data/web.log" 2>&1 &
web=$!
cleanup() { kill "$web" 2>/dev/null || true; [ -n "${DATA:-}" ] || rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

center=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"login":"bench-center","password":"Wenming@2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
county=$(curl -fs "http://127.0.0.1:$port/api/v1/me" -H "Authorization: Bearer $center" | sed -E 's/.*"orgUnitId":([0-9]+).*/\1/')

# The web process's CPU time (user + system, clock ticks of 10 ms) from /proc: per request it says what a route
# costs even where the machine is shared (ADR 0074's A/B was read this way).
cpu() { awk '{print $14 + $15}' "/proc/$web/stat"; }

# Warm-up: every route for WARMUP first (the code they share is compiled under the first one's load, where the
# background JIT competes with the requests for the 2 cores), then each again for 5 s right before it is measured.
warm() { wrk -t2 -c8 -d"$1" -H "Authorization: Bearer $center" "http://127.0.0.1:$port$2" >/dev/null; }
run() {
  local name=$1 path=$2 out c0 c1
  if [ -n "${WARMING:-}" ]; then warm "$warmup" "$path"; return; fi
  curl -fs -o /dev/null "http://127.0.0.1:$port$path" -H "Authorization: Bearer $center" || { echo "$name: request failed" >&2; return 1; }
  warm 5s "$path"
  c0=$(cpu)
  out=$(wrk -t2 -c8 -d"$duration" -s bench/percentiles.lua -H "Authorization: Bearer $center" "http://127.0.0.1:$port$path")
  c1=$(cpu)
  printf '%-46s %8s req/s   p50/p95/p99 ms %-26s web CPU %s ms/request\n' "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1 == "percentiles-ms" {print $2 " / " $3 " / " $4}')" \
    "$(echo "$out" | awk -v c="$((c1 - c0))" '/requests in/ {printf "%.2f", c * 10 / $1}')"
}

echo "provider=$provider records=$([ -n "${KEEP:-}" ] && echo "(kept county)" || echo "$records") warm-up=$warmup duration=$duration wrk -t2 -c8 load: $(cut -d' ' -f1-3 /proc/loadavg)"
q="orgUnitId=$county"
routes() {
run "overview (this month)" "/api/v1/stats/overview?$q"
run "ranking: 500 villages by hours" "/api/v1/stats/ranking?$q&level=village&indicator=hours"
run "trend: hours, 12 months" "/api/v1/stats/trend?$q&indicator=hours&months=12"
# The stocks, rolled up since ADR 0066 (they were counted per request before), and volunteers active, a distinct
# count rolled up by first days since ADR 0068 (this month and the trend read the roll-up).
run "ranking: villages by volunteersRegistered" "/api/v1/stats/ranking?$q&level=village&indicator=volunteersRegistered"
run "ranking: villages by volunteersActive" "/api/v1/stats/ranking?$q&level=village&indicator=volunteersActive"
run "ranking: villages by teams" "/api/v1/stats/ranking?$q&level=village&indicator=teams"
run "trend: volunteersRegistered, 12 months" "/api/v1/stats/trend?$q&indicator=volunteersRegistered&months=12"
run "trend: volunteersActive, 12 months" "/api/v1/stats/trend?$q&indicator=volunteersActive&months=12"
}
WARMING=1 routes
routes
kill "$web" 2>/dev/null || true

# The plain count queries on the same database, for comparison: the county's service records of this month, and
# all of them (count and sum), as a recount per request would read them.
month=$(TZ=Asia/Shanghai date +%Y-%m-01)
sql=(
  "SELECT COUNT(*), SUM(\"Minutes\") FROM \"vol_service_records\" WHERE \"CountyId\" = $county AND \"Status\" = 'Confirmed' AND \"ServiceDate\" >= '$month'"
  "SELECT COUNT(*), SUM(\"Minutes\") FROM \"vol_service_records\" WHERE \"CountyId\" = $county AND \"Status\" = 'Confirmed'"
  "SELECT COUNT(*) FROM \"vol_volunteers\" WHERE \"CountyId\" = $county AND \"Status\" = 'Approved'"
)
for s in "${sql[@]}"; do
  if [ "$provider" = postgres ]; then
    t=$(psql "$(echo "$2" | sed -E 's/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Database=/dbname=/; s/;/ /g')" -qAt \
      -c '\timing on' -c "$s" -c "$s" | awk '/^Time:/ {v=$2} END {print v " ms"}')
  else
    t=$(printf "%s;\n%s;\n" "$s" "$s" | sqlite3 -cmd ".timer on" "$data/wenming.db" | awk '/^Run Time/ {v=$4} END {printf "%.1f ms", v*1000}')
  fi
  printf 'plain SQL (2nd run) %8s   %s\n' "$t" "$s"
done
