package uk.placements.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.placements.app.crash.CommandLog.Outcome;
import uk.placements.command.http.Api;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, backups an operator can trust: the packaged app under a mixed load of commands is backed up through
 * {@code POST /api/admin/backups} while the load goes on; the zip is restored as README says (unzipped into a fresh
 * directory, the master key file copied beside it, which the backup never holds) and the packaged app started
 * there. Every command acknowledged before the backup was asked for is in the restored event store, complete and at
 * the version it acknowledged; {@code verify} finds the hash chain intact for every aggregate in the restored store;
 * and each read model, caught up, equals its rebuild.
 */
class BackupRestoreIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path restoredDir;

    @Test
    void aBackupTakenUnderLoadRestoresEveryAcknowledgedCommandIntact() throws Exception {
        CommandLog log = new CommandLog();
        CommandLog acknowledgedBefore = new CommandLog();
        List<String> provisions;
        JsonNode backup;
        try (ChildApp app = new ChildApp(dataDir)) {
            app.launch();
            provisions = CrashSafetyIT.commission(app.api(), log);
            MixedLoad load = new MixedLoad(app, log, provisions, 11);
            load.start(6);
            CrashSafetyIT.awaitAcknowledged(log, 80);
            log.with(Outcome.ACKNOWLEDGED).forEach(acknowledgedBefore::record);
            Api.Answer taken = app.api().post("admin", "/api/admin/backups", "");
            assertThat(taken.status()).as(taken.body()).isEqualTo(201);
            backup = taken.json();
            assertThat(taken.headers().get("location")).endsWith("/api/admin/backups/" + backup.get("file").asText());
            CrashSafetyIT.awaitAcknowledged(log, log.count(Outcome.ACKNOWLEDGED) + 30); // the load went on
            Api.Answer download = app.api().get("admin", taken.headers().get("location"));
            assertThat(download.status()).as("the backup's Location downloads it").isEqualTo(200);
            assertThat(app.api().get("caseworker", taken.headers().get("location")).status()).isEqualTo(403);
            assertThat(app.api().get("admin", "/api/admin/backups/placements-..%2Fmaster.key").status())
                    .isIn(400, 404);
            JsonNode listed = app.api().get("admin", "/api/admin/backups").json();
            assertThat(listed.get(0).get("file").asText()).isEqualTo(backup.get("file").asText());
            load.stop();
            app.stop();
            System.out.printf("BackupRestoreIT: backup %s of %d bytes, last event index %d; %d commands "
                            + "acknowledged before it, %s in all%n", backup.get("file").asText(),
                    backup.get("bytes").asLong(), backup.get("lastEventIndex").asLong(),
                    acknowledgedBefore.count(Outcome.ACKNOWLEDGED), log.summary());
        }
        Path zip = dataDir.resolve("backups").resolve(backup.get("file").asText());
        assertThat(zip).as("the backup in placements.backup.directory").exists();
        unzip(zip, restoredDir);
        Files.copy(dataDir.resolve("master.key"), restoredDir.resolve("master.key"));

        try (ChildApp restored = new ChildApp(restoredDir)) { // the same arguments as the original, on the new dir
            restored.launch();
            CrashSafetyIT.readModelsConverge(restored.api(), provisions);
            restored.stop();

            EventStoreAudit store = EventStoreAudit.read(restored.jdbcUrl());
            store.sequencesAreContiguous();
            store.everyCommandAllOrNothing(acknowledgedBefore);
            assertThat(store.problems()).as("the restored event store against the commands acknowledged before the "
                    + "backup").isEmpty();

            Set<String> provisionIds = log.all().stream().filter(c -> c.kind() == CommandLog.Kind.COMMISSION)
                    .map(CommandLog.Sent::aggregateId).collect(Collectors.toSet());
            restored.launch();
            List<String> broken = new ArrayList<>();
            for (String aggregate : store.versions().keySet()) {
                String kind = provisionIds.contains(aggregate) ? "provisions" : "placements";
                JsonNode verified = restored.api().get("auditor", "/api/audit/" + kind + "/" + aggregate + "/verify")
                        .json();
                if (!verified.path("intact").asBoolean()) {
                    broken.add(kind + " " + aggregate + ": " + verified);
                }
            }
            assertThat(broken).as("aggregates whose hash chain verify finds broken").isEmpty();
            assertThat(store.versions()).hasSizeGreaterThan(provisions.size());
        }
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                assertThat(entry.getName()).as("the backup holds no key").doesNotContain("master.key");
                Files.copy(entries, target);
            }
        }
    }
}
