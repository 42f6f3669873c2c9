#!/usr/bin/env bash
# Start-up to healthy of placement-app, as the README's first command runs it (extracted layout with the class data
# sharing archive) and as the plain fat jar, alternately, each on a fresh H2 directory. Prints seconds to a healthy
# /actuator/health and the resident memory then. Run from the repository root after ./mvnw -DskipTests package.
set -euo pipefail
runs=${1:-3}
port=18089
export AXONIQ_UPDATE_CHECKER_DISABLED=true
measure() {
    local name=$1; shift
    local dir; dir=$(mktemp -d)
    local start; start=$(date +%s.%N)
    (cd "$dir" && exec java "$@" --server.port=$port >"$dir/log" 2>&1) &
    local pid=$!
    until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
        sleep 0.05
        kill -0 $pid 2>/dev/null || { echo "$name: exited; see $dir/log"; return 1; }
    done
    local end; end=$(date +%s.%N)
    local java; java=$(pgrep -P $pid java || echo $pid)
    local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$java/status 2>/dev/null || echo "?")
    printf '%-22s %6.2f s to healthy, RSS %s MiB\n' "$name" "$(echo "$end - $start" | bc)" "$rss"
    kill $pid; wait $pid 2>/dev/null || true
    rm -rf "$dir"
}
root=$(pwd)
for i in $(seq 1 "$runs"); do
    measure "README (CDS, extracted)" -XX:SharedArchiveFile="$root/placement-app/target/app/placements.jsa" \
        -jar "$root/placement-app/target/app/placement-app-0.1.0-SNAPSHOT.jar"
    measure "fat jar" -jar "$root/placement-app/target/placement-app-0.1.0-SNAPSHOT.jar"
done
