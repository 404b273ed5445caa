#!/usr/bin/env bash
# Scaling study (issue 19, docs/scaling.md): does a county's read cost stay flat as counties are added?
# For 1, 2 and 4 counties of the same shape (20 townships × 25 villages, PEOPLE per village), generates a
# fresh database, starts the platform and runs wrk on the station-admin and county-admin reads, as the first
# county's admins and as the last county's. Prints req/s per county count.
#
#   bench/counties.sh sqlite
#   bench/counties.sh postgres "Host=127.0.0.1;Port=55440;Username=postgres"   (a server; creates wm_counties_1, _2, _4 with psql)
# Environment: DURATION (default 10s), WARMUP (per route before measuring, default 5s, not counted; 0 to skip),
# SETTLE (after each start, the first route run unmeasured before any other, default 30s; 0 to skip),
# PEOPLE (per village, default 40: 20,000 per county), COUNTIES ("1 2 4"), PLATFORM_PORT (5105), TMPDIR (where the
# data goes), WEB (an already built or published web host folder to time instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
duration=${DURATION:-10s}
people=${PEOPLE:-40}
port=${PLATFORM_PORT:-5105}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

root=$(mktemp -d "${TMPDIR:-/tmp}/wenming-counties.XXXXXX")
web=
trap '[ -n "$web" ] && kill $web 2>/dev/null; rm -rf "$root"' EXIT
dotnet build bench/Wenming.Bench.DataGen -c Release -nologo -v quiet -o "$root/gen" >/dev/null
webdir=${WEB:-$root/web}
[ -n "${WEB:-}" ] || dotnet build src/Wenming.Web -c Release -nologo -v quiet -o "$webdir" >/dev/null
warmup=${WARMUP:-5s}

# req/s; marked "!" when some answers were not 2xx/3xx (then the number measures errors, not the route).
# The route is first run for WARMUP unmeasured: the first route measured after a start would otherwise pay for the JIT.
rps() {
  [ "$warmup" = 0 ] || wrk -t2 -c8 -d"$warmup" "$@" >/dev/null
  wrk -t2 -c8 -d"$duration" "$@" | awk '/Non-2xx/ {bad = "!"} /Requests\/sec/ {r = $2} END {print r bad}'
}
token() {
  curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"Wenming@2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

echo "provider=$provider duration=$duration wrk -t2 -c8 people/village=$people $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD)"
printf '%8s %9s %16s %16s %16s %16s %16s\n' counties people "station /people" "station(last)" "county /people/id" "county township" "county(last) id"
for n in ${COUNTIES:-1 2 4}; do
  data="$root/c$n"
  mkdir -p "$data"
  args=(--Data:Directory="$data" --Security:PiiKey="$(head -c 32 /dev/urandom | base64)")
  if [ "$provider" = postgres ]; then
    server=$2
    host=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$server"); pgport=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$server")
    user=$(sed -E 's/.*Username=([^;]+).*/\1/' <<<"$server")
    psql -q -h "$host" -p "$pgport" -U "$user" -d postgres -c "drop database if exists wm_counties_$n" -c "create database wm_counties_$n" >/dev/null
    args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$server;Database=wm_counties_$n")
  fi

  dotnet "$root/gen/Wenming.Bench.DataGen.dll" "${args[@]}" --Bench:Counties="$n" --Bench:PeoplePerVillage="$people" >"$data/gen.log"
  ASPNETCORE_ENVIRONMENT=Production dotnet "$webdir/Wenming.Web.dll" --urls "http://127.0.0.1:$port" "${args[@]}" \
    --Demo:Seed=false --Logging:LogLevel:Default=Warning --RateLimits:SignInPerMinutePerAddress=1000 >"$data/web.log" 2>&1 &
  web=$!
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

  last=$([ "$n" = 1 ] && echo "" || echo "-$n")
  center=$(token bench-center); village=$(token bench-village); center_last=$(token "bench-center$last"); village_last=$(token "bench-village$last")
  auth() { echo "Authorization: Bearer $1"; }
  county_id=$(curl -fs "http://127.0.0.1:$port/api/v1/me" -H "$(auth "$center")" | sed -E 's/.*"orgUnitId":([0-9]+).*/\1/')
  township_id=$(curl -fs "http://127.0.0.1:$port/api/v1/org-units/$county_id/children?pageSize=1" -H "$(auth "$center")" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
  person() { curl -fs "http://127.0.0.1:$port/api/v1/people?pageSize=1&q=%E7%8E%8B" -H "$(auth "$1")" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/'; }
  person_id=$(person "$center"); person_last=$(person "$center_last")
  # A host's first seconds under load answer slower (with one county and a 5 s warm-up, the same login's list came out
  # at 2,345 req/s as the first route measured and 6,575 as the second; 8,509 after 30 s), so the host settles first.
  [ "${SETTLE:-30s}" = 0 ] || wrk -t2 -c8 -d"${SETTLE:-30s}" -H "$(auth "$village")" "http://127.0.0.1:$port/api/v1/people" >/dev/null

  printf '%8s %9s %16s %16s %16s %16s %16s\n' "$n" "$((n * 500 * people))" \
    "$(rps -H "$(auth "$village")" "http://127.0.0.1:$port/api/v1/people")" \
    "$(rps -H "$(auth "$village_last")" "http://127.0.0.1:$port/api/v1/people")" \
    "$(rps -H "$(auth "$center")" "http://127.0.0.1:$port/api/v1/people/$person_id")" \
    "$(rps -H "$(auth "$center")" "http://127.0.0.1:$port/api/v1/people?orgUnitId=$township_id")" \
    "$(rps -H "$(auth "$center_last")" "http://127.0.0.1:$port/api/v1/people/$person_last")"
  kill "$web"; wait "$web" 2>/dev/null || true; web=
done
