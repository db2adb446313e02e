#!/usr/bin/env bash
# Benchmarks (not tests); numbers go to docs/benchmarks.md.
#   ./bench.sh [validation] [--seconds N] [--warmup N] [--threads N] [--max-lines N] [--examples DIR]
#       achemine's full validation vs phive on the same generated invoices (heap 2 GB)
#   ./bench.sh routing [--invoices N] [--structures N] [--directory-structures N] [--durable true|false] [--statements]
#                      [--database h2|postgres|both]
#       directory import, then the routing job on the H2 file database (or an embedded PostgreSQL, or each in
#       turn), then the lifecycle-report job
#       on the status changes routing wrote (heap 512 MB); on H2 the routing job's stores and file writes per 1,000
#       invoices (--statements: every statement H2 ran for it, counted)
#   ./bench.sh burst [--flows N] [--database h2|postgres|both] [--burst cold|warm|both] [--warm-up N] [--statements]
#                    [--trace] [--keep] [--achemine.intake.workers=N ...]
#       N flows (default 10,000) dropped at once on the running engine: flows/s to deposit report, invoices/s to
#       delivery, against validation only of the same files; heap flat (heap 512 MB); on H2 (default), on an
#       embedded PostgreSQL, or both one after the other in the same invocation; the cold burst (the engine's
#       first work) and a warm one (after a warm-up burst of min(1,000, N/5) flows), both by default; on H2, the
#       CPU time, H2 stores and file writes per 1,000 flows until all are answered (--statements: every statement
#       H2 ran, counted), on Linux that CPU per kind of thread (JIT, GC, workers, syncs; user and kernel apart);
#       --warm-up N: the warm-up burst's size
#   ./bench.sh rss [--lines N] [--directory-rows N]
#       peak RSS of the engine (its own JVM, -Xmx512m) fed the largest accepted inputs at once (docs/benchmarks.md)
#   ./bench.sh status [--statuses N]
#       reading status files (CPPStatut and CSV, N/2 and N statuses, default 200,000): statuses/s and live heap,
#       whole and past the line limit, without the database (heap 1 GB)
#   ./bench.sh reports [--seconds S] [--rounds N] [--corpus-only] | [--burst N [--load T]]
#       writing the outbound reports checked against their schemas, one thread: µs CPU per report, ways compared;
#       --burst: the reports a burst of N flows writes, cold then warm, µs CPU and kB allocated per report by kind
#   ./bench.sh fsync [--files N] [--bytes N] [--rounds N] [--dir PATH]
#       forcing a chunk's files to disk: one by one against several at a time (ms per chunk, median of rounds)
#   ./bench.sh commands [--runs N] [--compare OTHER.jar] [--first-calls ROUNDS]
#       wall and CPU time of the demo, of the read-only commands (engine stopped, then while run is up) and of
#       validate, each in a JVM of its own as typed by an operator: java -jar target/achemine.jar and the launcher
#       target/achemine (median of N, default 5); --compare: another build's jar too (e.g. main's), alternating;
#       --first-calls: instead, the launcher's first call after a fresh extraction, when its class-data archive is
#       there, and later calls with and without it (ACHEMINE_CDS=false), for job list and validate
# Every benchmark that works in a folder of the temporary directory (/tmp/achemine-*: routing, burst, rss,
# status, commands; a burst or routing run leaves 2-3 GB) deletes it when it ends, after printing; add --keep to
# keep it (to look into the engine's data folder or log): the line that names the folder says which. A run that
# fails keeps its folder and prints where.
set -euo pipefail
cd "$(dirname "$0")"
bench=validation
case "${1:-}" in
    validation|routing|burst|rss|status|fsync|commands|reports) bench=$1; shift ;;
esac
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"
# the commands run as operators type them: the jar and its launcher
if [ "$bench" = commands ]; then mvn -B -q -ntp -DskipTests package; fi
# warnings only, on stderr (src/test/resources/bench-logback.xml): Logback reads logback.configurationFile; the
# benchmarks that start a Spring context in their own JVM (routing, burst) set logging up through Spring Boot, which
# ignores that property (it warns) and wants logging.config, then applies application.yml's levels (org.achemine:
# INFO), which system properties override
logging=(-Dlogback.configurationFile=src/test/resources/bench-logback.xml)
spring_logging=(-Dlogging.config=src/test/resources/bench-logback.xml -Dlogging.level.org.achemine=WARN
                -Dlogging.level.org.springframework.boot.tomcat.TomcatWebServer=WARN)
case $bench in
    validation) exec java -Xmx2g "${logging[@]}" -cp "$classpath" org.achemine.bench.ValidationBench "$@" ;;
    routing) exec java -Xmx512m "${spring_logging[@]}" -cp "$classpath" org.achemine.bench.RoutingBench "$@" ;;
    burst) exec java -Xmx512m "${spring_logging[@]}" -cp "$classpath" org.achemine.bench.BurstBench "$@" ;;
    rss) exec java -Xmx1g "${logging[@]}" -cp "$classpath" org.achemine.bench.PeakRssBench "$@" ;;
    status) exec java -Xmx1g "${logging[@]}" -cp "$classpath" org.achemine.bench.StatusFileBench "$@" ;;
    reports) exec java -Xmx512m "${logging[@]}" -cp "$classpath" org.achemine.bench.ReportWritingBench "$@" ;;
    fsync) exec java -Xmx256m "${logging[@]}" -cp "$classpath" org.achemine.bench.FileSyncBench "$@" ;;
    commands) exec java -Xmx256m "${logging[@]}" -cp "$classpath" org.achemine.bench.CommandsBench "$@" ;;
esac
