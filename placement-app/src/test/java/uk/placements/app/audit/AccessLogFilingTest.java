package uk.placements.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;
import uk.placements.query.audit.AccessLog;
import uk.placements.query.audit.AccessLogFiling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log is recorded in {@code access_log_pending} and filed into {@code access_log} in batches (V178): a read
 * is found by auditors before and after it is filed, in the same order, and filing by two instances at once files
 * every row exactly once, in the order recorded.
 */
class AccessLogFilingTest extends AppTest {

    @Autowired
    AccessLogFiling filing;

    @Autowired
    AccessLog accessLog;

    @BeforeEach
    void holdTheBackgroundFiling() {
        filing.stop(); // each test files when it means to
    }

    @AfterEach
    void resumeTheBackgroundFiling() {
        filing.start();
    }

    @Test
    void aReadIsRecordedAsPendingAndFoundInTheSameOrderBeforeAndAfterItIsFiled() {
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=0");
        Instant before = Instant.now();
        api.get("caseworker", "/api/placements/" + placement);
        api.get("caseworker", "/api/placements?q=" + upn);

        Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM access_log_pending WHERE placement_id = ? "
                + "AND accessed_at >= ?", Integer.class, placement, Timestamp.from(before));
        assertThat(pending).as("recorded before the answer was sent, not yet filed").isEqualTo(2);
        JsonNode unfiled = api.get("auditor", "/api/audit/access-log?upn=" + upn + "&from=" + before).json();
        assertThat(unfiled).extracting(e -> e.get("endpoint").asText())
                .containsExactly("/api/placements", "/api/placements/" + placement);

        assertThat(filing.fileAll()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log_pending", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE placement_id = ? AND accessed_at >= ?",
                Integer.class, placement, Timestamp.from(before))).isEqualTo(2);
        // a read after the filing: pending, and the newest
        api.get("caseworker", "/api/placements/" + placement);
        JsonNode filed = api.get("auditor", "/api/audit/access-log?upn=" + upn + "&from=" + before).json();
        assertThat(filed).extracting(e -> e.get("endpoint").asText()).containsExactly("/api/placements/" + placement,
                "/api/placements", "/api/placements/" + placement);
        assertThat(filed.get(1)).isEqualTo(unfiled.get(0));
        assertThat(filed.get(2)).isEqualTo(unfiled.get(1));
    }

    @Test
    void twoInstancesFilingAtOnceWhileReadsAreRecordedFileEveryRowOnceInTheOrderRecorded() throws Exception {
        String user = "filing-" + UUID.randomUUID().toString().substring(0, 8);
        filing.fileAll(); // what earlier tests' reads left pending: from here on, only this test records
        AtomicInteger recorded = new AtomicInteger();
        AtomicBoolean recording = new AtomicBoolean(true);
        CompletableFuture<Void> reads = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 6_000; i++) {
                record(user, i);
                recorded.incrementAndGet();
            }
            recording.set(false);
        });
        AtomicInteger conflicts = new AtomicInteger();
        List<CompletableFuture<Integer>> filers = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            filers.add(CompletableFuture.supplyAsync(() -> {
                int filed = 0;
                while (recording.get()) {
                    try {
                        filed += filing.fileAll();
                    } catch (RuntimeException e) {
                        conflicts.incrementAndGet(); // the other instance held the same rows: rolled back
                    }
                }
                return filed;
            }));
        }
        reads.get();
        int filedWhileRecording = 0;
        for (CompletableFuture<Integer> filer : filers) {
            filedWhileRecording += filer.get();
        }
        int filedAfter = filing.fileAll();

        assertThat(filedWhileRecording).as("the two instances filed while reads were recorded").isPositive();
        assertThat(filedWhileRecording + filedAfter).as("every row filed once, by one instance").isEqualTo(6_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log_pending WHERE user_id = ?", Integer.class,
                user)).isZero();
        List<String> order = jdbc.queryForList("SELECT endpoint FROM access_log WHERE user_id = ? ORDER BY id",
                String.class, user);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            expected.add("/filing/" + i);
        }
        assertThat(order).as("each row once, in the order recorded").isEqualTo(expected);
        List<AccessLog.Entry> newestFirst = accessLog.search(null, user, null, null, 10);
        assertThat(newestFirst).extracting(AccessLog.Entry::endpoint).containsExactly("/filing/5999", "/filing/5998",
                "/filing/5997", "/filing/5996", "/filing/5995", "/filing/5994", "/filing/5993", "/filing/5992",
                "/filing/5991", "/filing/5990");
    }

    private void record(String user, int i) {
        jdbc.update("INSERT INTO access_log_pending (accessed_at, user_id, pupil_id, placement_id, endpoint) "
                + "VALUES (?, ?, ?, NULL, ?)", Timestamp.from(Instant.now()), user, "pupil-" + (i % 97), "/filing/" + i);
    }
}
