#!/usr/bin/env bash
# Crash-restart soak (docs/operations.md "Soak test"): runs the engine (java -jar target/achemine.jar run) on a fresh data
# folder while a generator drops flows (valid UBL/CII, invalid, zip batches) into the partners' in/, kills it with
# SIGKILL at random moments N times, restarts it each time, lets it drain, stops it with SIGTERM, checks every
# dropped flow was taken and answered exactly once, then runs `achemine verify --drained` on the data folder.
# Prints the counts; exits non-zero on any loss, duplicate, orphan or violation.
#   scripts/soak.sh [--kills N (50)] [--flows-per-round M (40)] [--max-kill-delay-ms D (3000)] [--seed S] [--work DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f target/achemine.jar ]] || [[ -n "$(find src pom.xml -newer target/achemine.jar -print -quit)" ]]; then
    mvn -B -q -ntp -DskipTests package
fi
# The jar is (re)built when missing or older than the sources. The generator and the soak driver live in the test sources (they reuse the test helpers).
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/soak.classpath
classpath="target/test-classes:target/classes:$(cat target/soak.classpath)"
work=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    if [[ "${args[$i]}" == "--work" ]]; then work="${args[$((i + 1))]}"; fi
done
if [[ -z "$work" ]]; then
    work="$(mktemp -d -t achemine-soak.XXXXXX)"
    args+=(--work "$work")
fi
status=0
java -Xmx512m -Dlogback.configurationFile=src/test/resources/bench-logback.xml -cp "$classpath" \
    org.achemine.soak.CrashSoak --jar target/achemine.jar "${args[@]}" || status=$?
echo
echo "== java -jar target/achemine.jar verify --data-dir $work/data --drained"
verify=0
java -jar target/achemine.jar verify --data-dir "$work/data" --drained || verify=$?
if [[ $status -ne 0 || $verify -ne 0 ]]; then
    echo "SOAK FAILED (soak exit $status, verify exit $verify); data folder and engine logs kept in $work" >&2
    exit 1
fi
echo "SOAK PASSED; data folder and engine logs in $work"
