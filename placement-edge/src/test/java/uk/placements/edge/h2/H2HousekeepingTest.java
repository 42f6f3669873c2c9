package uk.placements.edge.h2;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The housekeeping of an embedded H2 file: it refuses a database that acknowledges commits before writing them,
 * keeps the file near the size of its data under a churn of small commits to randomly keyed rows (as the read
 * models make), and forces the file to the disk on its interval.
 */
class H2HousekeepingTest {

    /** The product's defaults, with the file forced to the disk every 100 ms instead of every second. */
    private static final H2Housekeeping.Settings SETTINGS = new H2Housekeeping.Settings(Duration.ofMillis(100),
            Integer.parseInt(H2Housekeeping.Settings.FILL_RATE),
            Integer.parseInt(H2Housekeeping.Settings.REWRITE_BYTES),
            Duration.ofMillis(100));

    @TempDir
    Path dir;

    @Test
    void aFileDatabaseWithAWriteDelayIsRefused() {
        JdbcDataSource delayed = dataSource(dir.resolve("delayed") + ";WRITE_DELAY=500");
        assertThatThrownBy(() -> new H2Housekeeping(delayed, SETTINGS, null))
                .isInstanceOf(NonDurableDatabase.class).hasMessageContaining("WRITE_DELAY=500");
    }

