#!/usr/bin/env bash
# A redemption rush (issue 19): fresh database with the demo county, one goods on the county's shelf with
# STOCK items at PRICE points, every resident of the county given POINTS points; then wrk (THREADS threads,
# CONNECTIONS connections, DURATION) fires POST /api/v1/market/redemptions from outside as the county center
# at the counter, rotating the person and sending a fresh Idempotency-Key each time (bench/redeem.lua).
# Afterwards it checks in the database that the stock sold is exactly what succeeded (all of it when the
# stock ran out), that stock + sold = STOCK, that the points spent are sold × PRICE, and that every balance
# equals its ledger and every stock its movements.
# Before the measured run a warm-up (WARMUP, default 20s, 0 to skip) fires the same requests at a second goods
# with WARMUP_STOCK items (default 100,000, so every warm-up request succeeds and the success path is warm; the
# sold-out path is warmed by the measured run's own first seconds): a 5 s warm-up on 200 items left the JIT
# still compiling the success path during the measurement.
#
#   bench/redeem.sh sqlite
#   bench/redeem.sh postgres "Host=127.0.0.1;Port=55440;Username=postgres;Database=wm_redeem"   (database must exist, empty)
#   STOCK=100000 DURATION=10s bench/redeem.sh sqlite        (enough stock for all: successful redemptions/s)
#   REQUESTS=1000 DURATION=5s bench/redeem.sh postgres …     (1,000 answers in all, a tenth of them successes; -d is a limit)
#   WEB=/tmp/redeem/web bench/redeem.sh …                     (reuse a Release build in that folder)
#   DATA=/tmp/redeem-data bench/redeem.sh sqlite               (keep the seeded database there; later runs reuse it)
#   TRACE=/tmp/rush.nettrace bench/redeem.sh sqlite            (also a dotnet-trace thread-time sample of the rush)
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
stock=${STOCK:-100}
price=${PRICE:-1}
points=${POINTS:-100000}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-50}
threads=${THREADS:-2}
port=${PORT:-5103}
warmup=${WARMUP:-20s}
warmup_stock=${WARMUP_STOCK:-100000}
limit=${REQUESTS:-0}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

data=$(mktemp -d "${BENCH_TMP:-/tmp}/wenming-redeem.XXXXXX")
# DATA=<folder>: the data folder (SQLite database, PII key) is kept there and reused by the next run, whose host then
# starts on the county seeded before instead of seeding it again (minutes on a loaded machine).
store=${DATA:-$data/data}
mkdir -p "$store"
[ -f "$store/pii.key" ] || head -c 32 /dev/urandom | base64 >"$store/pii.key"
args=(--Data:Directory="$store" --Security:PiiKey="$(cat "$store/pii.key")")
if [ "$provider" = postgres ]; then
  args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$2")
  # psql from the Npgsql connection string (Host, Port, Username, Password, Database).
  psql_env=()
  IFS=';' read -ra parts <<<"$2"
  for part in "${parts[@]}"; do
    case "${part%%=*}" in
      Host) psql_env+=("PGHOST=${part#*=}") ;;
      Port) psql_env+=("PGPORT=${part#*=}") ;;
      Username) psql_env+=("PGUSER=${part#*=}") ;;
      Password) psql_env+=("PGPASSWORD=${part#*=}") ;;
      Database) psql_env+=("PGDATABASE=${part#*=}") ;;
    esac
  done
  q() { env "${psql_env[@]}" psql -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
  at="2026-01-01 00:00:00+00"
else
  q() { sqlite3 "$store/wenming.db" "$1"; }
  at="2026-01-01 00:00:00"
fi

web=${WEB:-$data/web}
[ -f "$web/Wenming.Web.dll" ] || dotnet build src/Wenming.Web -c Release -nologo -v quiet -o "$web" >/dev/null

ASPNETCORE_ENVIRONMENT=Production dotnet "$web/Wenming.Web.dll" --urls "http://127.0.0.1:$port" "${args[@]}" \
  --Demo:Seed=true --Jobs:Enabled=false --Logging:LogLevel:Default=Warning --RateLimits:SignInPerMinutePerAddress=1000 >"$data/web.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
# A host that stops at start (a refused database, a wrong key) ends the wait at once instead of after TIMEOUT_S.
for _ in $(seq "${TIMEOUT_S:-900}"); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "the host did not start: $data/web.log" >&2; cat "$data/web.log" >&2; exit 1; }

