#!/usr/bin/env bash
# GovTrust load benchmark: starts the built server on loopback, provisions bench users and
# apps through GovTrust's own APIs, then drives the standard OIDC loads with the same load
# generators the Keycloak anchor used (../shared/bench-peers/keycloak: wrk + oidc.lua for the
# token endpoints, authcode.mjs for whole browser logins), and prints throughput and latency.
#
#   bench/run.sh                      # defaults: 100 users, 20 s per load, concurrency 8 and 32
#   DURATION=30 CONCURRENCIES="8 32" USER_COUNT=200 bench/run.sh
#   SCENARIOS="client_credentials userinfo" bench/run.sh   # a subset of the loads
#   SAVE_TO=/tmp/run1 bench/run.sh   # also keeps the table (results.tsv) and meta.txt there
#
# Needs: a JDK, wrk, jq, curl, node, python3 (apt-get install wrk jq curl nodejs). Loopback only.
# Before the server starts it measures the hashing floor (bench/HashCost.java: argon2id at the
# server's strength in this JVM, with Bouncy Castle from ~/.m2) and reports logins against it.
# The password grant of the Keycloak anchor does not exist here (OAuth 2.1 drops it); the
# token for the introspection and userinfo loads comes from one authorization-code login.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${PEERS:-$root/../shared/bench-peers/keycloak}"
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONCURRENCIES=${CONCURRENCIES:-"8 32"}
USER_COUNT=${USER_COUNT:-100}
SCENARIOS=${SCENARIOS:-"client_credentials introspect userinfo authcode"}
for scenario in $SCENARIOS; do
	case $scenario in client_credentials | introspect | userinfo | authcode) ;;
	*) echo "bench: unknown scenario '$scenario' (client_credentials introspect userinfo authcode)" >&2; exit 1 ;; esac
done
PORT=${PORT:-18180}
gt="http://127.0.0.1:$PORT"
redirect="http://127.0.0.1:18099/callback"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java" # the JDK the server runs on (bin/govtrust uses JAVA_HOME too)
for tool in "$java" wrk jq curl node python3; do command -v "$tool" > /dev/null || { echo "bench: $tool is missing" >&2; exit 1; }; done
[ -f "$peers/oidc.lua" ] && [ -f "$peers/authcode.mjs" ] || { echo "bench: load scripts not found in $peers (set PEERS)" >&2; exit 1; }
JAR=${JAR:-$root/server/target/govtrust.jar} # another build to compare with, e.g. JAR=/tmp/old.jar
[ -f "$JAR" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)

# the hashing floor first, on a quiet machine: one argon2id hash per password login, by each
# implementation the server may use (libsodium where the machine has it, else Bouncy Castle);
# the summary reports the one the server logged
m2="$HOME/.m2/repository"
bcprov="$m2/org/bouncycastle/bcprov-jdk18on/1.84/bcprov-jdk18on-1.84.jar"
hashcp="$bcprov:$m2/net/java/dev/jna/jna/5.19.1/jna-5.19.1.jar"
declare -A hashcost=()
[ -f "$bcprov" ] || echo "bench: no $bcprov (the versions here follow server/pom.xml): the hashing floor is not measured" >&2
for implementation in native java; do
	[ -f "$bcprov" ] || break
	echo "measuring the password-hash floor (argon2id, $implementation, in this JVM)" >&2
	hashcost[$implementation]=$("$java" --enable-native-access=ALL-UNNAMED -cp "$hashcp" "$root/bench/HashCost.java" \
		"$implementation" 40 2> /dev/null | grep HASHJSON | sed 's/^HASHJSON //') || true
done

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
# the SMS and sign-in limits guard real people; a bench from one address needs them wide open
args=(--server.port=$PORT --server.address=127.0.0.1
	--govtrust.sms.per-address[0].window=PT1H --govtrust.sms.per-address[0].max=1000000
	--govtrust.sms.per-address[1].window=PT24H --govtrust.sms.per-address[1].max=1000000
	--govtrust.login.address-failures=1000000 --govtrust.web.max-concurrent-requests=400)
