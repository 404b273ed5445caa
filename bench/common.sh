# Sourced by bench/compare.sh and bench/ab.sh (issue 19): the routes they time, signing in, and how a run is read.

# name|login|path, as issue 19 names them (why these: bench/README.md). PERSON stands for the person read's id.
routes=(
  "me|bench-center|/api/v1/me"
  "person|bench-center|/api/v1/people/PERSON"
  "people|bench-village|/api/v1/people"
  "goods|resident1|/api/v1/market/goods"
  "board|village1|/api/v1/orders/board"
)

# sign_in_all <base url>: token[<login>] for the routes' logins, and person_id (a person of the 基准县 named 王…).
declare -A token
sign_in_all() {
  local base=$1 login
  for login in bench-center bench-village resident1 village1; do
    token[$login]=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'content-type: application/json' \
      -d "{\"login\":\"$login\",\"password\":\"Wenming@2026\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  done
  person_id=$(curl -fs "$base/api/v1/people?pageSize=1&q=%E7%8E%8B" -H "Authorization: Bearer ${token[bench-center]}" \
    | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
}

# rps <wrk arguments…>: req/s of one run of wrk -t2 -c8 -d$duration; marked "!" when some answers were not 2xx/3xx
# (then the number measures errors, not the route).
rps() { wrk -t2 -c8 -d"$duration" "$@" | awk '/Non-2xx/ {bad = "!"} /Requests\/sec/ {r = $2} END {print r bad}'; }

# The median of the numbers on stdin, one per line.
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

# Bytes allocated per request (KiB) over a 2 s run, from the process's own counter (GC.GetTotalAllocatedBytes: the
# platform's /metrics, loopback only; the bare app's /_allocated). Allocation is work, and unlike req/s it does not
# move with the machine's speed.
platform_allocated() { curl -fs "http://127.0.0.1:$1/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ {print $2}'; }
bare_allocated() { curl -fs "http://127.0.0.1:$1/_allocated"; }
per_request() { # per_request <counter function> <port> <wrk arguments…>
  local counter=$1 port=$2 before requests after
  shift 2
  before=$($counter "$port")
  requests=$(wrk -t2 -c8 -d2s "$@" | awk '/requests in/ {print $1}')
  after=$($counter "$port")
  # A read that failed (empty) or did not move over 2 s of load (it always does) prints n/a, not a figure: compare.sh
  # printed 0.0 a few times (bench/results.md, 2026-12-06) and the cause was not found.
  awk -v a="$before" -v b="$after" -v n="$requests" \
    'BEGIN {if (a == "" || b == "" || n == "" || n == 0 || b <= a) print "n/a"; else printf "%.1f", (b - a) / n / 1024}'
}
