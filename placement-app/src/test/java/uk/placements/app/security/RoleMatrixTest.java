package uk.placements.app.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of API.md against every role and no one: anonymous gets 401, a role API.md does not name gets
 * 403, and a role it names gets through (reads answer 200; writes sent an empty body answer 400 from validation,
 * which shows the request passed the access check without changing anything; a rebuild answers 200). The live
 * stream is only called by roles it refuses, since it stays open for the others.
 */
class RoleMatrixTest extends AppTest {

    private static final String CW = "caseworker";
    private static final String PA = "provision-admin";
    private static final String AU = "auditor";
    private static final String AN = "analyst";
    private static final String AD = "admin";
    private static final String FI = "finance";
    private static final String RE = "returns";
    private static final List<String> USERS = List.of(CW, PA, AU, AN, AD, FI, RE);

    /** {@code allowedStatus}: what a permitted role gets; 0 means "not called for permitted roles" (a stream). */
    record Endpoint(String method, String path, Set<String> allowed, int allowedStatus) {
        Endpoint(String method, String path, Set<String> allowed) {
            this(method, path, allowed, method.equals("GET") ? 200 : 400);
        }

        boolean isRead() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Case(Endpoint endpoint, String user) {
        @Override
        public String toString() {
            return endpoint + " as " + (user == null ? "anonymous" : user);
        }
    }

    private static String provision;
    private static String placement;
    /** The context the targets were made in: a subclass on another database (OnPostgres) makes its own. */
    private static int targetsPort;

