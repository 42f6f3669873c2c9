#!/usr/bin/env bash
# Starts placement-app with the demo authority on a fresh H2 file and times every read endpoint (20 calls each,
# after 5 warm-up calls), printing the median and the slowest latency in milliseconds. Needs the packaged jar:
#   ./mvnw -q -DskipTests package && scripts/measure-queries.sh
# This is a measurement, not a test: the numbers vary with the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=placement-app/target/placement-app-0.1.0-SNAPSHOT.jar
dir=$(mktemp -d)
port=${PORT:-18080}
java -Daxoniq.update-checker.disabled=true -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$dir/db;WRITE_DELAY=0" --placements.crypto.master-key-file="$dir/key" \
  > "$dir/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$dir"' EXIT
until grep -q "Demo data loaded\|Demo data not loaded" "$dir/app.log" 2>/dev/null; do sleep 1; done
sleep 5 # let the projections catch up with the load
base="http://localhost:$port"
some_placement=$(curl -s -u caseworker:demo "$base/api/placements?size=1" | sed 's/.*"id":"\([^"]*\)".*/\1/;q')
some_provision=$(curl -s -u analyst:demo "$base/api/provisions?size=1" | sed 's/.*"id":"\([^"]*\)".*/\1/;q')
measure() { # user path
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -u "$1:demo" "$base$2"; done
  for _ in $(seq 20); do curl -s -o /dev/null -w '%{time_total}\n' -u "$1:demo" "$base$2"; done \
    | sort -n | awk -v p="$2" '{a[NR]=$1*1000} END {printf "%-60s median %7.1f ms   max %7.1f ms\n", p, a[int((NR+1)/2)], a[NR]}'
}
measure caseworker "/api/placements?size=50"
measure caseworker "/api/placements?q=smith"
measure caseworker "/api/placements/$some_placement"
measure analyst "/api/provisions?size=50"
measure analyst "/api/provisions/$some_provision"
measure analyst "/api/dashboard/capacity"
measure analyst "/api/dashboard/capacity?asOf=2026-05-01"
measure analyst "/api/dashboard/waiting-list"
measure analyst "/api/dashboard/inclusion"
measure analyst "/api/reports/placements.csv?asOf=2026-05-01"
measure analyst "/api/reports/capacity.csv"
measure auditor "/api/audit/placements/$some_placement/events"
measure auditor "/api/audit/placements/$some_placement/verify"