base="http://127.0.0.1:$port/api/v1"
token=$(curl -fs -X POST "$base/auth/token" -H 'content-type: application/json' \
  -d '{"login":"center","password":"Wenming@2026"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/') || true
county=$(curl -fs "$base/me" -H "Authorization: Bearer $token" | sed -E 's/.*"orgUnitId":([0-9]+).*/\1/')
new_goods() { # name stock → id
  curl -fs -X POST "$base/market/goods" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
    -d "{\"orgUnitId\":$county,\"name\":\"$1\",\"pricePoints\":$price,\"stock\":$2}" | sed -E 's/^\{"id":([0-9]+).*/\1/'
}
goods=$(new_goods 压测商品 "$stock")

[ -n "$token" ] && [ -n "$county" ] && [ -n "$goods" ] || { echo "sign-in or goods failed (token '$token', county '$county', goods '$goods')" >&2; exit 1; }

# Points for every resident of the county: one Award row each, as the ledger would write it.
q "INSERT INTO pts_accounts (\"PersonId\", \"OrgUnitId\", \"CountyId\", \"Balance\", \"Earned\", \"Version\", \"UpdatedAt\")
   SELECT p.\"Id\", p.\"OrgUnitId\", p.\"CountyId\", 0, 0, 0, '$at' FROM ppl_people p
   WHERE p.\"CountyId\" = $county AND NOT EXISTS (SELECT 1 FROM pts_accounts a WHERE a.\"PersonId\" = p.\"Id\");
   INSERT INTO pts_transactions (\"AccountId\", \"PersonId\", \"OrgUnitId\", \"CountyId\", \"Amount\", \"Kind\", \"SourceKey\", \"Reason\", \"BalanceAfter\", \"EarnedAfter\", \"ByName\", \"At\")
   SELECT a.\"Id\", a.\"PersonId\", a.\"OrgUnitId\", a.\"CountyId\", $points, 'Award', 'bench:$(date +%s):' || a.\"PersonId\", '压测积分', a.\"Balance\" + $points, a.\"Earned\" + $points, 'bench', '$at'
   FROM pts_accounts a WHERE a.\"CountyId\" = $county;
   UPDATE pts_accounts SET \"Balance\" = \"Balance\" + $points, \"Earned\" = \"Earned\" + $points WHERE \"CountyId\" = $county;"
people=$(q "SELECT \"PersonId\" FROM pts_accounts WHERE \"CountyId\" = $county ORDER BY \"PersonId\"" | paste -sd,)
# Requests still in flight when wrk stopped finish on the server: wait until the count stands still.
settle() { local last=-1; while [ "$(q "SELECT COUNT(*) FROM mkt_redemptions WHERE \"GoodsId\" = $1")" != "$last" ]; do last=$(q "SELECT COUNT(*) FROM mkt_redemptions WHERE \"GoodsId\" = $1"); sleep 2; done; }

if [ "$warmup" != 0 ]; then
  warm=$(new_goods 预热商品 "$warmup_stock")
  THREADS=$threads REQUESTS=0 PEOPLE=$people GOODS=$warm TOKEN=$token RUN=warm-$(date +%s) \
    wrk -t"$threads" -c"$connections" -d"$warmup" --timeout 30s -s bench/redeem.lua "$base/market/redemptions" >"$data/warmup.txt"
  settle "$warm"
  echo "warm-up: $(sed -nE 's/^answers (.*)/\1/p' "$data/warmup.txt") in $warmup on a second goods ($warmup_stock in stock)"
fi
balance_before=$(q "SELECT SUM(\"Balance\") FROM pts_accounts")
# The web process's CPU time (user + system) around the rush: CPU ms per request is what a loaded machine disturbs least.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$pid/stat"; }
cpu_before=$(cpu_ms)
# TRACE=<file>.nettrace: a dotnet-trace sample of the web process during the rush (and <file>.speedscope.json).
if [ -n "${TRACE:-}" ]; then
  dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --format Speedscope \
    --duration "00:00:00:$(( ${duration%s} > 3 ? ${duration%s} - 2 : 1 ))" -o "$TRACE" >"$data/trace.log" 2>&1 &
