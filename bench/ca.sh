#!/usr/bin/env bash
# GovTrust CA benchmark: issuance/s, OCSP responses/s, and what a revocation costs at 10k and
# 1M revoked certificates (the server re-signs the complete and the delta CRL in the
# revocation's own transaction), each next to the signing floor of the CA algorithm.
#
#   bench/ca.sh                                   # defaults, about 8-15 minutes on 2 cores
#   CRL_LEVELS=10000 bench/ca.sh                  # skip the 1M phase
#   CA_ALGORITHM=RSA_2048 ISSUE_CLIENTS="1 8" DURATION=10 bench/ca.sh
#
# Starts the built server on 127.0.0.1 against a throwaway PostgreSQL database ($BENCH_DB,
# dropped and re-created; trust auth on $PGHOST:$PGPORT as $PGUSER), with a fresh CA made at
# start-up in a temporary folder. Provisions through GovTrust's own APIs: the bootstrap
# administrator (also an RA officer) enrols the three fixture enterprises and creates one RA
# officer account per issuing client, each signed in with its own session (SMS second factor
# from the simulator outbox). Then:
#   1. signing floor: `openssl speed` for the CA algorithm (1 process and one per core) and the
#      same signature in the JVM with the provider the server signs with (bench/ca/CaBench.java),
#      before the server starts and again after it stopped
#   2. issuance: for each client count in ISSUE_CLIENTS, ISSUE_COUNT certificates or ISSUE_SECONDS,
#      whichever ends first; every certificate has its own key and PKCS#10 request, all made
#      before the timed phase
#   3. OCSP: wrk POSTs one DER request (openssl-made, with a nonce) for a good and for a revoked
#      certificate; one response of each is checked with `openssl ocsp` before and after
#   4. CRL: at the few revocations of phase 3 and then at each count in CRL_LEVELS, revoked
#      rows are bulk-inserted into the database (bench/ca/bulk-revoked.sql), then
#      REVOKE_SAMPLES real revocations go through the RA API and are timed, the CRL is fetched,
#      timed, counted and verified with `openssl crl`; the last revocation runs while one
#      issuance and one OCSP request are timed alongside it, and a statement then waiting for
#      a lock is shown
# Meanwhile pg_stat_activity is sampled, to show what the issuing transactions wait for.
# Needs: a JDK 17+, wrk, jq, curl, openssl, psql (apt-get install wrk jq curl openssl
# postgresql-client) and the Bouncy Castle jars in ~/.m2 (there after the server build).
set -Eeuo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/bench/ca"
CA_ALGORITHM=${CA_ALGORITHM:-EC_P256}
ISSUE_CLIENTS=${ISSUE_CLIENTS:-"1 8 32"}
ISSUE_COUNT=${ISSUE_COUNT:-2000}
ISSUE_SECONDS=${ISSUE_SECONDS:-20}
ISSUE_WARMUP=${ISSUE_WARMUP:-200}
OCSP_CONCURRENCIES=${OCSP_CONCURRENCIES:-"8 32"}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CRL_LEVELS=${CRL_LEVELS:-"10000 1000000"}
REVOKE_SAMPLES=${REVOKE_SAMPLES:-3}
REVOKE_TIMEOUT=${REVOKE_TIMEOUT:-900}
FLOOR_SECONDS=${FLOOR_SECONDS:-3}
PORT=${PORT:-18190}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-govtrust_bench}
KEEP_DB=${KEEP_DB:-0}
BC_VERSION=${BC_VERSION:-1.84}
gt="http://127.0.0.1:$PORT"
export PGHOST PGPORT PGUSER

