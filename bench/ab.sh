#!/usr/bin/env bash
# An A/B of two platform builds, or of one build under two environments, side by side (issue 19, ADR 0090). Both run
# at once in Production on one database (the demo county plus the 基准县, generated fresh), and per route wrk
# alternates between them ROUNDS times, so that the machine's drift from minute to minute falls on both alike.
# Prints per route the median of the rounds' ratios B/A, each round's ratio, both sides' req/s, and the KiB each side
# allocates per request (a 2 s run after the rounds; it does not move with the machine's speed).
#
#   bench/ab.sh "<A folder> [VAR=value…]" "<B folder> [VAR=value…]" [route…]
#   bench/ab.sh /tmp/s1 "/tmp/s1 DOTNET_GCgen0size=0x4000000" me goods
#   CONN="Host=127.0.0.1;Port=55440;Username=postgres;Database=wm_ab" bench/ab.sh …   PostgreSQL (empty database first)
#
# A folder is a Release build or publish of src/Wenming.Web; VAR=value pairs are set in that side's environment only.
# Routes: me person people goods board (default: all), as bench/compare.sh names them.
# Environment: ROUNDS (default 5), DURATION (wrk -d per run, default 4s), WARMUP (per route and side, default 12s),
# A_PORT (5105), B_PORT (5106), TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,14p' "$0" >&2; exit 1; }
read -r -a side_a <<<"$1"
read -r -a side_b <<<"$2"
shift 2
wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(me person people goods board)
rounds=${ROUNDS:-5}
duration=${DURATION:-4s}
a_port=${A_PORT:-5105}
b_port=${B_PORT:-5106}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

data=$(mktemp -d "${TMPDIR:-/tmp}/wenming-ab.XXXXXX")
args=(--Data:Directory="$data" --Security:PiiKey="$(head -c 32 /dev/urandom | base64)")
if [ -n "${CONN:-}" ]; then args+=(--Database:Provider=Postgres "--ConnectionStrings:Wenming=$CONN"); fi
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

dotnet build bench/Wenming.Bench.DataGen -c Release -nologo -v quiet -o "$data/gen" >/dev/null
dotnet "$data/gen/Wenming.Bench.DataGen.dll" "${args[@]}" --Bench:Demo=true | tail -n 1

start() { # start <port> <folder> [VAR=value…]
  local port=$1 folder=$2
  shift 2
  env "$@" ASPNETCORE_ENVIRONMENT=Production dotnet "$folder/Wenming.Web.dll" --urls "http://127.0.0.1:$port" "${args[@]}" \
    --Demo:Seed=false --Logging:LogLevel:Default=Warning --RateLimits:SignInPerMinutePerAddress=1000 >"$data/web$port.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "no answer on $port: $(tail -n 3 "$data/web$port.log")" >&2
  exit 1
}
start "$a_port" "${side_a[@]}"
start "$b_port" "${side_b[@]}"

source bench/common.sh
sign_in_all "http://127.0.0.1:$a_port"

echo "A: ${side_a[*]}"
echo "B: ${side_b[*]}"
echo "provider=$([ -n "${CONN:-}" ] && echo postgres || echo sqlite) rounds=$rounds wrk -t2 -c8 -d$duration $(date -u +%Y-%m-%dT%H:%MZ)"
for name in "${wanted[@]}"; do
  login="" path=""
  for r in "${routes[@]}"; do
    IFS='|' read -r n l p <<<"$r"
    if [ "$n" = "$name" ]; then login=$l path=${p/PERSON/$person_id}; fi
  done
  [ -n "$path" ] || { echo "unknown route $name (me person people goods board)" >&2; exit 1; }
  auth="Authorization: Bearer ${token[$login]}"
  for port in "$a_port" "$b_port"; do wrk -t2 -c8 -d"${WARMUP:-12s}" -H "$auth" "http://127.0.0.1:$port$path" >/dev/null; done
  as=() bs=() ratios=()
  for _ in $(seq "$rounds"); do
    a=$(rps -H "$auth" "http://127.0.0.1:$a_port$path")
    b=$(rps -H "$auth" "http://127.0.0.1:$b_port$path")
    as+=("$a") bs+=("$b")
    ratios+=("$(awk -v a="${a%!}" -v b="${b%!}" 'BEGIN {printf "%.3f", b / a}')")
  done
  mark=""
  case "${as[*]} ${bs[*]}" in *'!'*) mark="!" ;; esac
  allocated="$(per_request platform_allocated "$a_port" -H "$auth" "http://127.0.0.1:$a_port$path")/$(per_request platform_allocated "$b_port" -H "$auth" "http://127.0.0.1:$b_port$path")"
  echo "$name  B/A median $(printf '%s\n' "${ratios[@]}" | median)$mark  rounds ${ratios[*]}  A ${as[*]}  B ${bs[*]}  KiB/request A/B $allocated"
done