# started as production starts it (bin/govtrust: unpacked jar, class cache, bounded heap); its
# one-off training start runs first, in a folder of its own, so the start measured is a first
# start on an empty database (schema and CA created), as Keycloak's anchor measures its own
mkdir train
(cd train && GOVTRUST_JAR="$JAR" GOVTRUST_RUN="$work/run" GOVTRUST_PREPARE_ONLY=1 "$root/bin/govtrust" "${args[@]}")
start_ms=$(date +%s%3N)
GOVTRUST_JAR="$JAR" GOVTRUST_RUN="$work/run" "$root/bin/govtrust" "${args[@]}" > server.log 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "$gt/.well-known/openid-configuration" > /dev/null && break; sleep 0.25; done
ready_ms=$(( $(date +%s%3N) - start_ms ))
# RSS once ready, before anything is provisioned: where Keycloak's anchor takes its idle figure
rss_idle=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
startup=$(grep -o "Started GovTrustApplication in [0-9.]* seconds" server.log | grep -o "[0-9.]*" | head -1)

jar="$work/cookies"
c() { curl -s --max-time 30 -c "$jar" -b "$jar" "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
outbox() { c "$gt/api/v1/simulator/sms-outbox?phone=$1" | json '[0]["code"]'; }

echo "provisioning: administrator, apps, $USER_COUNT users" >&2
# the bootstrap administrator is created once the application is ready, just after discovery
# answers; wait for it rather than guess (failed sign-ins would trip the lockouts)
for _ in $(seq 1 120); do grep -q "Created the bootstrap administrator" server.log && break; sleep 0.5; done
sleep 1 # the log line comes just before its transaction commits
c -H 'Content-Type: application/json' -d '{"loginName":"admin","password":"Console-Pass-2026"}' "$gt/api/v1/staff/login/password" > /dev/null
c -H 'Content-Type: application/json' -d "{\"code\":\"$(outbox 13800000000)\"}" "$gt/api/v1/staff/login/code" > /dev/null
xsrf() { awk '$6=="XSRF-TOKEN"{print $7}' "$jar" | tail -1; }
secret=$(c -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $(xsrf)" -d "{\"clientId\":\"bench-confidential\",\"name\":\"Bench\",\"department\":\"Bench\",\"redirectUris\":[\"$redirect\"],\"scopes\":[\"openid\"],\"confidential\":true}" "$gt/api/v1/staff/admin/clients" | json '["clientSecret"]')
c -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $(xsrf)" -d "{\"clientId\":\"bench-public\",\"name\":\"Bench\",\"department\":\"Bench\",\"redirectUris\":[\"$redirect\"],\"scopes\":[\"openid\"]}" "$gt/api/v1/staff/admin/clients" > /dev/null
{ echo "name,idNumber,phone,status"; python3 - "$USER_COUNT" <<'PY'
import sys
W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
for i in range(1, int(sys.argv[1]) + 1):
    body = "110101" + "1990%02d%02d" % (1 + i % 12, 1 + i % 28) + "%03d" % (i % 1000)
    print("测试用户,%s%s,1391234%04d," % (body, "10X98765432"[sum(int(c) * w for c, w in zip(body, W)) % 11], i))
PY
} > users.csv
# the import is an operator's job
c -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $(xsrf)" -d '{"loginName":"bench-operator","name":"测试","phone":"13700009999","password":"Load-Test-2026!","roles":["OPERATOR"]}' "$gt/api/v1/staff/admin/staff" > /dev/null
rm -f "$jar"
c -H 'Content-Type: application/json' -d '{"loginName":"bench-operator","password":"Load-Test-2026!"}' "$gt/api/v1/staff/login/password" > /dev/null
c -H 'Content-Type: application/json' -d "{\"code\":\"$(outbox 13700009999)\"}" "$gt/api/v1/staff/login/code" > /dev/null
accepted=$(c -H 'Content-Type: text/csv' -H "X-XSRF-TOKEN: $(xsrf)" --data-binary @users.csv "$gt/api/v1/staff/operator/imports" | json '["accepted"]')
[ "$accepted" = "$USER_COUNT" ] || { echo "bench: import accepted $accepted of $USER_COUNT" >&2; exit 1; }
rm -f "$jar"
tail -n +2 users.csv | while IFS=, read -r _ id phone _; do
	n=$((10#${phone: -4}))
	c -H 'Content-Type: application/json' -d "{\"idNumber\":\"$id\",\"phone\":\"$phone\"}" "$gt/api/v1/activations/sms-code" > /dev/null
	c -H 'Content-Type: application/json' -d "{\"idNumber\":\"$id\",\"code\":\"$(outbox "$phone")\",\"password\":\"$(printf 'bench-pass-%04d' "$n")\"}" "$gt/api/v1/activations/completion" > /dev/null
	rm -f "$jar"
done

# one browser login for the token the introspection and userinfo loads use
verifier="bench-verifier-0123456789-0123456789-0123456789"
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
c -H 'Content-Type: application/json' -d '{"identifier":"13912340001","password":"bench-pass-0001"}' "$gt/api/v1/login/password" > /dev/null
location=$(c -o /dev/null -w '%{redirect_url}' "$gt/oauth2/authorize?response_type=code&client_id=bench-public&scope=openid&state=s&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256")
code=$(printf '%s' "$location" | sed -E 's/.*[?&]code=([^&]+).*/\1/')
access=$(c -d grant_type=authorization_code -d client_id=bench-public -d "code=$code" -d "redirect_uri=$redirect" -d "code_verifier=$verifier" "$gt/oauth2/token" | json '["access_token"]')

basic="Basic $(printf '%s' "bench-confidential:$secret" | base64 -w0)"
results="$work/results.tsv"
printf 'scenario\tconc\tok/s\tp50 ms\tp99 ms\terrors\tserver cores\tserver CPU ms/op\n' > "$results"
# the server's CPU time (user + system) from /proc, to report cores used and CPU per operation
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
cpu_columns() { # ticks_before ticks_after seconds operations
	awk -v t="$ticks" -v d=$(( $2 - $1 )) -v s="$3" -v n="$4" \
		'BEGIN{printf "%.2f %.2f", d / t / s, (n > 0 ? 1000 * d / t / n : 0)}'
}
run_wrk() { # mode conc duration
	BENCH_MODE=$1 TOKEN_PATH=/oauth2/token INTROSPECT_PATH=/oauth2/introspect USERINFO_PATH=/userinfo \
	CLIENT_AUTH=basic CLIENT_AUTH_HEADER="$basic" ACCESS_TOKEN="$access" SCOPE="" \
	timeout $(( $3 + 30 )) wrk -t1 -c"$2" -d"$3s" --latency -s "$peers/oidc.lua" "$gt" | grep WRKJSON | sed 's/^WRKJSON //'
}
for scenario in client_credentials introspect userinfo; do
	[[ " $SCENARIOS " == *" $scenario "* ]] || continue
	run_wrk "$scenario" 8 "$WARMUP" > /dev/null
	for conc in $CONCURRENCIES; do
		before=$(cpu_ticks)
		r=$(run_wrk "$scenario" "$conc" "$DURATION")
		cpu=$(cpu_columns "$before" "$(cpu_ticks)" "$(jq '.duration_us / 1e6' <<< "$r")" "$(jq '.requests - .err_status' <<< "$r")")
		jq -r --arg s "$scenario" --arg c "$conc" --arg cores "${cpu% *}" --arg ms "${cpu#* }" '[$s, $c, ((.requests - .err_status) / (.duration_us / 1e6) | . * 10 | round / 10),
			(.lat_p50_us / 1000 | . * 10 | round / 10), (.lat_p99_us / 1000 | . * 10 | round / 10),
			(.err_connect + .err_read + .err_write + .err_status + .err_timeout), $cores, $ms] | @tsv' <<< "$r" >> "$results"
	done
done
run_authcode() { # conc duration
	AUTH_URL="$gt/oauth2/authorize" TOKEN_URL="$gt/oauth2/token" PUBLIC_CLIENT_ID=bench-public REDIRECT_URI="$redirect" \
		USER_PATTERN='1391234%04d' PASS_PATTERN='bench-pass-%04d' USER_COUNT=$USER_COUNT FORM_USER_FIELD=identifier \
		FORM_PASS_FIELD=password SCOPE=openid CONCURRENCY=$1 DURATION_S=$2 \
		timeout $(( $2 + 60 )) node "$peers/authcode.mjs" | grep AUTHCODEJSON | sed 's/^AUTHCODEJSON //'
}
# a discarded warm-up first, as for the other loads and as the anchor does before each scenario
read -r first_conc _ <<< "$CONCURRENCIES"
[[ " $SCENARIOS " != *" authcode "* ]] || run_authcode "$first_conc" "$WARMUP" > /dev/null
for conc in $CONCURRENCIES; do
	[[ " $SCENARIOS " == *" authcode "* ]] || continue
	before=$(cpu_ticks)
	r=$(run_authcode "$conc" "$DURATION")
	cpu=$(cpu_columns "$before" "$(cpu_ticks)" "$(jq '.duration_s' <<< "$r")" "$(jq '.logins_ok' <<< "$r")")
	jq -r --arg c "$conc" --arg cores "${cpu% *}" --arg ms "${cpu#* }" '["authcode", $c, .logins_per_s, .lat_p50_ms, .lat_p99_ms, .logins_failed, $cores, $ms] | @tsv' \
		<<< "$r" >> "$results"
	jq -c '.errors' <<< "$r" | grep -v '^{}$' >&2 || true
done
rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
echo
echo "GovTrust $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, java $("$java" -version 2>&1 | head -1 | grep -o '"[^"]*"')"
echo "start-up: ${startup:-?} s (Spring) / ${ready_ms} ms until discovery answered; RSS ${rss_idle} MiB once ready, ${rss} MiB after the loads"
echo "password hashing: argon2id m=7168 KiB t=5 p=1 (the Keycloak default); one hash per password login"
implementation=java
grep -q "Password hashing: argon2id by libsodium" "$work/server.log" && implementation=native
echo "the server hashed with $([ $implementation = native ] && echo libsodium || echo "Bouncy Castle's Java argon2")"
used=${hashcost[$implementation]:-}
if [ -n "$used" ]; then
	floor=$(jq -r '.hashes_per_s_all_threads' <<< "$used")
	echo "hash cost in this JVM: $(jq -r '.ms_per_hash' <<< "$used") ms a hash on one thread; $floor hashes/s on $(jq -r '.threads' <<< "$used") threads = the floor for password logins/s"
	[ -n "${hashcost[java]:-}" ] && [ $implementation = native ] && echo "(Bouncy Castle's Java argon2 in this JVM: $(jq -r '.ms_per_hash' <<< "${hashcost[java]}") ms a hash)"
	awk -F'\t' -v floor="$floor" 'BEGIN{OFS="\t"} NR==1{print $0, "of hash floor"; next} $1=="authcode"{print $0, sprintf("%.0f%%", 100*$3/floor); next} {print $0, ""}' "$results" > "$results.floor" && mv "$results.floor" "$results"
fi
column -t -s $'\t' "$results"
if [ -n "${SAVE_TO:-}" ]; then # for bench/compare.sh, or to keep a run: the table and the figures above
	mkdir -p "$SAVE_TO"
	cp "$results" "$SAVE_TO/results.tsv"
	printf 'ready_ms=%s startup_s=%s rss_idle_mib=%s rss_end_mib=%s hashing=%s\n' "$ready_ms" "${startup:-?}" "$rss_idle" "$rss" \
		"$implementation" > "$SAVE_TO/meta.txt"
fi
