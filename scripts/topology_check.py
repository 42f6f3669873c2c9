#!/usr/bin/env python3
"""The scaled-out topology, for real, on this machine: PostgreSQL, (Axon Server), one command service, two query
services and nginx with the shipped docker/nginx/gateway.conf. Runs a caseworker's journey through the gateway, the
capacity race, an existing id, a rebuild, the failover of a query service (and, with Axon Server, a kill -9 and
restart of Axon Server and of the command service), and prints PASS or FAIL per step. Exit status: 0 if every step
passed. Standard library only. See scripts/topology-check.sh for the options."""

import argparse
import base64
import concurrent.futures
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMAND_JAR = os.path.join(ROOT, "placement-command/target/placement-command-0.1.0-SNAPSHOT-exec.jar")
QUERY_JAR = os.path.join(ROOT, "placement-query/target/placement-query-0.1.0-SNAPSHOT-exec.jar")
WEB_CLIENT = os.path.join(ROOT, "placement-app/target/web-client")
GATEWAY_CONF = os.path.join(ROOT, "docker/nginx/gateway.conf")
MASTER_KEY = base64.b64encode(bytes(range(32))).decode()
PASSWORD = os.environ.get("PLACEMENTS_DEMO_PASSWORD", "demo")

results = []


def step(name, ok, detail=""):
    results.append((name, ok))
    print(("PASS " if ok else "FAIL ") + name + (": " + detail if detail else ""), flush=True)
    return ok


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what, check, timeout):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            if check():
                return True
        except Exception as e:  # not up yet
            last = e
        time.sleep(0.5)
    print("  waited %ds for %s (last: %s)" % (timeout, what, last), flush=True)
    return False


def http(method, port, path, user=None, body=None, headers=None, timeout=30):
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method,
                                     data=None if body is None else json.dumps(body).encode())
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if user:
        token = base64.b64encode(("%s:%s" % (user, PASSWORD)).encode()).decode()
        request.add_header("Authorization", "Basic " + token)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text.startswith(("{", "[")) else text)
    except urllib.error.HTTPError as e:
        text = e.read().decode(errors="replace")
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


