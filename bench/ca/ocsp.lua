-- wrk script for bench/ca.sh: POSTs one pre-built DER OCSP request (OCSP_REQUEST, a file)
-- to the path given on the wrk URL, and prints one WRKJSON line with throughput and latency.
local path = os.getenv("OCSP_REQUEST")
local file = assert(io.open(path, "rb"), "OCSP_REQUEST not readable: " .. tostring(path))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/ocsp-request"

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,'
		.. '"max_us":%d,"errors":%d}\n',
		summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
		latency:percentile(99), latency.max, e.connect + e.read + e.write + e.status + e.timeout))
end
