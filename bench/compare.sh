#!/usr/bin/env bash
# Keycloak against GovTrust in one session: Keycloak's anchor (../shared/bench-peers/keycloak/run.sh)
# and bench/run.sh take turns, ROUNDS times, with the same loads, users, durations and JDK, and a
# table gives each round's figures side by side with GovTrust ÷ Keycloak. Interleaving is what makes
# the figures comparable: this kind of machine drifts by up to 2x between runs.
#
#   bench/compare.sh                         # 2 rounds, 30 s a load after 15 s of warm-up, 100 users, c=8 and 32
#   ROUNDS=3 SCENARIOS="authcode" bench/compare.sh
#
# Needs what both scripts need (wrk, jq, curl, node, python3, unzip, timeout, and mvn, with which
# the anchor downloads Keycloak from Maven Central into /tmp/kc the first time) and a JDK 21+ for
# Keycloak, on which GovTrust runs too (JAVA_HOME, default Temurin 25). JAR: another GovTrust build. About 6-7 minutes a turn (27 in all) with the defaults. Raw outputs stay in OUT.
# The durations are the anchor's own defaults: a longer warm-up than bench/run.sh's 5 s, because a
# sign-in runs much code once, and at 20-50 sign-ins a second the JIT compiles it for minutes (on
# GovTrust, the C2 compiler still took 13 % of the server's CPU 85 s into a sign-in load).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${PEERS:-$root/../shared/bench-peers/keycloak}"
ROUNDS=${ROUNDS:-2}
export DURATION=${DURATION:-30} WARMUP=${WARMUP:-15} USER_COUNT=${USER_COUNT:-100}
export CONCURRENCIES=${CONCURRENCIES:-"8 32"} SCENARIOS=${SCENARIOS:-"client_credentials introspect userinfo authcode"}
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$jdk/bin/java" ] || { echo "compare: no JDK at $jdk (set JAVA_HOME to a JDK 21+)" >&2; exit 1; }
[ -x "$peers/run.sh" ] || { echo "compare: Keycloak's anchor not found in $peers (set PEERS)" >&2; exit 1; }
[[ " $SCENARIOS " != *" password "* ]] || { echo "compare: GovTrust has no password grant (OAuth 2.1 drops it)" >&2; exit 1; }
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/govtrust-compare.XXXXXX")}
mkdir -p "$out"
[ -n "${JAR:-}" ] || [ -f "$root/server/target/govtrust.jar" ] || (cd "$root" && ./mvnw -q -B -DskipTests package)
for round in $(seq 1 "$ROUNDS"); do
	echo "round $round of $ROUNDS: Keycloak ($(date +%H:%M))" >&2
	OUT_DIR="$out/keycloak-$round" KC_JAVA_HOME="$jdk" PROBE=0 "$peers/run.sh" > "$out/keycloak-$round.log" 2>&1 ||
		{ echo "compare: Keycloak's round $round failed; see $out/keycloak-$round.log" >&2; exit 1; }
	echo "round $round of $ROUNDS: GovTrust ($(date +%H:%M))" >&2
	SAVE_TO="$out/govtrust-$round" JAVA_HOME="$jdk" "$root/bench/run.sh" > "$out/govtrust-$round.log" 2>&1 ||
		{ echo "compare: GovTrust's round $round failed; see $out/govtrust-$round.log" >&2; exit 1; }
done
echo "GovTrust $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') against Keycloak, $ROUNDS rounds," \
	"$(nproc) cores, $("$jdk/bin/java" -version 2>&1 | head -1), ${DURATION} s a load, $USER_COUNT users; raw outputs in $out"
python3 - "$out" "$ROUNDS" <<'PY'
import csv, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def table(path):
    with open(path) as f:
        return {(r["scenario"], r["conc"]): r for r in csv.DictReader(f, delimiter="\t")}
def meta(path):
    with open(path) as f:
        return dict(kv.split("=", 1) for line in f for kv in line.split() if "=" in kv)
kc = [table(f"{out}/keycloak-{r}/summary.tsv") for r in range(1, rounds + 1)]
gt = [table(f"{out}/govtrust-{r}/results.tsv") for r in range(1, rounds + 1)]
print("\nload                 c   Keycloak ops/s        GovTrust ops/s        GovTrust ÷ Keycloak   CPU ms/op, Keycloak / GovTrust")
for key in kc[0]:
    if not all(key in t for t in kc + gt):
        continue
    k = [float(t[key]["ok_per_s"]) for t in kc]
    g = [float(t[key]["ok/s"]) for t in gt]
    ratio = ", ".join(f"{b / a:.2f}x" if a else "-" for a, b in zip(k, g))
    cpu = ", ".join(f'{t[key]["srv_cpu_ms_per_op"]} / {u[key]["server CPU ms/op"]}' for t, u in zip(kc, gt))
    print(f"{key[0]:<20} {key[1]:>3}  {', '.join(f'{x:g}' for x in k):<21} {', '.join(f'{x:g}' for x in g):<21} {ratio:<21} {cpu}")
km = [meta(f"{out}/keycloak-{r}/meta.txt") for r in range(1, rounds + 1)]
gm = [meta(f"{out}/govtrust-{r}/meta.txt") for r in range(1, rounds + 1)]
print("\nstart-up: Keycloak " + ", ".join(m.get("startup_s", "?") + " s" for m in km)
      + "; GovTrust " + ", ".join(f'{int(m["ready_ms"]) / 1000:.1f} s' for m in gm) + " (both from launch until discovery answered)")
print("RSS once ready: Keycloak " + ", ".join(m.get("rss_idle_mib", "?") for m in km) + " MiB, GovTrust "
      + ", ".join(m.get("rss_idle_mib", "?") for m in gm) + " MiB; after the loads: Keycloak "
      + ", ".join(m.get("rss_end_mib", "?") for m in km) + " MiB, GovTrust "
      + ", ".join(m["rss_end_mib"] for m in gm) + " MiB")
print("GovTrust hashed with " + ", ".join(m["hashing"] for m in gm))
PY
