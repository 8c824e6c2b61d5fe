-- wrk reporter: one JSON line with throughput and latency percentiles in milliseconds.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.2f,"errors":%d,"non2xx":%d,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"bytes":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.bytes))
end
