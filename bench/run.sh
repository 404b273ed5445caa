#!/usr/bin/env bash
# Load test of the scoped read paths at county scale. Generates the 基准县 (50,000 people, 520 units)
# into a fresh database, starts the web host in Production mode on 127.0.0.1, and runs wrk against
# a few endpoints as a county admin (scope: the whole county) and as a station admin (scope: one
# village of 100 people among 50,000). Prints one line per scenario.
#
#   bench/run.sh sqlite
#   bench/run.sh postgres "Host=127.0.0.1;Port=55440;Username=postgres;Database=wm_bench"   (database must exist, empty)
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
duration=${DURATION:-10s}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

data=$(mktemp -d /tmp/wenming-bench.XXXXXX)
args=(--Data:Directory="$data" --Security:PiiKey="$(head -c 32 /dev/urandom | base64)")
if [ "$provider" = postgres ]; then
  args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$2")
fi

dotnet build bench/Wenming.Bench.DataGen -c Release -nologo -v quiet -o "$data/gen" >/dev/null
dotnet build src/Wenming.Web -c Release -nologo -v quiet -o "$data/web" >/dev/null
dotnet "$data/gen/Wenming.Bench.DataGen.dll" "${args[@]}" | tail -n 1

port=5099
ASPNETCORE_ENVIRONMENT=Production dotnet "$data/web/Wenming.Web.dll" --urls "http://127.0.0.1:$port" "${args[@]}" \
  --Demo:Seed=false --Logging:LogLevel:Default=Warning --RateLimits:SignInPerMinutePerAddress=1000 >"$data/web.log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

token() {
  curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"Wenming@2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}
center=$(token bench-center)
village=$(token bench-village)
me() { curl -fs "http://127.0.0.1:$port/api/v1/me" -H "Authorization: Bearer $1"; }
county_id=$(me "$center" | sed -E 's/.*"orgUnitId":([0-9]+).*/\1/')
township_id=$(curl -fs "http://127.0.0.1:$port/api/v1/org-units/$county_id/children?pageSize=1" -H "Authorization: Bearer $center" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
person_id=$(curl -fs "http://127.0.0.1:$port/api/v1/people?pageSize=1&q=%E7%8E%8B" -H "Authorization: Bearer $center" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')

run() {
  local name=$1 tok=$2 path=$3
  local out
  out=$(wrk -t2 -c8 -d"$duration" --latency -H "Authorization: Bearer $tok" "http://127.0.0.1:$port$path")
  printf '%-44s %10s req/s   p50 %8s   p99 %8s\n' "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1 == "50%" {print $2}')" \
    "$(echo "$out" | awk '$1 == "99%" {print $2}')"
}

echo "provider=$provider duration=$duration wrk -t2 -c8"
run "GET /me (account re-read per request)" "$center" "/api/v1/me"
run "GET /org-units/{county}/children" "$center" "/api/v1/org-units/$county_id/children"
run "GET /people/{id} (county admin)" "$center" "/api/v1/people/$person_id"
run "GET /people?orgUnitId={township} (2,500)" "$center" "/api/v1/people?orgUnitId=$township_id"
run "GET /people?q=王 (county, name LIKE)" "$center" "/api/v1/people?q=%E7%8E%8B"
run "GET /people (station admin: 100 of 50,000)" "$village" "/api/v1/people"