missing=""
for tool in java wrk jq curl openssl psql pg_isready createdb dropdb; do command -v "$tool" > /dev/null || missing="$missing $tool"; done
[ -z "$missing" ] || { echo "bench: missing:$missing (apt-get install -y wrk jq curl openssl postgresql-client)" >&2; exit 1; }
case "$BENCH_DB" in *bench*) ;; *) echo "bench: BENCH_DB must contain 'bench' (it is dropped)" >&2; exit 1 ;; esac
case "$CA_ALGORITHM" in
	EC_P256) speed_alg=ecdsap256; key_type=EC_P256 ;;
	RSA_2048) speed_alg=rsa2048; key_type=EC_P256 ;; # subscriber keys stay P-256: RSA keygen would dominate set-up
	SM2) speed_alg=sm2; key_type=SM2 ;;
	*) echo "bench: CA_ALGORITHM is EC_P256, RSA_2048 or SM2" >&2; exit 1 ;;
esac
pg_isready -q || { echo "bench: no PostgreSQL on $PGHOST:$PGPORT" >&2; exit 1; }
bc="$HOME/.m2/repository/org/bouncycastle"
cp="$bc/bcprov-jdk18on/$BC_VERSION/bcprov-jdk18on-$BC_VERSION.jar:$bc/bcpkix-jdk18on/$BC_VERSION/bcpkix-jdk18on-$BC_VERSION.jar:$bc/bcutil-jdk18on/$BC_VERSION/bcutil-jdk18on-$BC_VERSION.jar"
for jar in ${cp//:/ }; do [ -f "$jar" ] || { echo "bench: $jar missing (build the server first)" >&2; exit 1; }; done
[ -f "$root/server/target/govtrust.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
client() { java -cp "$cp" "$here/CaBench.java" "$@"; }

work="$(mktemp -d)"
pid=""
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
	[ "$KEEP_DB" = 1 ] || dropdb --if-exists "$BENCH_DB" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: failed at line $LINENO" >&2' ERR
cd "$work"
say() { echo "[$(date +%T)] $*" >&2; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END{print (NR ? a[int((NR+1)/2)] : "")}'; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. signing floor, before the server starts (and again at the end, after it stopped)
floor() { # label -> a line of floor.tsv: label, openssl 1 process, openssl per core, JVM 1 thread, JVM per core
	say "signing floor ($1): openssl speed $speed_alg and the JVM ($CA_ALGORITHM)"
	local o1 on j1 jn
	o1=$(openssl speed -seconds "$FLOOR_SECONDS" "$speed_alg" 2> /dev/null | tail -1 | awk '{printf "%.0f", $(NF-1)}')
	on=$(openssl speed -seconds "$FLOOR_SECONDS" -multi "$(nproc)" "$speed_alg" 2> /dev/null | tail -1 | awk '{printf "%.0f", $(NF-1)}')
	j1=$(client floor "$CA_ALGORITHM" "$FLOOR_SECONDS" 1 | sed -n 's/^FLOORJSON //p')
	jn=$(client floor "$CA_ALGORITHM" "$FLOOR_SECONDS" "$(nproc)" | sed -n 's/^FLOORJSON //p')
	provider=$(jq -r .provider <<< "$j1")
	printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$o1" "$on" "$(jq -r '.sign_per_s | round' <<< "$j1")" \
		"$(jq -r '.sign_per_s | round' <<< "$jn")" >> floor.tsv
}
: > floor.tsv
floor before

# --- start the server on a fresh database
dropdb --if-exists "$BENCH_DB" 2> /dev/null
createdb "$BENCH_DB"
say "starting the server on $gt (database $BENCH_DB, CA $CA_ALGORITHM)"
# the SMS and sign-in limits guard real people; a bench from one address needs them wide open
GOVTRUST_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" GOVTRUST_DB_USER="$PGUSER" \
java ${JAVA_OPTS--Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+UseParallelGC -XX:GCTimeRatio=19} -jar "$root/server/target/govtrust.jar" --spring.profiles.active=postgres \
	--server.port=$PORT --server.address=127.0.0.1 --govtrust.ca.algorithm="$CA_ALGORITHM" --govtrust.ca.base-url="$gt" \
	--govtrust.sms.per-address[0].window=PT1H --govtrust.sms.per-address[0].max=1000000 \
	--govtrust.sms.per-address[1].window=PT24H --govtrust.sms.per-address[1].max=1000000 \
	--govtrust.login.address-failures=1000000 --govtrust.web.max-concurrent-requests=400 > server.log 2>&1 &
pid=$!
for _ in $(seq 1 360); do
	kill -0 "$pid" 2>/dev/null || { tail -30 server.log >&2; echo "bench: the server did not start" >&2; exit 1; }
	grep -q "Created the bootstrap administrator" server.log && curl -sf "$gt/ca/certs/issuing.cer" -o issuing.cer && break
	sleep 0.5
done
[ -s issuing.cer ] || { echo "bench: the server did not answer within 3 minutes" >&2; exit 1; }
sleep 1 # the log line comes just before its transaction commits
startup=$(grep -o "Started GovTrustApplication in [0-9.]* seconds" server.log | grep -o "[0-9.]*" | head -1 || true)
curl -sf "$gt/ca/certs/root.cer" -o root.cer
openssl x509 -inform DER -in issuing.cer -out issuing.pem
openssl x509 -inform DER -in root.cer -out root.pem
cat issuing.pem root.pem > chain.pem

# --- provisioning through the APIs
c() { local jar=$1; shift; curl -s --max-time 60 -c "$jar" -b "$jar" "$@"; }
xsrf() { awk -F'\t' 'NF==7 && $6=="XSRF-TOKEN"{print $7}' "$1" | tail -1; }
cookies() { awk -F'\t' 'NF==7{printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$1"; }
outbox() { curl -s "$gt/api/v1/simulator/sms-outbox?phone=$1" | jq -r '.[0].code'; }
staff_login() { # jar login password phone
	c "$1" -H 'Content-Type: application/json' -d "{\"loginName\":\"$2\",\"password\":\"$3\"}" "$gt/api/v1/staff/login/password" > /dev/null
	c "$1" -H 'Content-Type: application/json' -d "{\"code\":\"$(outbox "$4")\"}" "$gt/api/v1/staff/login/code" > /dev/null
	[ -n "$(xsrf "$1")" ] || { echo "bench: $2 could not sign in" >&2; exit 1; }
}
post() { # jar path json -> body; fails unless 2xx
	local out; out=$(c "$1" -w '\n%{http_code}' -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $(xsrf "$1")" -d "$3" "$gt$2")
	case "${out##*$'\n'}" in 2*) printf '%s' "${out%$'\n'*}" ;; *) echo "bench: POST $2 answered ${out##*$'\n'}: ${out%$'\n'*}" >&2; exit 1 ;; esac
}
admin="$work/admin.jar"
staff_login "$admin" admin Console-Pass-2026 13800000000
officers=$(tr ' ' '\n' <<< "$ISSUE_CLIENTS" | sort -n | tail -1)
say "provisioning: 3 enterprises, $officers RA officers with their own sessions"
while IFS=, read -r code name rep id; do
	post "$admin" /api/v1/staff/ra/enterprises "{\"name\":\"$name\",\"creditCode\":\"$code\",\"legalRepName\":\"$rep\",\"legalRepIdNumber\":\"$id\"}" | jq -r .id
done > enterprises <<'CSV'
91110105MA1GT001XJ,北京示范科技有限公司,王小明,110101199003071233
91110105MA1GT0028J,北京样例贸易有限公司,陈静,420102199512120020
91110105MA1GT0036D,北京演示咨询有限公司,阿依古丽·买买提,650102196805200023
CSV
: > sessions
for i in $(seq 1 "$officers"); do
	phone=$(printf '1370001%04d' "$i")
	post "$admin" /api/v1/staff/admin/staff "{\"loginName\":\"bench-ra-$i\",\"name\":\"测试\",\"phone\":\"$phone\",\"password\":\"Load-Test-2026!\",\"roles\":[\"RA_OFFICER\"]}" > /dev/null
	staff_login "officer-$i.jar" "bench-ra-$i" 'Load-Test-2026!' "$phone"
	printf '%s\t%s\n' "$(cookies "officer-$i.jar")" "$(xsrf "officer-$i.jar")" >> sessions
done

# one certificate by hand first: it must chain to the root and carry what the profile says
client csr "$key_type" > one.csr
one=$(post "$admin" "/api/v1/staff/ra/enterprises/$(head -1 enterprises)/certificates" "$(jq -n --rawfile csr one.csr '{csr: $csr, hardwareKey: false}')")
jq -r .pem <<< "$one" > one.pem
openssl verify -CAfile root.pem -untrusted issuing.pem one.pem > /dev/null || { echo "bench: an issued certificate does not verify" >&2; exit 1; }
template=$(jq -r .certificate.serial <<< "$one")

# --- 2. issuance
results="$work/results.tsv"
: > "$results"
: > serials
say "issuance: warm-up ($ISSUE_WARMUP certificates), then per client count in '$ISSUE_CLIENTS' $ISSUE_COUNT certificates or ${ISSUE_SECONDS}s"
client issue "$gt" sessions enterprises 8 "$ISSUE_WARMUP" 30 "$key_type" serials > /dev/null
# what the server's database sessions do meanwhile, sampled every half second
db_activity() {
	q -F $'\t' -c "SELECT coalesce(wait_event_type || ':' || wait_event, 'running'),
		left(regexp_replace(query, '\s+', ' ', 'g'), 70) FROM pg_stat_activity
		WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()" 2> /dev/null || true
}
: > waits.tsv
for clients in $ISSUE_CLIENTS; do
	( while :; do db_activity | sed "s/^/$clients\t/" >> waits.tsv; echo "$clients	sample" >> waits.tsv; sleep 0.5; done ) &
	sampler=$!
	r=$(client issue "$gt" sessions enterprises "$clients" "$ISSUE_COUNT" "$ISSUE_SECONDS" "$key_type" serials | sed -n 's/^ISSUEJSON //p')
	kill "$sampler" 2> /dev/null || true; wait "$sampler" 2> /dev/null || true
	say "  $clients clients: $r"
	jq -r '["issue", .clients, (.ops | .*10|round/10), .p50_ms, .p90_ms, .p99_ms, .errors] | @tsv' <<< "$r" >> "$results"
done
issued=$(wc -l < serials)
pool_i=0
next_serial() { pool_i=$((pool_i + 1)); serial=$(sed -n "${pool_i}p" serials); [ -n "$serial" ] || { echo "bench: no more issued certificates to revoke" >&2; exit 1; }; }
revoke() { # serial -> "http_code seconds"; only reads the administrator's cookies (it may run in the background)
	curl -s --max-time "$REVOKE_TIMEOUT" -o /dev/null -w '%{http_code} %{time_total}' -b "$admin" -H 'Content-Type: application/json' \
		-H "X-XSRF-TOKEN: $(xsrf "$admin")" -d '{"reason":"KEY_COMPROMISE"}' "$gt/api/v1/staff/ra/certificates/$1/revocation" || true
}

# --- 3. OCSP
next_serial; good=$serial
next_serial; revoked=$serial
read -r code _ <<< "$(revoke "$revoked")"
[ "$code" = 200 ] || { echo "bench: revocation answered $code" >&2; exit 1; }
check_ocsp() { # kind serial expected-status
	openssl ocsp -issuer issuing.pem -serial "0x$2" -reqout "$1.req" 2> /dev/null
	curl -sf -H 'Content-Type: application/ocsp-request' --data-binary "@$1.req" "$gt/ca/ocsp" -o "$1.resp"
	local out sent echoed
	out=$(openssl ocsp -respin "$1.resp" -issuer issuing.pem -CAfile chain.pem -serial "0x$2" -no_nonce 2>&1 || true)
	sent=$(openssl ocsp -reqin "$1.req" -req_text 2> /dev/null | grep -A1 'OCSP Nonce' | tail -1 | tr -d ' ')
	echoed=$(openssl ocsp -respin "$1.resp" -resp_text -noverify 2> /dev/null | grep -A1 'OCSP Nonce' | tail -1 | tr -d ' ')
	grep -q "Response verify OK" <<< "$out" && grep -q "0x$2: $3" <<< "$out" && [ -n "$sent" ] && [ "$sent" = "$echoed" ] || {
		echo "bench: the OCSP response for the $1 certificate does not verify as $3 with the nonce $sent echoed:" >&2
		echo "$out (nonce in the response: $echoed)" >&2; exit 1; }
}
check_ocsp good "$good" good
check_ocsp revoked "$revoked" revoked
ocsp_bytes=$(stat -c %s good.resp)
say "OCSP: both responses verify (nonce echoed, signed by the issuing CA); $ocsp_bytes bytes each"
run_wrk() { # request-file concurrency seconds
	OCSP_REQUEST="$work/$1" timeout $(( $3 + 60 )) wrk -t1 -c"$2" -d"$3s" --timeout 30s --latency -s "$here/ocsp.lua" "$gt/ca/ocsp" | sed -n 's/^WRKJSON //p'
}
# both warmed up first, then interleaved, so neither gets the other's JIT warm-up or a quieter minute
for kind in good revoked; do run_wrk "$kind.req" 8 "$WARMUP" > /dev/null; done
for conc in $OCSP_CONCURRENCIES; do
	for kind in good revoked; do
		r=$(run_wrk "$kind.req" "$conc" "$DURATION")
		say "  OCSP $kind, $conc connections: $r"
		jq -r --arg k "ocsp $kind" --arg c "$conc" '(.requests / (.duration_us / 1e6)) as $ops |
			[$k, $c, ($ops | .*10|round/10), (.p50_us/1000 | .*10|round/10), (.p90_us/1000 | .*10|round/10),
			(.p99_us/1000 | .*10|round/10), .errors] | @tsv' <<< "$r" >> "$results"
	done
done
check_ocsp good "$good" good
check_ocsp revoked "$revoked" revoked

# --- 4. CRL: revocation latency and the CRL at growing revoked counts
crl_results="$work/crl.tsv"
: > "$crl_results"
crl_row() { # label
	local times="" code secs s i
	for i in $(seq 1 "$REVOKE_SAMPLES"); do
		next_serial; s=$serial
		if [ "$i" = "$REVOKE_SAMPLES" ]; then
			# the last revocation with an issuance and an OCSP request timed while it runs
			client csr "$key_type" > probe.csr
			jq -n --rawfile csr probe.csr '{csr: $csr, hardwareKey: false}' > probe.json
			revoke "$s" > revoke.out &
			local bg=$!
			sleep 0.3
			local sess; sess=$(head -1 sessions)
			curl -s --max-time "$REVOKE_TIMEOUT" -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
				-H "Cookie: ${sess%%$'\t'*}" -H "X-XSRF-TOKEN: ${sess##*$'\t'}" --data-binary @probe.json \
				"$gt/api/v1/staff/ra/enterprises/$(head -1 enterprises)/certificates" > probe-issue.out || true &
			local pbg=$!
			probe_ocsp=$(curl -s --max-time "$REVOKE_TIMEOUT" -o /dev/null -w '%{http_code} %{time_total}' \
				-H 'Content-Type: application/ocsp-request' --data-binary @good.req "$gt/ca/ocsp" || true)
			sleep 0.5
			# a statement waiting for a lock now is waiting for the revocation's transaction
			probe_blocked=$(db_activity | awk -F'\t' '$1 ~ /^Lock/ {print $1 " on: " $2; exit}')
			wait "$pbg" || true
			wait "$bg" || true
			read -r code secs < revoke.out || true # no newline after curl's -w
			probe_issue=$(cat probe-issue.out)
		else
			read -r code secs <<< "$(revoke "$s")"
		fi
		[ "$code" = 200 ] || { say "  revocation of $s answered ${code:-nothing} after ${secs}s"; times="$times >${secs}"; continue; }
		times="$times $(awk -v s="$secs" 'BEGIN{printf "%.0f", s*1000}')"
	done
	local entries; entries=$(q -c "SELECT count(*) FROM ca_certificate WHERE status <> 'VALID'")
	# the CRL as relying parties fetch it, three times
	local gets="" g
	for _ in 1 2 3; do
		g=$(curl -s --max-time 600 -o crl.der -w '%{time_total}' "$gt/ca/crl/issuing.crl" || echo 0)
		gets="$gets $(awk -v s="$g" 'BEGIN{printf "%.0f", s*1000}')"
	done
	curl -s "$gt/ca/crl/issuing-delta.crl" -o delta.der
	local verify listed
	verify=$(openssl crl -inform DER -in crl.der -CAfile chain.pem -noout 2>&1 | tr -d '\n')
	listed=$(openssl crl -inform DER -in crl.der -text -noout | grep -c 'Serial Number:' || true)
	openssl crl -inform DER -in delta.der -noout 2> /dev/null || verify="$verify; delta does not parse"
	# where the database time goes: the two queries the re-signing runs
	local base_at full_q delta_q
	base_at=$(q -c "SELECT base_at FROM ca_crl_sequence WHERE issuer = 'issuing'")
	full_q=$(q -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT serial, status, status_at, revocation_reason FROM ca_certificate WHERE status <> 'VALID'" \
		| jq -r '.[0] | "\(.Plan["Node Type"]) \(."Execution Time" | round) ms"')
	delta_q=$(q -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT serial, status, status_at, revocation_reason FROM ca_certificate WHERE status_at >= '$base_at'" \
		| jq -r '.[0] | "\(.Plan["Node Type"]) \(."Execution Time" | round) ms"')
	local encode; encode=$(client crl "$entries" "$CA_ALGORITHM" | sed -n 's/^CRLJSON //p' | jq -r .total_ms)
	say "  $1: revocations ms:$times; CRL $(stat -c %s crl.der) bytes, $listed entries, GET ms:$gets; $verify"
	say "     issuance sent 0.3 s into the last revocation: ${probe_issue:-?}; OCSP: ${probe_ocsp:-?}; waiting: ${probe_blocked:-nothing}"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$entries" "$(median <<< "$times")" "${times# }" \
		"$(stat -c %s crl.der)" "$listed" "$(median <<< "$gets")" "$(stat -c %s delta.der)" "$verify" "$full_q" "$delta_q" \
		"$encode" "$(awk '{printf "%.0f", $2*1000}' <<< "${probe_issue:-0 0}") ms ($(cut -d' ' -f1 <<< "${probe_issue:-?}"))" \
		"$(awk '{printf "%.0f", $2*1000}' <<< "${probe_ocsp:-0 0}") ms" "${probe_blocked:--}" >> "$crl_results"
}
say "CRL: $REVOKE_SAMPLES timed revocations per level, levels: few $CRL_LEVELS"
crl_row few
bulk_from=1
for level in $CRL_LEVELS; do
	have=$(q -c "SELECT count(*) FROM ca_certificate WHERE status <> 'VALID'")
	add=$(( level - have - REVOKE_SAMPLES ))
	if [ "$add" -gt 0 ]; then
		say "  inserting $add revoked certificates into the database"
		t0=$(date +%s%3N)
		q -v from="$bulk_from" -v n="$add" -v template="$template" -f "$here/bulk-revoked.sql"
		q -c "VACUUM ANALYZE ca_certificate"
		say "  inserted and analysed in $(( ($(date +%s%3N) - t0) / 1000 )) s"
		bulk_from=$(( bulk_from + add ))
	fi
	crl_row "$level"
done

# --- summary
rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
pg_version=$(q -c 'SHOW server_version' | sed 's/ (.*//')
kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; pid=""
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
floor after
# the best JVM rate measured is the floor: on a busy machine any one measurement can come out low
floor_ref=$(awk -F'\t' '{for (i = 4; i <= 5; i++) if ($i > m) m = $i} END{print m}' floor.tsv)
echo
echo "GovTrust $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') CA benchmark, $(date -u +%FT%TZ)"
echo "machine: $(nproc) cores, load average $load_start at start, $load_end at the end of the loads; java $(java -version 2>&1 | head -1 | grep -o '"[^"]*"'); PostgreSQL $pg_version"
echo "settings: issuance up to $ISSUE_COUNT certificates or ${ISSUE_SECONDS}s per client count after $ISSUE_WARMUP warm-up ones; OCSP wrk ${DURATION}s per connection count after ${WARMUP}s warm-up"
echo "server: start-up ${startup:-?} s, RSS at the end ${rss} MiB; CA $CA_ALGORITHM (signs with $provider), subscriber keys $key_type; $issued certificates issued"
echo
echo "signing floor, $CA_ALGORITHM signatures per second (before the server started / after it stopped):"
awk -F'\t' -v a="$speed_alg" -v p="$provider" -v n="$(nproc)" '
	{o1 = o1 s $2; on = on s $3; j1 = j1 s $4; jn = jn s $5; s = " / "}
	END {printf "  openssl speed %s: %s (1 process), %s (%d processes)\n  JVM, %s, what the server signs with: %s (1 thread), %s (%d threads)\n", a, o1, on, n, p, j1, jn, n}' floor.tsv
echo "what the CA signs per operation: issuance 1 certificate (and verifies the CSR's self-signature);"
echo "  OCSP 1 response (no cache, a signature per request); revocation 2 CRLs (complete and delta), the complete"
echo "  one listing every revoked or suspended certificate, the delta the changes since its base"
echo
{ printf 'operation\tclients/conns\tops/s\tp50 ms\tp90 ms\tp99 ms\terrors\tof JVM sign floor (%s/s)\n' "$floor_ref"
	awk -F'\t' -v f="$floor_ref" 'BEGIN{OFS="\t"} {print $0, sprintf("%.0f%%", 100 * $3 / f)}' "$results"; } | column -t -s $'\t'
echo
echo "database statements of the server during issuance (sampled every 0.5 s, pg_stat_activity):"
awk -F'\t' '$2 == "sample" {n[$1]++; next}
	{act[$1]++; w[$1, $2]++; if ($2 ~ /^Lock/) {lk[$1]++; k = $3 " (" $2 ")"; t[$1, k]++; if (t[$1, k] > b[$1]) {b[$1] = t[$1, k]; bk[$1] = k}}}
	END {for (c in n) printf "  %3d clients: %.1f active on average, %.1f of them waiting for a row lock%s\n", c, act[c] / n[c], lk[c] / n[c],
		(bk[c] != "" ? "; most often " bk[c] : "")}' waits.tsv | sort -n
echo
echo "CRL (revocation = status change + both CRLs re-signed just after it commits, before the answer; ms = wall time of the RA API call):"
{ printf 'level\trevoked\trevoke p50 ms\trevoke samples ms\tCRL bytes\tentries in CRL\tGET CRL ms\tdelta bytes\n'
	cut -f1-8 "$crl_results"; } | column -t -s $'\t'
echo
{ printf 'level\topenssl crl\tfull-CRL query\tdelta query\tBC X509v2CRLBuilder alone ms\n'; cut -f1,9-12 "$crl_results"; } | column -t -s $'\t'
echo
echo "sent 0.3 s into the last revocation of each level:"
{ printf 'level\tissuance\tOCSP\twaiting for a lock at 0.8 s\n'; cut -f1,13-15 "$crl_results"; } | column -t -s $'\t'