    static Stream<Endpoint> endpoints() {
        Set<String> any = Set.of(CW, PA, AU, AN, AD, FI, RE);
        return Stream.of(
                new Endpoint("GET", "/api/me", any),
                new Endpoint("POST", "/api/provisions", Set.of(PA, AD)),
                new Endpoint("PUT", "/api/provisions/{prov}/places", Set.of(PA, AD)),
                new Endpoint("POST", "/api/provisions/{prov}/staffing", Set.of(PA, AD)),
                new Endpoint("POST", "/api/provisions/{prov}/close", Set.of(PA, AD)),
                new Endpoint("POST", "/api/provisions/{prov}/base-model", Set.of(PA, AD)),
                new Endpoint("POST", "/api/provisions/{prov}/base-lead", Set.of(PA, AD)),
                new Endpoint("POST", "/api/provisions/{prov}/teacher-access", Set.of(PA, AD)),
                new Endpoint("GET", "/api/provisions/{prov}/standards", any),
                new Endpoint("GET", "/api/provisions/{prov}/standards?asOf=2025-01-01", any),
                new Endpoint("GET", "/api/provisions", any),
                new Endpoint("GET", "/api/provisions/{prov}", any),
                new Endpoint("POST", "/api/placements", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/offer", Set.of(CW, AD)),
                new Endpoint("GET", "/api/placements/{pl}/candidates", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/offer/decline", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/offer/withdraw", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/admission", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/time-split", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/move-to-mainstream", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/end", Set.of(CW, AD)),
                new Endpoint("POST", "/api/placements/{pl}/withdraw", Set.of(CW, AD)),
                new Endpoint("GET", "/api/placements", Set.of(CW, AD)),
                new Endpoint("GET", "/api/placements/{pl}", Set.of(CW, AD)),
                new Endpoint("GET", "/api/audit/placements/{pl}/events", Set.of(AU, AD)),
                new Endpoint("GET", "/api/audit/placements/{pl}/state?asOf=2099-01-01T00:00:00Z", Set.of(AU, AD)),
                new Endpoint("GET", "/api/audit/placements/{pl}/verify", Set.of(AU, AD)),
                new Endpoint("GET", "/api/audit/provisions/{prov}/events", Set.of(AU, AD)),
                new Endpoint("GET", "/api/audit/provisions/{prov}/state?asOf=2099-01-01T00:00:00Z", Set.of(AU, AD)),
                new Endpoint("GET", "/api/audit/provisions/{prov}/verify", Set.of(AU, AD)),
                new Endpoint("GET", "/api/audit/access-log", Set.of(AU, AD)),
                new Endpoint("GET", "/api/dashboard/capacity", Set.of(AN, AD)),
                new Endpoint("GET", "/api/dashboard/waiting-list", Set.of(AN, AD)),
                new Endpoint("GET", "/api/dashboard/inclusion", Set.of(AN, AD)),
                new Endpoint("GET", "/api/dashboard/bases", Set.of(AN, AD)),
                new Endpoint("GET", "/api/dashboard/bases?asOf=2026-05-01", Set.of(AN, AD)),
                new Endpoint("GET", "/api/reports/placements.csv", Set.of(AN, AD)),
                new Endpoint("GET", "/api/reports/capacity.csv", Set.of(AN, AD)),
                new Endpoint("POST", "/api/admin/pupils/B801200005001/erase", Set.of(AD)),
                new Endpoint("GET", "/api/admin/retention", Set.of(AD)),
                new Endpoint("GET", "/api/dashboard/capacity/stream", any, 0),
                new Endpoint("GET", "/api/admin/projections", Set.of(AD)),
                new Endpoint("POST", "/api/admin/projections/provisions/rebuild", Set.of(AD), 200),
                // on these test databases (H2 in memory, PostgreSQL) backups through the API answer 501
                new Endpoint("GET", "/api/admin/backups", Set.of(AD), 501),
                new Endpoint("POST", "/api/admin/backups", Set.of(AD), 501),
                new Endpoint("GET", "/api/admin/backups/placements-20261205T000000000Z.zip", Set.of(AD), 501),
                new Endpoint("GET", "/actuator/prometheus", Set.of(AD)),
                new Endpoint("GET", "/api/funding/tariff", Set.of(CW, FI, AD)),
                new Endpoint("PUT", "/api/funding/tariff/place-rates", Set.of(FI, AD)),
                new Endpoint("PUT", "/api/funding/tariff/bands/MATRIX", Set.of(FI, AD)),
                new Endpoint("PUT", "/api/funding/tariff/provision-rates/{prov}", Set.of(FI, AD)),
                new Endpoint("POST", "/api/funding/placements/{pl}/top-up", Set.of(CW, FI, AD)),
                new Endpoint("GET", "/api/funding/placements/{pl}", Set.of(CW, FI, AD)),
                new Endpoint("GET", "/api/funding/without-funding", Set.of(CW, FI, AD)),
                new Endpoint("GET", "/api/funding/placements/{pl}/ledger", Set.of(CW, FI, AD)),
                new Endpoint("GET", "/api/funding/ledger", Set.of(AN, FI, AD)),
                new Endpoint("GET", "/api/funding/spend", Set.of(AN, FI, AD)),
                new Endpoint("GET", "/api/funding/schedules", Set.of(FI, AD)),
                new Endpoint("GET", "/api/funding/schedules/2026-11.csv", Set.of(FI, AD)),
                new Endpoint("GET", "/api/funding/schedules/2026-11.csv?named=true", Set.of(FI, AD)),
                new Endpoint("GET", "/api/funding/place-change", Set.of(FI, AN, PA, AD)),
                new Endpoint("GET", "/api/funding/place-change.csv", Set.of(FI, AN, PA, AD)),
                new Endpoint("PUT", "/api/funding/place-change/{prov}/2027-28", Set.of(PA, FI, AD)),
                new Endpoint("GET", "/api/returns/sen2/placements.csv", Set.of(RE, AD)),
                new Endpoint("GET", "/api/returns/sen2/placements.csv?censusDate=2027-01-21", Set.of(RE, AD)),
                new Endpoint("GET", "/api/returns/sen2/summary", Set.of(RE, AD)),
                // sent as JSON, the extract is refused as a media type the reconciliation does not take
                new Endpoint("POST", "/api/returns/gias/reconciliation", Set.of(RE, AN, AD), 415),
                new Endpoint("GET", "/api/returns/scap/capacity", Set.of(RE, AN, AD)),
                new Endpoint("GET", "/api/returns/scap/capacity.csv?asOf=2026-05-01", Set.of(RE, AN, AD)),
                new Endpoint("GET", "/api/returns/scap/forecast", Set.of(RE, AN, AD)),
                new Endpoint("GET", "/api/returns/scap/forecast.csv?asOf=2026-05-01", Set.of(RE, AN, AD)));
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        endpoints().forEach(e -> {
            cases.add(new Case(e, null));
            USERS.stream().filter(u -> e.allowedStatus() != 0 || !e.allowed().contains(u))
                    .forEach(u -> cases.add(new Case(e, u)));
        });
        return cases.stream();
    }

    @BeforeEach
    void targets() {
        if (provision == null || targetsPort != port) {
            targetsPort = port;
            provision = api.commission(Api.newProvisionId("MATRIX"), "RESOURCE_BASE", 3);
            placement = api.refer(Api.newUpn());
            api.get(CW, "/api/placements/" + placement + "?minVersion=0");
            api.get(CW, "/api/provisions/" + provision + "?minVersion=0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyEndpointAnswersEachRoleAsApiMdSays(Case c) {
        Endpoint e = c.endpoint();
        String path = e.path().replace("{prov}", provision).replace("{pl}", placement);
        Api.Answer answer = e.isRead()
                ? api.get(c.user(), path)
                : e.path().startsWith("/api/admin/projections/") || e.path().equals("/api/admin/backups")
                ? api.post(c.user(), path, "") // these writes take no body
                : api.send(c.user(), e.method(), path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        if (c.user() == null) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        } else if (!e.allowed().contains(c.user())) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(e.allowedStatus());
        }
    }
}