    @Test
    void aRemoteServerRunningWithAWriteDelayIsRefusedToo() throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        try (Connection owner = DriverManager.getConnection("jdbc:h2:" + dir.resolve("remote") + ";WRITE_DELAY=0",
                "sa", "")) {
            // the server opens the database itself, with H2's default delay: the client's URL cannot change it
            JdbcDataSource remote = new JdbcDataSource();
            remote.setURL("jdbc:h2:tcp://localhost:" + server.getPort() + "/served");
            remote.setUser("sa");
            assertThatThrownBy(() -> new H2Housekeeping(remote, SETTINGS, null))
                    .isInstanceOf(NonDurableDatabase.class).hasMessageContaining("WRITE_DELAY=500");
            assertThat(owner.isValid(1)).isTrue();
        } finally {
            server.stop();
        }
    }

    @Test
    void aDurableFileIsAcceptedAndAMemoryDatabaseIsLeftAlone() throws SQLException {
        H2Housekeeping file = new H2Housekeeping(dataSource(H2Urls.durable("jdbc:h2:file:" + dir.resolve("ok"))
                .substring("jdbc:h2:".length())), SETTINGS, null);
        assertThat(file.active()).isTrue();
        H2Housekeeping memory = new H2Housekeeping(memoryDataSource(), SETTINGS, null);
        assertThat(memory.active()).isFalse();
    }

    /**
     * What makes the file grow, one factor at a time, on the same churn. Prints the table (see the closing note of
     * issue 11); asserts that the product's setting keeps the file within 6 times its data (the benchmark holds the
     * 3x target on the product's own load) and that H2 as it ran before grew several times more.
     */
    @Test
    void theFileStaysNearItsDataUnderAChurnOfSmallCommits() throws Exception {
        long before = churn("before", ";WRITE_DELAY=0", 45_000, false);
        long retentionOnly = churn("retention", ";WRITE_DELAY=0;ANALYZE_AUTO=0", 0, false);
        long compactOnly = churn("compact", ";WRITE_DELAY=0", 45_000, true);
        long uncompressed = churn("uncompressed", ";WRITE_DELAY=0;ANALYZE_AUTO=0", 0, true);
        long product = churn("product", ";WRITE_DELAY=0;ANALYZE_AUTO=0;COMPRESS=TRUE", 0, true);
        System.out.printf("H2HousekeepingTest: largest file / fully compacted file, 30,000 small commits:%n"
                        + "  WRITE_DELAY=0, retention 45 s, no housekeeping (before issue 11)  %5.1f x%n"
                        + "  WRITE_DELAY=0, retention 0, no housekeeping                        %5.1f x%n"
                        + "  WRITE_DELAY=0, retention 45 s, rewrite every 100 ms                %5.1f x%n"
                        + "  WRITE_DELAY=0, retention 0, rewrite every 100 ms                   %5.1f x%n"
                        + "  WRITE_DELAY=0, retention 0, rewrite every 100 ms, COMPRESS=TRUE    %5.1f x (the product)%n",
                before / 100.0, retentionOnly / 100.0, compactOnly / 100.0, uncompressed / 100.0, product / 100.0);
        assertThat(product).as("largest file with housekeeping, in hundredths of its compacted size").isLessThan(600);
        assertThat(before).as("as it was, the same churn grew the file several times more").isGreaterThan(3 * product);
    }

    /**
     * Retention 0 with H2's automatic ANALYZE failed commits with "Chunk … not found" in every 15-second run of eight
     * writers (H2 reads the table inside a commit without holding its version); the product's URL turns automatic
     * ANALYZE off. Eight writers for eight seconds on the product's URL and housekeeping: every commit succeeds.
     */
    @Test
    void concurrentWritersNeverLoseAChunkUnderTheProductsSettings() throws Exception {
        JdbcDataSource dataSource = durable("concurrent");
        try (Connection owner = dataSource.getConnection(); Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE ev(id BIGINT AUTO_INCREMENT PRIMARY KEY, agg VARCHAR(36), payload VARBINARY(600))");
            s.execute("CREATE TABLE rm(id VARCHAR(36) PRIMARY KEY, n INT, body VARBINARY(300))");
            H2Housekeeping keeper = new H2Housekeeping(dataSource, SETTINGS, null);
            assertThat(H2Housekeeping.setting(s, "RETENTION_TIME")).isEqualTo("0");
            keeper.start();
            long until = System.nanoTime() + 8_000_000_000L;
            List<Thread> writers = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                int seed = t;
                writers.add(new Thread(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        PreparedStatement append = c.prepareStatement("INSERT INTO ev(agg, payload) VALUES (?, ?)");
                        PreparedStatement upsert = c.prepareStatement("MERGE INTO rm KEY(id) VALUES (?, ?, ?)");
                        Random random = new Random(seed);
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; System.nanoTime() < until; i++) {
                            String id = ids.isEmpty() || random.nextInt(4) == 0 ? UUID.randomUUID().toString()
                                    : ids.get(random.nextInt(ids.size()));
                            ids.add(id);
                            append.setString(1, id);
                            append.setBytes(2, new byte[500]);
                            append.executeUpdate();
                            c.commit();
                            upsert.setString(1, id);
                            upsert.setInt(2, i);
                            upsert.setBytes(3, new byte[200]);
                            upsert.executeUpdate();
                            c.commit();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread writer : writers) {
                writer.join();
            }
            keeper.stop();
            assertThat(failures).as("failed commits").isEmpty();
        }
    }

    /**
     * A pass leaves the pages it rewrote for the next commit to write, and until then their chunks look as sparse as
     * before: a second pass with no commit between would read every page of the same chunks again for nothing. It is
     * skipped; after a commit the next pass runs.
     */
    @Test
    void aPassRunsOnlyOnceSomethingHasBeenCommittedSinceTheLastOne() throws Exception {
        JdbcDataSource dataSource = durable("passes");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            H2Housekeeping keeper = new H2Housekeeping(dataSource, SETTINGS, null);
            s.execute("CREATE TABLE rm(id INT PRIMARY KEY, n INT, body VARBINARY(300))");
            c.setAutoCommit(false);
            upsertRandomRows(c, 3_000, 1_500, 11);
            MVStore store = c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                    ? local.getDatabase().getStore().getMvStore() : null;
            assertThat(store).isNotNull();
            assertThat(store.getFileStore().getChunksFillRate()).as("the chunks' fill rate, below the pass's target")
                    .isLessThan(Integer.parseInt(H2Housekeeping.Settings.FILL_RATE));

            boolean[] ran = new boolean[3];
            long first = allocatedBy(() -> ran[0] = keeper.compact());
            long second = allocatedBy(() -> ran[1] = keeper.compact());
            assertThat(ran[0]).as("the first pass ran").isTrue();
            assertThat(first).as("bytes the first pass allocated, going through the sparse chunks' pages")
                    .isGreaterThan(32 * 1024);
            assertThat(ran[1]).as("a second pass with no commit between ran").isFalse();
            assertThat(second).as("bytes a second pass with no commit between allocated").isLessThan(first / 20);

            upsertRandomRows(c, 3_000, 1_500, 12);
            assertThat(keeper.compact()).as("the pass after more commits ran").isTrue();
        }
    }

    @Test
    void aPassMayRewriteHalfOfWhatWasWrittenSinceTheLastOneWithinItsBounds() {
        int most = Integer.parseInt(H2Housekeeping.Settings.REWRITE_BYTES);
        assertThat(H2Housekeeping.budget(50L * most, most)).isEqualTo(most);
        assertThat(H2Housekeeping.budget(most, most)).isEqualTo(most / 2);
        assertThat(H2Housekeeping.budget(1_000, most)).isEqualTo(H2Housekeeping.LEAST_REWRITE);
        assertThat(H2Housekeeping.budget(1_000, 4_096)).isEqualTo(4_096);
    }

    /**
     * Under a churn of writes a pass may rewrite all its setting allows. Once only small commits follow (a reader's
     * access-log row), the next pass waits until twice that has been written or {@link H2Housekeeping#QUIET_PASS} has
     * passed, so that readers do not wait for a pass every 100 ms.
     */
    @Test
    void onceTheWritesStopAPassWaitsForMoreWritesOrItsQuietInterval() throws Exception {
        JdbcDataSource dataSource = durable("quiet");
        int most = Integer.parseInt(H2Housekeeping.Settings.REWRITE_BYTES);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            H2Housekeeping keeper = new H2Housekeeping(dataSource, SETTINGS, null);
            s.execute("CREATE TABLE rm(id INT PRIMARY KEY, n INT, body VARBINARY(300))");
            s.execute("CREATE TABLE access_log(id INT PRIMARY KEY, who VARCHAR(20))");
            c.setAutoCommit(false);
            upsertRandomRows(c, 6_000, 3_000, 13);
            assertThat(keeper.compact()).as("the first pass after the churn").isTrue();
            assertThat(keeper.lastBudget()).as("what the first pass after the churn may rewrite").isEqualTo(most);
            PreparedStatement read = c.prepareStatement("INSERT INTO access_log VALUES (?, 'reader')");
            for (int i = 0; i < 3; i++) {
                read.setInt(1, i);
                read.executeUpdate();
                c.commit();
                assertThat(keeper.compact()).as("a pass right after a reader's commit").isFalse();
            }
            Thread.sleep(H2Housekeeping.QUIET_PASS.toMillis() + 100);
            assertThat(keeper.compact()).as("the pass once the quiet interval has passed").isTrue();
            assertThat(keeper.lastBudget()).as("what it may rewrite").isLessThan(most);
        }
    }

    /**
     * {@code commits} small commits, each an upsert of a random one of {@code keys} rows of {@code rm}: every chunk
     * keeps a few live pages.
     */
    private static void upsertRandomRows(Connection c, int commits, int keys, long seed) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("MERGE INTO rm KEY(id) VALUES (?, ?, ?)")) {
            Random random = new Random(seed);
            byte[] body = new byte[300];
            for (int i = 0; i < commits; i++) {
                random.nextBytes(body);
                upsert.setInt(1, random.nextInt(keys));
                upsert.setInt(2, i);
                upsert.setBytes(3, body);
                upsert.executeUpdate();
                c.commit();
            }
        }
    }

    /** What {@code pass} allocated on this thread. */
    private static long allocatedBy(Runnable pass) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        pass.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void theFileIsForcedToTheDiskOnItsInterval() throws Exception {
        JdbcDataSource dataSource = durable("synced");
        H2Housekeeping housekeeping = new H2Housekeeping(dataSource, SETTINGS, null);
        housekeeping.start();
        try (Connection open = dataSource.getConnection()) {
            Thread.sleep(550);
            assertThat(housekeeping.syncs()).isGreaterThanOrEqualTo(3);
        } finally {
            housekeeping.stop();
        }
    }

    /**
     * 30,000 commits (an appended event and an upsert of a randomly keyed row each, as the event store and the read
     * models make) on a file opened with {@code urlOptions}, H2's retention time set to {@code retention} ms, with or
     * without the housekeeping's rewrite pass; returns the largest size the file reached, in hundredths of its size
     * after a full compaction.
     */
    private long churn(String name, String urlOptions, int retention, boolean rewrite) throws Exception {
        JdbcDataSource dataSource = dataSource("file:" + dir.resolve(name) + urlOptions);
        Path file = dir.resolve(name + ".mv.db");
        long largest = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            H2Housekeeping keeper = null;
            if (rewrite) {
                keeper = new H2Housekeeping(dataSource, SETTINGS, null);
                keeper.start();
            }
            s.execute("SET RETENTION_TIME " + retention);
            s.execute("CREATE TABLE ev(id BIGINT AUTO_INCREMENT PRIMARY KEY, agg VARCHAR(36), payload VARBINARY(600))");
            s.execute("CREATE TABLE rm(id VARCHAR(36) PRIMARY KEY, status VARCHAR(20), n INT, body VARBINARY(300))");
            c.setAutoCommit(false);
            PreparedStatement append = c.prepareStatement("INSERT INTO ev(agg, payload) VALUES (?, ?)");
            PreparedStatement upsert = c.prepareStatement("MERGE INTO rm KEY(id) VALUES (?, ?, ?, ?)");
            Random random = new Random(7);
            List<String> ids = new ArrayList<>();
            byte[] payload = new byte[500];
            for (int i = 0; i < 15_000; i++) {
                String id = ids.isEmpty() || random.nextInt(4) == 0 ? UUID.randomUUID().toString()
                        : ids.get(random.nextInt(ids.size()));
                ids.add(id);
                random.nextBytes(payload);
                append.setString(1, id);
                append.setBytes(2, payload);
                append.executeUpdate();
                c.commit();
                upsert.setString(1, id);
                upsert.setString(2, "S" + random.nextInt(5));
                upsert.setInt(3, i);
                upsert.setBytes(4, new byte[200]);
                upsert.executeUpdate();
                c.commit();
                if (i % 500 == 0) {
                    largest = Math.max(largest, Files.size(file));
                }
            }
            largest = Math.max(largest, Files.size(file));
            if (keeper != null) {
                keeper.stop();
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        return largest * 100 / Files.size(file);
    }

    private JdbcDataSource durable(String name) {
        return dataSource(H2Urls.durable("jdbc:h2:file:" + dir.resolve(name)).substring("jdbc:h2:".length()));
    }

    private static JdbcDataSource dataSource(String afterPrefix) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + afterPrefix);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static JdbcDataSource memoryDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:housekeeping-" + UUID.randomUUID());
        dataSource.setUser("sa");
        return dataSource;
    }
}
