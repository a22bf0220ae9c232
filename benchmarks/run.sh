#!/usr/bin/env bash
# The benchmarks' one documented command (see benchmarks/README.md). From the repository's root:
#
#   benchmarks/run.sh           the real run: about 10 minutes on 2 cores
#   benchmarks/run.sh --quick   a smoke run (1 short JMH iteration each): checks the harness, figures not for quoting
#
# It builds benchmarks/target/benchmarks.jar (-Pbenchmarks) and the roster command line's jar (never installs anything), runs the JMH per-call
# benchmarks and the runners, and rewrites the results section of benchmarks/README.md (everything after its
# marker line) with ratios against the baselines measured in this same run. Raw outputs stay in
# benchmarks/target/results/. Nothing here is part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [[ "${1:-}" == "--quick" ]]; then
    quick=true
fi
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# The command line's shaded jar is built in the same reactor, for the cold start of roster (ColdStartRunner).
./mvnw -B -q -pl benchmarks,cli -am package -DskipTests -Pbenchmarks
jar=benchmarks/target/benchmarks.jar
ROSTER_CLI_JAR=$(ls -t "$PWD"/cli/target/roster-cli-*-all.jar 2>/dev/null | head -n 1 || true)
export ROSTER_CLI_JAR
if [[ -z "$ROSTER_CLI_JAR" ]]; then
    echo "benchmarks/run.sh: the build made no cli/target/roster-cli-*-all.jar, which the cold start of roster needs;" \
        "see the messages above, or build it with ./mvnw -B -q -pl benchmarks,cli -am package -DskipTests -Pbenchmarks" >&2
    exit 1
fi
out=benchmarks/target/results
rm -rf "$out"
mkdir -p "$out"

# The per-call benchmarks run in ROUNDS interleaved rounds (every benchmark once per round, each in its own
# forked JVM), so a change in the machine's load hits Roster and the baselines alike; the report takes the
# median of each figure over the rounds and shows their spread.
rounds=3
jmh_options=(-prof gc -wi 3 -w 1 -i 3 -r 1)
if $quick; then
    rounds=1
    jmh_options=(-prof gc -wi 1 -w 1 -i 1 -r 1)
fi
jmh_files=()
for round in $(seq 1 "$rounds"); do
    echo "== JMH round $round of $rounds"
    java -jar "$jar" 'dev\.roster\.benchmarks\.(OpenAiCalls|ConfluentCalls)\.' "${jmh_options[@]}" \
        -rf json -rff "$out/jmh-$round.json" > "$out/jmh-$round.txt"
    sed -n '/^Benchmark /,$p' "$out/jmh-$round.txt" | grep -E '(p0\.50|p0\.99|alloc\.rate\.norm) ' || true
    jmh_files+=("$out/jmh-$round.json")
done

for runner in ServerCostRunner StreamRunner BulkRunner ColdStartRunner ReinviteRunner SyncRunner; do
    echo "== $runner"
    java -cp "$jar" "dev.roster.benchmarks.$runner" "$out"
done

commit=$(git rev-parse --short HEAD)
if ! git diff --quiet HEAD -- . ':!benchmarks/README.md'; then
    commit="$commit (with uncommitted changes)"
fi
memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
jdk=$(java -version 2>&1 | head -2 | tail -1)
kind="the documented run"
if $quick; then
    kind="a --quick smoke run: 1 short JMH iteration each, figures NOT for quoting"
fi
java -cp "$jar" dev.roster.benchmarks.Report benchmarks/README.md "$(IFS=,; echo "${jmh_files[*]}")" "$out" \
    "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $kind, $(( $(date +%s) - started )) s for benchmarks/run.sh from start to end" \
    "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $memory memory, $jdk" \
    "Commit: $commit" \
    "Load average (1, 5, 15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (a shared 2-core machine: above 2 means other work competed for the CPUs)"
echo "benchmarks/README.md updated from $out"
