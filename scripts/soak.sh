#!/usr/bin/env bash
# Crash-restart soak (docs/operations.md "Soak test"): runs the engine (java -jar target/achemine.jar run) on a fresh data
# folder while a generator drops flows (valid UBL/CII, invalid, zip batches) into the partners' in/, kills it with
# SIGKILL at random moments N times, restarts it each time, lets it drain, stops it with SIGTERM, checks every
# dropped flow was taken and answered exactly once, then runs `achemine verify --drained` on the data folder.
# Prints the counts; exits non-zero on any loss, duplicate, orphan or violation.
#   scripts/soak.sh [--kills N (50)] [--flows-per-round M (40)] [--max-kill-delay-ms D (3000)] [--seed S] [--work DIR]
#                   [--sftp (partners upload over the engine's SFTP server instead of copying into in/)]
#                   [--as2 (half the flows sent over AS2, signed and encrypted, sync MDN checked; resent after a kill)]
#                   [--consume]  (a greedy partner downloads and deletes every file of every out/ the moment it appears)
#                   [--database postgres]  (the engines on a PostgreSQL server the soak starts, embedded, on 127.0.0.1;
#                                           the soak runs verify itself while that server is up)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/achemine.jar ]] || [[ -n "$(find src pom.xml -newer target/achemine.jar -print -quit)" ]]; then
    mvn -B -q -ntp -DskipTests package
fi
# The jar is (re)built when missing or older than the sources. The generator and the soak driver live in the test sources (they reuse the test helpers).
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/soak.classpath
classpath="target/test-classes:target/classes:$(cat target/soak.classpath)"
work=""
database="h2"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    if [[ "${args[$i]}" == "--work" ]]; then work="${args[$((i + 1))]}"; fi
    if [[ "${args[$i]}" == "--database" ]]; then database="${args[$((i + 1))]}"; fi
done
if [[ -z "$work" ]]; then
    work="$(mktemp -d -t achemine-soak.XXXXXX)"
    args+=(--work "$work")
fi
status=0
java -Xmx512m -Dlogback.configurationFile=src/test/resources/bench-logback.xml -cp "$classpath" \
    org.achemine.soak.CrashSoak --jar target/achemine.jar "${args[@]}" || status=$?
verify=0
if [[ "$database" == "h2" ]]; then
    echo
    echo "== java -jar target/achemine.jar verify --data-dir $work/data --drained"
    java -jar target/achemine.jar verify --data-dir "$work/data" --drained || verify=$?
fi
if [[ $status -ne 0 || $verify -ne 0 ]]; then
    echo "SOAK FAILED (soak exit $status, verify exit $verify); data folder and engine logs kept in $work" >&2
    exit 1
fi
echo "SOAK PASSED; data folder and engine logs in $work"
