#!/usr/bin/env bash
# Start-up time to the first answer (issue 19).
#
#   bench/startup.sh [runs]            Production, migrated SQLite database, no demo data: publishes Release
#                                      (ReadyToRun, as docs/operations.md deploys it), migrates a fresh database
#                                      once, then starts the host <runs> times (default 7) and prints, per run and
#                                      as median/min/max, the milliseconds from process start to the first 200
#                                      from /readyz and then from the sign-in page /account/login (the first page
#                                      pays for its Razor view and the layout).
#   bench/startup.sh demo [runs]       The README's run command (`./run.sh`: Debug, Development, demo seeding on) on
#                                      an empty data folder: milliseconds to the first 200 of /account/login, and to
#                                      the demo logins being printed. One untimed run first builds the tree if needed
#                                      (a first build is not start-up); the timed runs then make the script's own
#                                      up-to-date check, as typed. COMMAND times another command the same way, e.g.
#                                      COMMAND="dotnet run --project src/Wenming.Web" (restore and up-to-date check
#                                      on every start) or COMMAND="dotnet run --project src/Wenming.Web --no-build".
#
# Environment: TRACE=1 adds --Startup:Trace=true and prints the last start's phases (wall/CPU ms since process
# start: configuration, services, built, mapped, ef model, migrations, database ready, listening, first answer).
# Other settings pass as environment variables, e.g. Startup__WarmUp=false (ADR 0067) or DOTNET_TieredPGO=0.
# PORT (default 5104), DATA (default a fresh folder under /tmp), WEB (an already published folder
# to time instead of publishing; the "before" numbers of bench/results.md use a plain `dotnet build -c Release`
# output here), PROVIDER=postgres with CONN (an empty database) to time PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=prod
if [ "${1:-}" = demo ]; then mode=demo; shift; fi
runs=${1:-7}
port=${PORT:-5104}
data=${DATA:-$(mktemp -d /tmp/wenming-startup.XXXXXX)}
mkdir -p "$data"
url="http://127.0.0.1:$port"

now_ms() { date +%s%3N; }
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null || true' EXIT
# Polls $1 until it answers 200; prints nothing, returns when it did (or fails after TIMEOUT_S, default 600 s).
wait_200() {
  local deadline=$(($(now_ms) + ${TIMEOUT_S:-600} * 1000))
  # Production redirects and refuses plain HTTP pages: the request comes as through the TLS proxy.
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'X-Forwarded-Proto: https' "$1" 2>/dev/null)" = 200 ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "no 200 from $1 within ${TIMEOUT_S:-600} s" >&2; return 1; }
    sleep 0.02
  done
}
# CPU time (user + system, ms) the process has used so far: on a shared machine the wall time is noise,
# the CPU time to the first answer much less so (mostly JIT).
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }
stats() { # prints "median min max" of the numbers on stdin
  sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2); print m, a[1], a[NR]}'
}

if [ "$mode" = demo ]; then
  read -r -a command <<<"${COMMAND:-./run.sh}"
  : >"$data/demo.txt"
  for i in $(seq 0 "$runs"); do
    rm -rf "$data/run" && mkdir -p "$data/run"
    start=$(now_ms)
    # As the README runs it (Development, demo seeding), on an empty data folder. Run 0 builds what needs building.
    "${command[@]}" --urls "$url" --Data:Directory="$data/run" ${TRACE:+--Startup:Trace=true} >"$data/run.log" 2>&1 &
    pid=$!
    wait_200 "$url/account/login"
    page=$(($(now_ms) - start))
    until grep -q 'Wenming@2026' "$data/run.log"; do sleep 0.05; done
    logins=$(($(now_ms) - start))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    if [ "$i" = 0 ]; then echo "run 0 (untimed, builds if needed): first page $page ms"; continue; fi
    echo "run $i: first page $page ms, demo logins printed $logins ms"
    echo "$page $logins" >>"$data/demo.txt"
  done
  read -r m lo hi < <(cut -d' ' -f1 "$data/demo.txt" | stats)
  echo "first page (ms):           median $m  min $lo  max $hi"
  read -r m lo hi < <(cut -d' ' -f2 "$data/demo.txt" | stats)
  echo "demo logins printed (ms):  median $m  min $lo  max $hi"
  exit 0
fi

web=${WEB:-}
if [ -z "$web" ]; then
  web="$data/web"
  dotnet publish src/Wenming.Web -c Release -r linux-x64 -nologo -v quiet -o "$web" >/dev/null
fi
args=(--urls "$url" --Data:Directory="$data" --Security:PiiKey="$(head -c 32 /dev/urandom | base64)" --Demo:Seed=false
  --Network:TrustedProxies=127.0.0.1)
[ -z "${TRACE:-}" ] || args+=(--Startup:Trace=true)
if [ "${PROVIDER:-sqlite}" = postgres ]; then
  args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$CONN")
fi
# Started from its own folder, as docs/operations.md deploys it: that folder is the content root, whose
# appsettings.json is read and which the configuration's file watcher watches (from the repository's root it would
# watch ~1,000 folders and read no appsettings.json).
host() { (cd "$web" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Wenming.Web.dll "${args[@]}" "$@" >>"$data/web.log" 2>&1) & }

# Once: a fresh database, migrated (and its PII key fingerprint stored) by a first start.
host; pid=$!
wait_200 "$url/readyz"; kill "$pid"; wait "$pid" 2>/dev/null || true

: >"$data/times.txt"
for i in $(seq "$runs"); do
  logged=$(wc -l <"$data/web.log")
  start=$(now_ms)
  host; pid=$!
  wait_200 "$url/readyz"
  ready=$(($(now_ms) - start)); ready_cpu=$(cpu_ms "$pid")
  wait_200 "$url/account/login"
  login=$(($(now_ms) - start)); login_cpu=$(cpu_ms "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: /readyz $ready ms (CPU $ready_cpu ms), /account/login $login ms (CPU $login_cpu ms)"
  [ -z "${TRACE:-}" ] || tail -n +$((logged + 1)) "$data/web.log" | grep 'startup-trace' || true
  echo "$ready $login $ready_cpu $login_cpu" >>"$data/times.txt"
done
for col in "1 /readyz wall" "2 /account/login wall" "3 /readyz CPU" "4 /account/login CPU"; do
  set -- $col
  read -r m lo hi < <(cut -d' ' -f"$1" "$data/times.txt" | stats)
  printf '%-26s median %6s  min %6s  max %6s\n' "$2 $3 (ms):" "$m" "$lo" "$hi"
done
