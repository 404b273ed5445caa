-- wrk script for bench/redeem.sh: POST /api/v1/market/redemptions as counter staff, rotating the person
-- (PEOPLE, comma-separated ids) and sending a fresh Idempotency-Key with every request; counts the answers
-- by status so the script can check them against the database afterwards.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  people = {}
  for id in string.gmatch(os.getenv("PEOPLE"), "[^,]+") do
    table.insert(people, id)
  end
  goods = os.getenv("GOODS")
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
  }
  run = os.getenv("RUN")
  -- How many threads take turns (THREADS, from bench/redeem.sh). Each thread runs in a Lua state of its own, where
  -- this file's `threads` is empty: until 2026-12-05 request() counted that, 0, so each thread redeemed for one person.
  count = tonumber(os.getenv("THREADS"))
  sent, created, conflict, other = 0, 0, 0, 0
  -- REQUESTS=n: the thread stops once it has its share of n answers (wrk's -d is then only an upper bound).
  quota = math.ceil(tonumber(os.getenv("REQUESTS") or "0") / count)
end

function request()
  sent = sent + 1
  -- The threads take turns through the people, so that concurrent requests mostly lock different accounts.
  local person = people[((sent * count + id) % #people) + 1]
  headers["Idempotency-Key"] = run .. "-" .. id .. "-" .. sent
  return wrk.format("POST", "/api/v1/market/redemptions", headers, '{"goodsId":' .. goods .. ',"personId":' .. person .. ',"quantity":1}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    conflict = conflict + 1
  else
    other = other + 1
    if other <= 3 then
      io.stderr:write("unexpected " .. status .. ": " .. body .. "\n")
    end
  end
  if quota > 0 and created + conflict + other >= quota then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local c, x, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    x = x + t:get("conflict")
    o = o + t:get("other")
  end
  io.write(string.format("answers created=%d conflict=%d other=%d\n", c, x, o))
end
