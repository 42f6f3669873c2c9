#!/usr/bin/env bash
# The scaled-out topology for real: PostgreSQL, (Axon Server), one command service, two query services and nginx with
# the shipped docker/nginx/gateway.conf; a caseworker's journey through the gateway, the capacity race, an existing
# id, a rebuild, a query service's failover, restarts; PASS or FAIL per step, exit 1 if any failed.
#
#   scripts/topology-check.sh                                  # postgres mode: Debian's PostgreSQL, no Axon Server
#   scripts/topology-check.sh --axonserver-jar axonserver.jar  # axonserver mode: starts that Axon Server SE jar
#   scripts/topology-check.sh --pg-url jdbc:postgresql://host:5432/db --pg-user u --pg-password p
#   scripts/topology-check.sh --keep                           # keep the logs (printed working directory)
#
# Needs the built jars (./mvnw -DskipTests package), Debian's postgresql (unless --pg-url) and nginx, python3.
# Building Axon Server SE from its public source: see docker/README.md, "Axon Server for the topology check".
set -euo pipefail
exec python3 "$(dirname "$0")/topology_check.py" "$@"