fi

out=$(THREADS=$threads REQUESTS=$limit PEOPLE=$people GOODS=$goods TOKEN=$token RUN=$(date +%s) \
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout 30s --latency -s bench/redeem.lua "$base/market/redemptions")
settle "$goods"
cpu_after=$(cpu_ms)

sold=$(q "SELECT COUNT(*) FROM mkt_redemptions WHERE \"GoodsId\" = $goods")
left=$(q "SELECT \"Stock\" FROM mkt_goods WHERE \"Id\" = $goods")
spent=$(( balance_before - $(q "SELECT SUM(\"Balance\") FROM pts_accounts") ))
created=$(echo "$out" | sed -nE 's/^answers created=([0-9]+).*/\1/p')
other=$(echo "$out" | sed -nE 's/.* other=([0-9]+)$/\1/p')
requests=$(echo "$out" | sed -nE 's/^ *([0-9]+) requests in .*/\1/p')
if [ "$limit" = 0 ]; then
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  seconds=$(echo "$out" | sed -nE 's/^ *[0-9]+ requests in ([0-9.]+)s.*/\1/p')
else
  # wrk waits out -d even when every thread stopped early, so its req/s is over -d. The rate is then the
  # connections over the mean latency (Little's law), and the seconds the requests over that rate.
  rate=$(echo "$out" | awk -v c="$connections" '$1 == "Latency" && $2 ~ /^[0-9]/ {v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u);
    ms = u == "us" ? v / 1000 : u == "s" ? v * 1000 : v; printf "%.2f", c * 1000 / ms; exit}')
  seconds=$(echo "$requests / $rate" | bc -l)
fi
printf '%s stock=%s wrk -t%s -c%s -d%s: %s requests, %s req/s, p50 %s, p99 %s; %s created (%.0f/s), %s other\n' \
  "$provider" "$stock" "$threads" "$connections" "$duration" "$requests" "$rate" \
  "$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
  "$created" "$(echo "$created / $seconds" | bc -l)" "$other"
echo "web process CPU: $(echo "$cpu_after $cpu_before $requests" | awk '{printf "%.2f", ($1 - $2) / $3}') ms per request (load average $(cut -d' ' -f1-3 /proc/loadavg))"

fail=0
check() { if [ "$2" = "$3" ]; then echo "ok   $1 ($2)"; else echo "FAIL $1: $2, expected $3"; fail=1; fi; }
# The server may finish a few requests that wrk had sent but stopped waiting for.
[ "$sold" -ge "$created" ] && [ "$sold" -le $((created + connections)) ] || { echo "FAIL sold $sold but wrk saw $created created"; fail=1; }
if [ "$left" = 0 ]; then check "sold = stock (ran out)" "$sold" "$stock"; fi
check "stock left + sold = stock" $((left + sold)) "$stock"
check "points spent = sold × price" "$spent" $((sold * price))
check "answers other than 201/409" "$other" 0
check "redemption movements = sold" "$(q "SELECT COUNT(*) FROM mkt_stock_movements WHERE \"GoodsId\" = $goods AND \"Source\" = 'Redemption'")" "$sold"
# Counted over all goods: the demo county already holds redemptions of other goods, each with its own posting.
check "redemption postings = redemptions" "$(q "SELECT COUNT(*) FROM pts_transactions WHERE \"Kind\" = 'Redemption'")" "$(q "SELECT COUNT(*) FROM mkt_redemptions")"
check "stock = sum of movements" "$(q "SELECT SUM(\"Quantity\") FROM mkt_stock_movements WHERE \"GoodsId\" = $goods")" "$left"
check "accounts off their ledger" "$(q "SELECT COUNT(*) FROM pts_accounts a WHERE a.\"Balance\" < 0 OR a.\"Balance\" <> (SELECT SUM(t.\"Amount\") FROM pts_transactions t WHERE t.\"PersonId\" = a.\"PersonId\")")" 0
exit $fail
