-- wrk prints the 50/75/90/99th percentiles; issue 12's goal is the 95th: print all three in ms.
done = function(summary, latency, requests)
  io.write(string.format("percentiles-ms %.2f %.2f %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
