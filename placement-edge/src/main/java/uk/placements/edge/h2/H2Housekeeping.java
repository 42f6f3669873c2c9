package uk.placements.edge.h2;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps an embedded H2 file durable and near the size of its data.
 *
 * <p><b>Durable.</b> On start it reads the database's own {@code WRITE_DELAY} and refuses to start unless it is 0,
 * whoever opened the database and however (this process, or an H2 server another process runs with {@code
 * AUTO_SERVER}); {@link DurableH2DataSources} has already put {@code WRITE_DELAY=0} in this process's own URLs.
 *
 * <p><b>Near its data.</b> H2's store is append-only: each commit writes the pages it changed as a new chunk, and
 * the space of chunks whose pages are all superseded is reused. Its own background thread rewrites chunks that are
 * mostly superseded, but H2 runs that thread only when commits are delayed ({@code WRITE_DELAY} above 0): with
 * {@code WRITE_DELAY=0} nothing ever compacts, and under randomly keyed read models nearly every chunk keeps a few
 * live pages, so the file grew 50 to 100-fold. H2 also keeps superseded chunks for {@code RETENTION_TIME} (45 s by
 * default) before reusing their space, which under sustained load is gigabytes. Measured on a churn of small
 * commits (H2HousekeepingTest): H2 as configured before, 110x its compacted size; retention 0 alone, 15x; retention
 * 0 and a rewrite pass every 100 ms, 2.6x. This class therefore sets the retention time to 0 and, while the
 * database is in this process, rewrites the sparse chunks itself every {@code interval} with {@link
 * MVStore#compact}, H2's public call for it, after waiting its turn for the store's lock (see {@link #compact()}). It
 * does not move chunks to shrink the file
 * ({@code RandomAccessStore.compactMoveChunks}: called from outside H2's writer it failed H2's own assertions);
 * free space is reused instead, and the file shrinks when the database closes.
 *
 * <p><b>Compressed like its compacted copy.</b> A compacting close ({@code SHUTDOWN COMPACT}) copies every map into
 * a new file with H2's page compression on, whatever the database's own setting: a running store without it holds
 * the same live pages uncompressed. The benchmark measured, at 100,000 events, the largest file under sustained load
 * 2.83x its compacted size without compression and 1.84x with it (during rebuilds 2.42x and 1.69x), so {@link
 * H2Urls#durable} turns {@code COMPRESS=TRUE} on unless the URL says otherwise.
 *
 * <p><b>Retention 0 needs {@code ANALYZE_AUTO=0}.</b> H2 refreshes a table's statistics by itself after every 2,000
 * changed rows, inside a commit, reading the table without holding on to the version it reads; with a retention time
 * of 0 the chunks it reads can be dropped under it, and the commit fails ("Chunk … not found": reproduced every time
 * with eight writers for 15 s, never with {@code ANALYZE_AUTO=0}, see H2HousekeepingTest). {@link H2Urls#durable}
 * therefore turns automatic ANALYZE off, and this class sets the retention time to 0 only when it is off (an
 * explicit {@code ANALYZE} statement reads like any other statement and is safe). Without statistics H2 plans
 * queries from its default selectivity.
 *
 * <p><b>Forced to disk.</b> H2 never forces a commit to the disk: it writes it to the operating system, which keeps
 * it through a crash of the process but not through a power loss or a crash of the operating system. Every {@code
 * syncInterval} this class forces the file to the disk ({@code fsync}), which bounds what a power loss can take to
 * about that interval. It is not a per-commit guarantee, and H2 does not promise that its file survives a power
 * loss undamaged: see README, "What is guaranteed".
 */
public class H2Housekeeping implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

    /** Compaction and sync settings ({@code placements.h2.*}). */
    public record Settings(Duration interval, int fillRate, int rewriteBytes, Duration syncInterval) {

        /** {@code placements.h2.housekeeping-interval}'s default. */
        public static final String INTERVAL = "100ms";
        /**
         * {@code placements.h2.compact-fill-rate}'s default: a pass rewrites only while less than this share of
         * the file's chunks is live.
         */
        public static final String FILL_RATE = "90";
        /**
         * {@code placements.h2.compact-bytes}'s default: the most a pass rewrites, and so how long commits wait for
         * it. At 16 MiB a pass held them for 0.4 to 1.1 s on a busy machine, every few seconds (a caseload page,
         * which records its reader in the access log, stalled with them: the benchmark's p99 of 440 ms at 100,000
         * events on H2 against 3.4 ms p50). Smaller and more often was measured and not kept: 512 kB every 25 ms
         * brought that p99 from 91 to 57 ms and a placement's from 79 to 19 ms, but the passes no longer kept up,
         * and the file under sustained load reached 5.7 times its compacted size (2.5 times at the defaults; the
         * target is 3).
         */
        public static final String REWRITE_BYTES = "2097152";
        /** {@code placements.h2.sync-interval}'s default. */
        public static final String SYNC_INTERVAL = "1s";
    }

    private final Settings settings;
    private final DataSource dataSource;
    private volatile MVStore store;
    private final AtomicLong syncs = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public H2Housekeeping(DataSource dataSource, Settings settings, MeterRegistry meters) throws SQLException {
        this.settings = settings;
        this.dataSource = dataSource;
        this.store = inspect(dataSource);
        if (store != null && meters != null) {
            Gauge.builder("placements.h2.file.size", this, h -> h.open() == null ? 0 : h.open().getFileStore().size())
                    .baseUnit("bytes").description("Size of the embedded H2 file").register(meters);
            Gauge.builder("placements.h2.fill.rate", this, h -> h.open() == null ? 0 : h.open().getFillRate())
                    .baseUnit("percent").description("Share of the H2 file holding live data").register(meters);
            Gauge.builder("placements.h2.syncs", syncs, AtomicLong::get)
                    .description("Times the H2 file was forced to the disk").register(meters);
        }
    }

    /**
     * Refuses a persistent H2 database that acknowledges commits before writing them, and returns its store when it
     * lives in this process (so this process can keep it), else null.
     */
    private static MVStore inspect(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return null;
            }
            String path = single(statement, "SELECT DATABASE_PATH()");
            if (path == null) {
                return null; // in memory: nothing to lose to a crash, nothing to grow on disk
            }
            String writeDelay = setting(statement, "WRITE_DELAY");
            if (!"0".equals(writeDelay)) {
                throw new NonDurableDatabase("the H2 database runs with WRITE_DELAY=" + writeDelay
                        + ": commits would be acknowledged before they are written, and a crash would lose them");
            }
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
                return null; // another process's server owns the file and keeps it
            }
            if ("0".equals(setting(statement, "ANALYZE_AUTO"))) {
                statement.execute("SET RETENTION_TIME 0");
            } else {
                LOG.warn("H2 runs with automatic ANALYZE: the superseded chunks are kept for H2's retention time, "
                        + "and the file grows further under load (see H2Housekeeping)");
            }
            closeWithTheApplication(local.getDatabase());
            return local.getDatabase().getStore().getMvStore();
        }
    }

    /**
     * Takes the database out of H2's JVM shutdown hook, which would close it while the event processors and the
     * web server still use it (each then logged "Database is already closed" and answered 500). The URL setting
     * {@code DB_CLOSE_ON_EXIT=FALSE} does that too, but H2 refuses it with {@code AUTO_SERVER=TRUE}, the default
     * URL's; H2 offers no public call, so its own {@code OnExitDatabaseCloser.unregister} is called (H2 is pinned
     * in the build; CleanStopIT fails if this stops working). The database then closes when the application closes
     * its connection pool, after everything that uses it has stopped.
     */
    private static void closeWithTheApplication(org.h2.engine.Database database) {
        try {
            java.lang.reflect.Method unregister = Class.forName("org.h2.engine.OnExitDatabaseCloser")
                    .getDeclaredMethod("unregister", org.h2.engine.Database.class);
            unregister.setAccessible(true);
            unregister.invoke(null, database);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("H2's shutdown hook may close the database before the application stops: {}", e.toString());
        }
    }

    /**
     * The value a setting has now. H2 lists a setting once as last stored by a {@code SET} (a URL's settings are
     * such statements) and once more, last, as the database runs with it: the last row is the one in force.
     */
    static String setting(Statement statement, String name) throws SQLException {
        String value = null;
        try (ResultSet rows = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            while (rows.next()) {
                value = rows.getString(1);
            }
        }
        return value;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Whether this process keeps an H2 file (false on PostgreSQL, in memory, or when another process owns it). */
    public boolean active() {
        return store != null;
    }

    /** Times the file has been forced to the disk since start. */
    public long syncs() {
        return syncs.get();
    }

    /**
     * One housekeeping pass: rewrite the chunks whose live pages fill less than {@code fillRate} percent, holding the
     * store's lock for it. H2's own call ({@link MVStore#compact}) only tries that lock for 10 ms, and the lock is
     * fair: under a sustained load every committing thread queues for it, so the attempt nearly always lapsed (about
     * one pass in ten rewrote anything) while commits wrote a new chunk each, and the file grew to 4.5-8 times its
     * compacted size in the benchmark. Waiting for the lock in turn, like a commit, the pass runs (commits wait for
     * it meanwhile: it rewrites at most {@code rewriteBytes}), and the file stayed at 3.0-3.4 times. H2 offers no
     * public way to wait for its store lock, so it is read from the store (H2 is pinned in the build; without it the
     * pass falls back to H2's own call).
     * <p>
     * A pass leaves the pages it rewrote for the next commit to write, whichever transaction makes it: a reader that
     * records itself in the access log then writes the pass besides its own row (on a small file, about 230 kB
     * against 16 kB). Two ways round it were measured and not kept: committing the store here after each pass, as
     * H2's own background writer does; and that commit with each pass sized by what the other writers wrote since
     * the last one (so that the passes stop once the writes do). In the benchmark at 100,000 events the largest
     * file under sustained load went from 2.5 to 3.9 and 4.0 times its compacted size (the target is 3), and the
     * caseload page's p99 on H2 stayed at 60 to 70 ms, its slowest samples spread over the run.
     */
    boolean compact() {
        MVStore open = open();
        if (open == null) {
            return false;
        }
        ReentrantLock lock = storeLock(open);
        if (lock == null) {
            return pass(open);
        }
        lock.lock();
        try {
            return pass(open);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The store, its version, the bytes written to its file and the instant ({@link System#nanoTime}) when the last
     * pass ran, and what that pass might rewrite (only the housekeeping's thread reads and sets them; the budget is
     * read by tests).
     */
    private MVStore passedStore;
    private long passedVersion = -1;
    private long passedWritten;
    private long passedAt;
    private volatile int lastBudget;

    /** The most the last pass might rewrite, in bytes ({@link #budget}). */
    int lastBudget() {
        return lastBudget;
    }

    /**
     * While less than twice {@code compact-bytes} has been written since the last pass, the next waits this long. In
     * the benchmark's reads (100,000 events, H2) each caseload page and placement read committed its access-log row,
     * a pass followed every 100 ms, and a read that committed meanwhile waited 25 to 35 ms for the store's lock (the
     * JFR recording of that run: every wait of a caseload read over 10 ms was in {@code MVStore.commit}, one every
     * 130 ms or so). A pass cannot be made shorter than the chunk it rewrites, so it is made rarer where little is
     * written; under load, with megabytes written between two ticks, every tick still runs one.
     */
    static final java.time.Duration QUIET_PASS = java.time.Duration.ofSeconds(5);

    /** The least a pass rewrites once something has been committed. */
    static final int LEAST_REWRITE = 64 * 1024;

    /**
     * The most a pass may rewrite: half of what was written to the file since the last pass, at least {@link
     * #LEAST_REWRITE}, at most {@code most}. Under a sustained load the writers write many times {@code most}
     * between two passes, and each pass rewrites all it may, as before. Once the writes stop (the dashboards' and the
     * caseload page's reads commit only their access-log rows), what a pass rewrote is most of what the next commit
     * writes, so each pass may rewrite half of what the one before it did, down to the least: a commit waits for a
     * pass, and writes what the pass rewrote, so a reader that records itself in the access log is held for that
     * much, not for {@code most}.
     */
    static int budget(long writtenSince, int most) {
        return (int) Math.max(Math.min(LEAST_REWRITE, most), Math.min(most, writtenSince / 2));
    }

    /**
     * A pass, unless nothing has been committed since the last one, or too little has been written since for it to
     * be due yet ({@link #QUIET_PASS}); whether it ran. The pages a pass rewrites stay in
     * memory until the next commit writes them, and until then the chunks they came from look as sparse as before:
     * the next pass picks the same chunks and goes through their pages again, reading from the file those not in
     * H2's cache, to find each already rewritten. While nothing commits (the dashboards' reads commit nothing) that
     * was all the housekeeping did, every {@code interval}, on the cores the reads need. On a small file all in
     * H2's cache such a second pass allocated a quarter of what the first did (H2HousekeepingTest); skipped, nothing.
     */
    private boolean pass(MVStore open) {
        long version = open.getCurrentVersion();
        if (open == passedStore && version == passedVersion) {
            return false;
        }
        long written = written(open);
        long now = System.nanoTime();
        if (open == passedStore && written >= 0 && written - passedWritten < 2L * settings.rewriteBytes()
                && now - passedAt < QUIET_PASS.toNanos()) {
            return false; // too little written yet to be worth a pass that the next commits would wait for
        }
        passedAt = now;
        int budget = open == passedStore && written >= 0
                ? budget(written - passedWritten, settings.rewriteBytes()) : settings.rewriteBytes();
        passedStore = open;
        passedVersion = version;
        passedWritten = written;
        lastBudget = budget;
        open.compact(settings.fillRate(), budget);
        return true;
    }

    /** H2's count of the bytes written to the store's file since it opened, read from the store (-1 if none). */
    private static long written(MVStore store) {
        try {
            return WRITE_BYTES == null ? -1 : ((AtomicLong) WRITE_BYTES.get(store.getFileStore())).get();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** H2's own count of written bytes, looked up once (null if this H2 has none: then every pass may rewrite all). */
    private static final java.lang.reflect.Field WRITE_BYTES = field(org.h2.mvstore.FileStore.class, "writeBytes");

    /** H2's own store lock field, looked up once (null if this H2 has none: then H2's own call is used). */
    private static final java.lang.reflect.Field STORE_LOCK = field(MVStore.class, "storeLock");

    /** A private field of H2's, made readable (H2 is pinned in the build); null if this H2 has none. */
    private static java.lang.reflect.Field field(Class<?> owner, String name) {
        try {
            java.lang.reflect.Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static ReentrantLock storeLock(MVStore store) {
        try {
            return STORE_LOCK == null ? null : (ReentrantLock) STORE_LOCK.get(store);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * At DEBUG, every 5 s: H2's own figures for the file (size, share of it holding chunks, share of the chunks' pages
     * still live, chunk and page counts), to see whether the rewriting keeps up with the commits.
     */
    void describe() {
        MVStore open = open();
        if (open != null) {
            StringBuilder line = new StringBuilder();
            open.populateInfo((name, value) -> {
                if (name.contains("FILL") || name.contains("FILE_SIZE") || name.contains("COUNT")) {
                    line.append(name.replace("info.", "")).append('=').append(value).append(' ');
                }
            });
            LOG.debug("H2 file: {}version={}", line, open.getCurrentVersion());
        }
    }

    /** Forces what H2 has written to the disk. */
    void sync() {
        MVStore open = open();
        if (open != null) {
            open.sync();
            syncs.incrementAndGet();
        }
    }

    /**
     * The database's store while it is open. Should the database have closed and opened again (every connection
     * closed meanwhile), the new store is found through the pool.
     */
    private MVStore open() {
        MVStore current = store;
        if (current == null || !current.isClosed()) {
            return current;
        }
        try {
            MVStore reopened = inspect(dataSource);
            if (reopened != null) {
                store = reopened;
            }
            return reopened;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public synchronized void start() {
        if (store == null || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> quietly("compact", this::compact), settings.interval().toMillis(),
                settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        if (LOG.isDebugEnabled()) {
            scheduler.scheduleWithFixedDelay(() -> quietly("describe", this::describe), 5, 5, TimeUnit.SECONDS);
        }
        if (!settings.syncInterval().isZero()) {
            scheduler.scheduleWithFixedDelay(() -> quietly("sync", this::sync), settings.syncInterval().toMillis(),
                    settings.syncInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // a pass that fails (the store closing under it) is tried again at the next tick
            LOG.debug("H2 housekeeping: {} failed: {}", what, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        quietly("sync", this::sync);
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Started first and stopped last: it keeps the file while the processors and the web server stop. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
