package uk.placements.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The size of an H2 stage's database file (issue 11): sampled every 250 ms while the product runs, the largest
 * kept per named phase (bulk load, sustained load, right after rebuilds), to be set against the size of the same
 * file after a compacting close ({@code SHUTDOWN COMPACT}), taken once the product has stopped.
 */
final class FileSizes implements AutoCloseable {

    private final Path file;
    private final Map<String, Long> largest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler;
    private volatile String phase;

    private FileSizes(Path file, String phase) {
        this.file = file;
        this.phase = phase;
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-file-size");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling the file of an H2 URL of {@link Database.H2} in {@code phase}. */
    static FileSizes sample(String h2Url, String phase) {
        return new FileSizes(file(h2Url), phase);
    }

    /** The {@code .mv.db} file of a {@code jdbc:h2:file:<base>;...} URL. */
    static Path file(String h2Url) {
        String base = h2Url.substring("jdbc:h2:file:".length());
        int options = base.indexOf(';');
        return Path.of((options < 0 ? base : base.substring(0, options)) + ".mv.db");
    }

    /** From now on samples count towards {@code name}. */
    void phase(String name) {
        sample();
        phase = name;
        sample();
    }

    /** Records the size now in the current phase (also called between samples, e.g. right after a rebuild). */
    void sample() {
        long size = size(file);
        largest.merge(phase, size, Math::max);
    }

    /** The largest size seen in a phase, 0 if none. */
    long largest(String name) {
        return largest.getOrDefault(name, 0L);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** Opens the stopped database, closes it with full compaction and returns the file's size then. */
    static long compacted(String h2Url) {
        try (Connection connection = DriverManager.getConnection(h2Url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException("could not compact " + file(h2Url), e);
        }
        return size(file(h2Url));
    }

    /** Deletes the database's files (the stage is measured: the next one needs the disk). */
    static void delete(String h2Url) {
        Path mvDb = file(h2Url);
        String prefix = mvDb.getFileName().toString().replace(".mv.db", ".");
        try (var files = Files.list(mvDb.getParent())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Free space on the disk holding {@code directory}, in GB. */
    static double freeGb(Path directory) {
        try {
            return Files.getFileStore(directory).getUsableSpace() / 1e9;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double mb(long bytes) {
        return bytes / 1e6;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0; // the file is being replaced: the next sample will see it
        }
    }
}