class Topology:
    def __init__(self, args):
        self.args = args
        self.dir = tempfile.mkdtemp(prefix="topology-")
        os.chmod(self.dir, 0o755)
        self.processes = {}
        self.ports = {}
        self.pg_url = args.pg_url
        self.axon = args.axonserver

    # -- PostgreSQL -------------------------------------------------------------------------------------------
    def start_postgres(self):
        if self.pg_url:
            return step("PostgreSQL given", True, self.pg_url)
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            return step("PostgreSQL started", False, "Debian's PostgreSQL server is not installed "
                        "(apt-get install -y postgresql), and no --pg-url was given")
        bindir = os.path.dirname(bins[-1])
        data = os.path.join(self.dir, "pg")
        os.makedirs(data)
        as_postgres = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            shutil.chown(data, "postgres")
            as_postgres = ["runuser", "-u", "postgres", "--"]
        port = free_port()
        subprocess.run(as_postgres + [os.path.join(bindir, "initdb"), "-D", data, "-U", "postgres", "-A", "trust"],
                       check=True, stdout=subprocess.DEVNULL)
        log = open(os.path.join(self.dir, "postgres.log"), "w")
        self.processes["postgres"] = subprocess.Popen(
            as_postgres + [os.path.join(bindir, "postgres"), "-D", data, "-p", str(port), "-k", data,
                           "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on", "-c", "synchronous_commit=on"],
            stdout=log, stderr=subprocess.STDOUT)
        ok = wait_until("PostgreSQL", lambda: socket.create_connection(("127.0.0.1", port), 1).close() or True, 30)
        time.sleep(1)
        # As on a managed database: the services' user owns its database and nothing more; the operator's one step
        # as superuser creates the reporting role (README, "Dashboards and reporting").
        for statement in ("CREATE ROLE placements LOGIN PASSWORD 'placements' NOSUPERUSER NOCREATEROLE",
                          "CREATE DATABASE placements OWNER placements",
                          "CREATE ROLE placements_reporting NOLOGIN"):
            subprocess.run(as_postgres + [os.path.join(bindir, "psql"), "-h", data, "-p", str(port), "-U",
                                          "postgres", "-c", statement], check=ok, stdout=subprocess.DEVNULL)
        self.pg_url = "jdbc:postgresql://127.0.0.1:%d/placements" % port
        self.args.pg_user, self.args.pg_password = "placements", "placements"
        self.psql = as_postgres + [os.path.join(bindir, "psql"), "-h", data, "-p", str(port), "-U", "postgres",
                                   "-d", "placements", "-tAc"]
        return step("PostgreSQL started (Debian's server, fsync on; services as an ordinary database owner)", ok,
                    self.pg_url)

    def sql(self, query):
        if not getattr(self, "psql", None):
            return None
        return subprocess.run(self.psql + [query], capture_output=True, text=True, check=True).stdout.strip()

    # -- Axon Server ------------------------------------------------------------------------------------------
    def start_axon_server(self):
        http_port, grpc_port = self.ports.get("axon-http") or free_port(), self.ports.get("axon-grpc") or free_port()
        self.ports["axon-http"], self.ports["axon-grpc"] = http_port, grpc_port
        data = os.path.join(self.dir, "axonserver")
        os.makedirs(data, exist_ok=True)
        log = open(os.path.join(self.dir, "axonserver.log"), "a")
        self.processes["axonserver"] = subprocess.Popen(
            ["java", "-Xmx512m", "-jar", self.args.axonserver_jar,
             "--server.port=%d" % http_port, "--axoniq.axonserver.port=%d" % grpc_port,
             "--axoniq.axonserver.standalone=true", "--axoniq.axonserver.devmode.enabled=true",
             "--axoniq.axonserver.event.storage=" + data + "/events",
             "--axoniq.axonserver.snapshot.storage=" + data + "/events",
             "--axoniq.axonserver.controldb-path=" + data,
             "--axoniq.axonserver.pid-file-location=" + data,
             "--axoniq.axonserver.name=topology", "--axoniq.axonserver.hostname=127.0.0.1"],
            stdout=log, stderr=subprocess.STDOUT, cwd=data)
        self.axon = "127.0.0.1:%d" % grpc_port
        return wait_until("Axon Server", lambda: http("GET", http_port, "/actuator/health")[0] == 200, 120)

    # -- services ---------------------------------------------------------------------------------------------
    def start_service(self, name, jar):
        port = self.ports.get(name) or free_port()
        self.ports[name] = port
        env = dict(os.environ, SERVER_PORT=str(port), PLACEMENTS_DB_URL=self.pg_url,
                   PLACEMENTS_DB_USER=self.args.pg_user, PLACEMENTS_DB_PASSWORD=self.args.pg_password,
                   PLACEMENTS_CRYPTO_MASTER_KEY=MASTER_KEY, PLACEMENTS_DEMO_PASSWORD=PASSWORD,
                   PLACEMENTS_DEMO_USERS="true",
                   SPRING_PROFILES_ACTIVE="axonserver,postgres" if self.axon else "postgres",
                   AXONIQ_UPDATE_CHECKER_DISABLED="true")
        if self.axon:
            env["AXONSERVER_SERVERS"] = self.axon
        log = open(os.path.join(self.dir, name + ".log"), "a")
        self.processes[name] = subprocess.Popen(["java", "-Xmx384m", "-jar", jar], env=env, stdout=log,
                                                stderr=subprocess.STDOUT)

    def healthy(self, name, timeout=180):
        return wait_until(name, lambda: http("GET", self.ports[name], "/actuator/health")[0] == 200, timeout)

    def kill(self, name):
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait()

    # -- nginx ------------------------------------------------------------------------------------------------
    def start_gateway(self):
        port = free_port()
        with open(GATEWAY_CONF) as f:
            conf = f.read()
        substitutions = {"server placement-command:8080 ": "server 127.0.0.1:%d " % self.ports["command"],
                         "server placement-query-1:8080 ": "server 127.0.0.1:%d " % self.ports["query-1"],
                         "server placement-query-2:8080 ": "server 127.0.0.1:%d " % self.ports["query-2"],
                         "listen 8080;": "listen 127.0.0.1:%d;" % port,
                         "root /usr/share/placements/web-client;": "root %s;" % WEB_CLIENT}
        for old, new in substitutions.items():
            if conf.count(old) != 1:
                return step("gateway started", False, "gateway.conf no longer has exactly one '%s'" % old)
            conf = conf.replace(old, new)
        nginx_dir = os.path.join(self.dir, "nginx")
        os.makedirs(os.path.join(nginx_dir, "temp"))
        with open(os.path.join(nginx_dir, "gateway.conf"), "w") as f:
            f.write(conf)
        mime = "include /etc/nginx/mime.types;" if os.path.exists("/etc/nginx/mime.types") else ""
        with open(os.path.join(nginx_dir, "nginx.conf"), "w") as f:
            f.write(("user root;\n" if os.geteuid() == 0 else "") + """worker_processes 1;
pid %(d)s/nginx.pid;
error_log %(d)s/error.log notice;
events { worker_connections 256; }
http {
    %(mime)s
    default_type application/octet-stream;
    access_log %(d)s/access.log;
    client_body_temp_path %(d)s/temp/body;
    proxy_temp_path %(d)s/temp/proxy;
    fastcgi_temp_path %(d)s/temp/fastcgi;
    uwsgi_temp_path %(d)s/temp/uwsgi;
    scgi_temp_path %(d)s/temp/scgi;
    include gateway.conf;
}
""" % {"d": nginx_dir, "mime": mime})
        self.processes["nginx"] = subprocess.Popen(
            ["/usr/sbin/nginx", "-p", nginx_dir, "-c", os.path.join(nginx_dir, "nginx.conf"),
             "-e", os.path.join(nginx_dir, "error.log"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        self.gateway = port
        ok = wait_until("nginx", lambda: http("GET", port, "/actuator/health")[0] == 200, 30)
        return step("gateway (shipped gateway.conf under Debian's nginx) answers health", ok, "port %d" % port)

    def stop(self):
        for name, process in reversed(list(self.processes.items())):
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        if not self.args.keep:
            shutil.rmtree(self.dir, ignore_errors=True)


def provision_json(provision_id, places):
    return {"id": provision_id, "name": "Topology " + provision_id, "type": "RESOURCE_BASE",
            "hostSchool": {"urn": "100001", "name": "Host School"}, "phase": "PRIMARY", "lowestYear": 0,
            "highestYear": 6, "designatedNeeds": ["ASD", "SLCN"], "commissionedPlaces": places,
            "openedOn": "2024-09-01"}


UPN_SERIAL = [int(time.time()) % 1_000_000]


def new_upn():
    UPN_SERIAL[0] += 1
    body = "%011d1" % (80_130_000_000 + UPN_SERIAL[0])
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    return letters[sum(int(c) * (i + 2) for i, c in enumerate(body)) % 23] + body


def referral_json(upn):
    return {"pupil": {"upn": upn, "givenName": "Olivia", "familyName": "Hargreaves", "dateOfBirth": "2017-05-14"},
            "yearGroup": 3, "primaryNeed": "ASD", "secondaryNeeds": ["SLCN"], "ehcpStatus": "EHCP",
            "homeSchoolUrn": "200002", "referredOn": "2026-09-01"}


def read_after_write(port, path, version, timeout=20):
    """A read through the gateway that waits (minVersion) until the query side has the write."""
    answer = [None]

    def check():
        answer[0] = http("GET", port, "%s?minVersion=%d" % (path, version), "caseworker")
        return answer[0][0] == 200
    wait_until(path, check, timeout)
    return answer[0]


def journey(t, label):
    g = t.gateway
    UPN_SERIAL[0] += 1
    provision = "TOPO-%d" % (int(time.time() * 1000) % 10_000_000 + UPN_SERIAL[0])
    status, body = http("POST", g, "/api/provisions", "provision-admin", provision_json(provision, 3))
    if not step("%s: commission a provision through the gateway" % label, status == 201,
                "%s %s" % (status, "" if status == 201 else body)):
        return None
    upn = new_upn()
    status, referred = http("POST", g, "/api/placements", "caseworker", referral_json(upn))
    if not step("%s: refer a pupil" % label, status == 201, str(status)):
        return None
    placement = referred["id"]
    steps = [("offer", {"provisionId": provision, "offeredOn": "2026-09-10"}),
             ("admission", {"admittedOn": "2026-09-15", "mainstreamPercent": 50}),
             ("time-split", {"mainstreamPercent": 60, "effectiveFrom": "2026-10-01", "reason": "settled well"})]
    version = referred["version"]
    for action, body in steps:
        status, answer = http("POST", g, "/api/placements/%s/%s" % (placement, action), "caseworker", body)
        if not step("%s: %s" % (label, action), status == 200, "%s %s" % (status, "" if status == 200 else answer)):
            return None
        version = answer["version"]
    status, read = read_after_write(g, "/api/placements/" + placement, version)
    ok = status == 200 and read.get("status") == "ADMITTED" and read.get("mainstreamPercent") == 60 \
        and read.get("pupil", {}).get("upn") == upn
    step("%s: the query side shows the admitted pupil, 60%% in mainstream, with their UPN" % label, ok,
         "%s %s" % (status, read.get("status") if isinstance(read, dict) else read))
    # the timeline is read from the placement's events in the event store (Axon Server's, in that mode)
    timeline = read.get("timeline", []) if isinstance(read, dict) else []
    entries = [(e.get("type"), e.get("on"), e.get("by")) for e in timeline]
    expected = [("PupilReferred", "2026-09-01", "caseworker"), ("PlaceOffered", "2026-09-10", "caseworker"),
                ("PupilAdmitted", "2026-09-15", "caseworker"), ("TimeSplitChanged", "2026-10-01", "caseworker")]
    step("%s: the placement's timeline is its four events from the event store, in order, with who and when" % label,
         entries == expected, str(entries))
    return provision, placement, upn


def capacity_race(t, label, ports):
    """16 pupils referred, then 16 concurrent offers for 2 places, sent in turn to each of {@code ports}: exactly 2
    accepted, 14 refused with R-CAPACITY, no 5xx (lost races across services are retried, then refused by rule)."""
    provision = "TOPO-RACE-%d" % (int(time.time() * 1000) % 10_000_000 + len(ports))
    http("POST", ports[0], "/api/provisions", "provision-admin", provision_json(provision, 2))
    placements = []
    for i in range(16):
        status, body = http("POST", ports[i % len(ports)], "/api/placements", "caseworker", referral_json(new_upn()))
        if status == 201:
            placements.append(body["id"])
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda ip: http("POST", ports[ip[0] % len(ports)],
                                                "/api/placements/%s/offer" % ip[1], "caseworker",
                                                {"provisionId": provision, "offeredOn": "2026-09-10"}),
                                enumerate(placements)))
    ok_count = sum(1 for s, _ in answers if s == 200)
    refused = sum(1 for s, b in answers if s == 409 and isinstance(b, dict) and b.get("rule") == "R-CAPACITY")
    errors = sum(1 for s, _ in answers if s >= 500)
    step(label, len(placements) == 16 and ok_count == 2 and refused == 14 and errors == 0,
         "%d accepted, %d refused with R-CAPACITY, %d 5xx, others %s"
         % (ok_count, refused, errors, sorted(s for s, _ in answers if s not in (200, 409))))


def existing_id(t, provision):
    status, body = http("POST", t.gateway, "/api/provisions", "provision-admin", provision_json(provision, 3))
    step("an existing provision id is refused with 409, not 500", status == 409,
         "%s %s" % (status, body.get("title") if isinstance(body, dict) else ""))


def rebuild(t):
    status, body = http("POST", t.gateway, "/api/admin/projections/caseload/rebuild", "admin", timeout=600)
    ok = status == 200 and body.get("checksumBefore") == body.get("checksumAfter")
    step("rebuild of caseload on a quiet system: checksum after equals checksum before", ok,
         "%s events=%s" % (status, body.get("events") if isinstance(body, dict) else body))


def rebuild_after_unhandled_events(t):
    """The provisions read model handles no placement event: with the journey's placement events last in the store,
    its rebuild must still answer within seconds, and no read model may show a lag on a quiet system."""
    started = time.time()
    status, body = http("POST", t.gateway, "/api/admin/projections/provisions/rebuild", "admin", timeout=120)
    seconds = time.time() - started
    step("rebuild of provisions with placement events last in the store answers within 30 s",
         status == 200 and seconds < 30, "%s after %.1f s" % (status, seconds))
    lags = {}

    def no_lag():
        status, body = http("GET", t.gateway, "/api/admin/projections", "admin")
        lags.update({p["name"]: p["lag"] for p in body} if status == 200 else {})
        return status == 200 and all(v == 0 for v in lags.values())
    step("no read model shows a lag on a quiet system", wait_until("lag 0", no_lag, 15), str(lags))


def nobody_erased(t):
    count = t.sql("SELECT COUNT(*) FROM rm_placement WHERE pupil_erased")
    if count is None:
        return
    step("no pupil shown as erased (nobody was erased)", count == "0", "%s of %s" % (
        count, t.sql("SELECT COUNT(*) FROM rm_placement")))


def owned_segments(port, name):
    status, body = http("GET", port, "/api/admin/projections", "admin")
    if status != 200:
        return -1
    return sum(len(p.get("segmentsClaimedHere", [])) for p in body if p.get("name") == name) if isinstance(body, list) \
        else -1


class Load:
    """Referrals sent through the gateway, one after another, while something is killed; every acknowledged one is
    read back afterwards."""

    def __init__(self, t):
        self.t = t
        self.acknowledged = []
        self.answers = []
        self.failures = []
        self.running = True
        self.pool = concurrent.futures.ThreadPoolExecutor(2)
        self.futures = [self.pool.submit(self.run) for _ in range(2)]

    def run(self):
        while self.running:
            try:
                status, body = http("POST", self.t.gateway, "/api/placements", "caseworker", referral_json(new_upn()))
            except Exception as e:  # the connection itself failed
                status, body = 0, str(e)
                self.failures.append(str(e))
            self.answers.append(status)
            if status == 201:
                self.acknowledged.append((body["id"], body["version"]))
            time.sleep(0.05)

    def stop(self, label, unavailable_allowed=False):
        """{@code unavailable_allowed}: 503 (nothing recorded, try again) is a right answer while the bus is down."""
        self.running = False
        for f in self.futures:
            f.result()
        self.pool.shutdown()
        unavailable = sum(1 for s in self.answers if s == 503)
        errors = sum(1 for s in self.answers if (s >= 500 or s == 0) and not (unavailable_allowed and s == 503))
        others = {}
        for s in self.answers:
            if s not in (201, 503):
                others[s] = others.get(s, 0) + 1
        step("%s: referrals sent meanwhile" % label, errors == 0 and len(self.acknowledged) > 0,
             "%d sent, %d acknowledged, %d answered 503, %d other 5xx or failed connections; other answers %s"
             % (len(self.answers), len(self.acknowledged), unavailable, errors, others))
        missing = [p for p, v in self.acknowledged
                   if read_after_write(self.t.gateway, "/api/placements/" + p, v, 60)[0] != 200]
        step("%s: every referral acknowledged meanwhile is on the query side" % label, not missing,
             "%d of %d missing" % (len(missing), len(self.acknowledged)))


def query_failover(t):
    survivor = t.ports["query-2"]
    load = Load(t)
    time.sleep(2)
    t.kill("query-1")
    started = time.time()
    took_all = wait_until("query-2 to own every segment", lambda: all(
        owned_segments(survivor, m) == 4 for m in ("caseload", "placement-history", "provisions")), 60)
    seconds = time.time() - started
    step("kill -9 of one query service under load: the survivor owns every segment", took_all,
         "after %.1f s" % seconds)
    time.sleep(2)
    load.stop("query failover")
    return journey(t, "after query failover")


def axon_server_restart(t, provision):
    status, referred = http("POST", t.gateway, "/api/placements", "caseworker", referral_json(new_upn()))
    acknowledged = referred["id"] if status == 201 else None
    load = Load(t)
    time.sleep(2)
    t.kill("axonserver")
    time.sleep(2)
    ok = t.start_axon_server()
    step("Axon Server killed (kill -9) under load and started again", ok)
    started = time.time()
    reconnected = all(t.healthy(n, 120) for n in ("command", "query-2"))
    step("services reconnect to Axon Server by themselves", reconnected,
         "healthy %.1f s after Axon Server was" % (time.time() - started))
    time.sleep(2)
    load.stop("Axon Server kill -9", unavailable_allowed=True)
    if acknowledged:
        status, read = read_after_write(t.gateway, "/api/placements/" + acknowledged, 0, 60)
        step("a referral acknowledged before the kill is there after it", status == 200, str(status))
    journey(t, "after Axon Server restart")


def command_restart(t):
    t.kill("command")
    t.start_service("command", COMMAND_JAR)
    ok = t.healthy("command")
    step("command service killed (kill -9) and started again", ok)
    journey(t, "after command service restart")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--axonserver-jar", help="Axon Server SE jar to start (axonserver mode)")
    parser.add_argument("--axonserver", help="host:grpc-port of a running Axon Server (axonserver mode)")
    parser.add_argument("--pg-url", help="JDBC URL of an empty PostgreSQL database (default: start Debian's)")
    parser.add_argument("--pg-user", default="postgres")
    parser.add_argument("--pg-password", default="")
    parser.add_argument("--keep", action="store_true", help="keep the working directory (logs) afterwards")
    args = parser.parse_args()
    for jar in (COMMAND_JAR, QUERY_JAR):
        if not os.path.exists(jar):
            sys.exit("%s is missing: build first (./mvnw -DskipTests package)" % jar)
    t = Topology(args)
    mode = "axonserver,postgres" if (args.axonserver_jar or args.axonserver) else "postgres"
    print("Topology check, mode %s, working directory %s" % (mode, t.dir), flush=True)
    try:
        if not t.start_postgres():
            return 1
        if args.axonserver_jar and not step("Axon Server started", t.start_axon_server(), args.axonserver_jar):
            return 1
        started = time.time()
        # the services start together on the empty database, as compose starts them
        t.start_service("command", COMMAND_JAR)
        t.start_service("command-2", COMMAND_JAR)
        t.start_service("query-1", QUERY_JAR)
        t.start_service("query-2", QUERY_JAR)
        ok = all(t.healthy(n) for n in ("command", "command-2", "query-1", "query-2"))
        step("two command services and two query services started together on an empty database", ok,
             "healthy after %.0f s" % (time.time() - started))
        if not ok or not t.start_gateway():
            return 1
        first = journey(t, "journey")
        capacity_race(t, "capacity race: 16 concurrent offers for 2 places", [t.gateway])
        capacity_race(t, "two command services: 16 concurrent offers for 2 places, half to each",
                      [t.ports["command"], t.ports["command-2"]])
        if first:
            existing_id(t, first[0])
        time.sleep(3)
        rebuild(t)
        if first:
            journey(t, "before the rebuild of provisions")
        rebuild_after_unhandled_events(t)
        nobody_erased(t)
        query_failover(t)
        if args.axonserver_jar:
            axon_server_restart(t, first[0] if first else None)
        command_restart(t)
        nobody_erased(t)
    finally:
        t.stop()
    failed = [name for name, ok in results if not ok]
    print("%d steps, %d passed, %d failed" % (len(results), len(results) - len(failed), len(failed)))
    if failed and args.keep:
        print("logs in " + t.dir)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
