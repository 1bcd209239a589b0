#!/usr/bin/env bash
# End-to-end check of the example relying app against GovTrust, both run from their jars on
# loopback: register a fixture citizen through GovTrust's API (codes from the SMS simulator),
# sign in to the app through GovTrust's authorization endpoint (PKCE, by Spring Security's
# OAuth2 client), read the claims the app shows, and sign out of both (RP-initiated logout).
# Usage: examples/relying-app/smoke-test.sh  (after ./mvnw package and the example's package)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
jar="$root/server/target/govtrust.jar"
app="$(ls "$root"/examples/relying-app/target/relying-app-*.jar | head -1)"
gt=http://localhost:18080
rp=http://localhost:18081
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
pids=()
trap cleanup EXIT
cd "$work"
# started through the production launcher (unpacked jar, trained class cache, bounded heap)
GOVTRUST_JAR="$jar" GOVTRUST_RUN="$work/run" "$root/bin/govtrust" --server.port=18080 > govtrust.log 2>&1 & pids+=($!)
for _ in $(seq 1 180); do curl -sf "$gt/.well-known/openid-configuration" > /dev/null && break; sleep 1; done
grep -q "starting without a class cache" govtrust.log && { echo "FAIL: the launcher's training start failed"; cat "$work/run/training.log"; exit 1; }
grep -q "Starting AOT-processed GovTrustApplication" govtrust.log || { echo "FAIL: the launcher did not start the ahead-of-time processed application"; exit 1; }
# on OpenJDK (CI's Temurin) the launcher's copy of the signed jars has no signature files, so
# that the class cache can hold their classes
for lib in "$work"/run/lib/bc*.jar; do
	[ -f "$lib" ] || { echo "FAIL: no Bouncy Castle jar in the launcher's copy ($work/run/lib)"; exit 1; }
	if "${JAVA_HOME:+$JAVA_HOME/bin/}jar" tf "$lib" | grep -q -E '^META-INF/[^/]+\.(SF|RSA|DSA|EC)$'; then
		echo "FAIL: $(basename "$lib") is still signed in the launcher's copy (the class cache leaves its classes out)"; exit 1
	fi
done
# the demo client is registered for port 8081; register one for the smoke port
java -jar "$app" --server.port=18081 --spring.security.oauth2.client.registration.govtrust.client-id=smoke-app \
	--spring.security.oauth2.client.provider.govtrust.issuer-uri=$gt > app.log 2>&1 & pids+=($!)
jar_cookie="$work/cookies"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
c() { curl -s -c "$jar_cookie" -b "$jar_cookie" "$@"; }
# an administrator registers the app (staff login: password, then the SMS code)
# the bootstrap administrator is created once the application is ready, just after discovery
# answers; wait for it rather than guess (failed sign-ins would trip the lockouts)
for _ in $(seq 1 120); do grep -q "Created the bootstrap administrator" govtrust.log && break; sleep 0.5; done
sleep 1 # the log line comes just before its transaction commits
c -H 'Content-Type: application/json' -d '{"loginName":"admin","password":"Console-Pass-2026"}' "$gt/api/v1/staff/login/password" > /dev/null
code=$(c "$gt/api/v1/simulator/sms-outbox?phone=13800000000" | json '[0]["code"]')
c -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$gt/api/v1/staff/login/code" > /dev/null
xsrf=$(awk '$6=="XSRF-TOKEN"{print $7}' "$jar_cookie" | tail -1)
c -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $xsrf" -d "{\"clientId\":\"smoke-app\",\"name\":\"Smoke\",\"department\":\"Test\",\"redirectUris\":[\"$rp/login/oauth2/code/govtrust\"],\"postLogoutRedirectUris\":[\"$rp/\"],\"scopes\":[\"openid\",\"profile\"]}" "$gt/api/v1/staff/admin/clients" > /dev/null
c -X POST -H "X-XSRF-TOKEN: $xsrf" "$gt/api/v1/logout" > /dev/null
# a citizen registers (fixture person 王小明)
id=$(c -H 'Content-Type: application/json' -d '{"name":"王小明","idNumber":"110101199003071233","validFrom":"2016-04-12","validTo":"2036-04-12","phone":"19912345678"}' "$gt/api/v1/registrations" | json '["id"]')
code=$(c "$gt/api/v1/simulator/sms-outbox?phone=19912345678" | json '[0]["code"]')
c -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" "$gt/api/v1/registrations/$id/phone-verification" > /dev/null
c -H 'Content-Type: application/json' -d "{\"faceImage\":\"$(printf '\xff\xd8\xff\xe0JFIF' | base64)\"}" "$gt/api/v1/registrations/$id/face-verification" > /dev/null
c -H 'Content-Type: application/json' -d '{"password":"Spring-2026!ok"}' "$gt/api/v1/registrations/$id/account" > /dev/null
for _ in $(seq 1 60); do curl -s -o /dev/null "$rp/" && break; sleep 1; done
# the app sends the person to GovTrust; they sign in; GovTrust sends them back with a code
authorize=$(c -o /dev/null -w '%{redirect_url}' "$rp/oauth2/authorization/govtrust")
c -H 'Content-Type: application/json' -d '{"identifier":"19912345678","password":"Spring-2026!ok"}' "$gt/api/v1/login/password" > /dev/null
callback=$(c -o /dev/null -w '%{redirect_url}' "$authorize")
c -o /dev/null "$callback"
me=$(c "$rp/me")
echo "$me" | grep -q 'id="claim-acr">urn:govtrust:loa:2<' || { echo "FAIL: the app did not show acr loa:2"; echo "$me"; exit 1; }
echo "$me" | grep -q 'id="claim-name">王\*明<' || { echo "FAIL: the app did not show the masked name"; exit 1; }
# signing out of the app signs out of GovTrust too
csrf=$(echo "$me" | grep -o 'name="_csrf" value="[^"]*' | sed 's/.*value="//')
logout=$(c -o /dev/null -w '%{redirect_url}' -d "_csrf=$csrf" "$rp/logout")
back=$(c -o /dev/null -w '%{http_code} %{redirect_url}' "$logout")
[ "$back" = "302 $rp/" ] || { echo "FAIL: logout answered $back"; exit 1; }
status=$(c -o /dev/null -w '%{http_code}' "$gt/api/v1/account")
[ "$status" = "401" ] || { echo "FAIL: the GovTrust session survived logout ($status)"; exit 1; }
# the simulators are switched on and off at each start, also from the ahead-of-time processed
# bean definitions, which are fixed when the jar is built: off, and with no real identity
# authority configured, the server refuses to start
mkdir "$work/off" && cd "$work/off"
if timeout 120 "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dspring.aot.enabled=true -jar "$jar" --server.port=0 \
		--govtrust.simulators.enabled=false > off.log 2>&1; then
	echo "FAIL: the server started with the simulators off and no identity authority"; exit 1
fi
grep -q "Starting AOT-processed GovTrustApplication" off.log \
	&& grep -q "No qualifying bean of type 'org.govtrust.identity.spi.IdentityAuthority'" off.log \
	&& grep -q "switch the simulators on (govtrust.simulators.enabled=true" off.log \
	|| { echo "FAIL: with the simulators off, the AOT-processed server did not refuse for want of an identity authority"; tail -40 off.log; exit 1; }
echo "example relying app: sign-in through GovTrust, claims and logout OK; simulators switched off at start-up"
