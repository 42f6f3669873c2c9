package uk.placements.edge.h2;

import java.util.Locale;
import java.util.Optional;

/**
 * What the product requires of an H2 URL, whoever wrote it: the default in application.yml, an operator's
 * {@code --spring.datasource.url}, a test's. An H2 database in a file must write each commit to the file before the
 * commit returns ({@code WRITE_DELAY=0}; H2's default is 500 ms, so a crash loses what was acknowledged in the last
 * half second), and must not close itself from H2's own JVM shutdown hook ({@code DB_CLOSE_ON_EXIT=FALSE}, which H2
 * refuses together with {@code AUTO_SERVER=TRUE}: see {@link H2Housekeeping}): the application closes its connection
 * pool after the event processors and the web server have stopped, and the database closes with the last
 * connection. Two settings keep the file near its data (see {@link H2Housekeeping}): {@code ANALYZE_AUTO=0} and
 * {@code COMPRESS=TRUE}; a URL that sets either itself is obeyed.
 * <p>
 * H2's page cache is left at H2's own 16 MB. A cache of an eighth of the heap was tried: on the benchmark's database
 * at 100,000 events, 50 cold inclusion dashboards read 1,100 pages from the file instead of 19,000, but with the file
 * in the operating system's cache the dashboards were no faster (the product alone, 200 cold reads, two runs each),
 * and in the one benchmark run with it, where the cache grew to hold the pages the load wrote, the heap after each
 * young collection was 1.2 GB and the collections' mean pause 85 ms, against 660 MB and 41 ms in the run before.
 */
public final class H2Urls {

    static final String WRITE_DELAY = "WRITE_DELAY";
    static final String DB_CLOSE_ON_EXIT = "DB_CLOSE_ON_EXIT";
    static final String ANALYZE_AUTO = "ANALYZE_AUTO";
    static final String COMPRESS = "COMPRESS";

    private H2Urls() {
    }

    /** An H2 URL of any kind (file, memory, remote). */
    public static boolean isH2(String url) {
        return url != null && url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
    }

    /**
     * An H2 database this process opens in a file of its own (not {@code mem:}, not a remote {@code tcp:}/{@code
     * ssl:} server, not a read-only {@code zip:}). With {@code AUTO_SERVER=TRUE} a second process may still reach it
     * through the first one's server; then the first one's settings govern, and it has them too.
     */
    public static boolean isEmbeddedFile(String url) {
        if (!isH2(url)) {
            return false;
        }
        String rest = url.substring(8).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    /**
     * The URL with the settings durability needs added where they are missing. A URL that asks for a write delay
     * other than 0 is refused rather than silently corrected or silently obeyed.
     *
     * @throws NonDurableDatabase if the URL sets {@code WRITE_DELAY} to anything but 0
     */
    public static String durable(String url) {
        if (url == null || !isEmbeddedFile(url)) {
            return url;
        }
        String result = url;
        Optional<String> writeDelay = setting(url, WRITE_DELAY);
        if (writeDelay.isEmpty()) {
            result += ";" + WRITE_DELAY + "=0";
        } else if (!writeDelay.get().trim().equals("0")) {
            throw new NonDurableDatabase("the H2 URL sets " + WRITE_DELAY + "=" + writeDelay.get()
                    + ": commits would be acknowledged before they are written, and a crash would lose them");
        }
        if (setting(url, ANALYZE_AUTO).isEmpty()) {
            result += ";" + ANALYZE_AUTO + "=0"; // see H2Housekeeping: H2's automatic ANALYZE and retention 0
        }
        if (setting(url, COMPRESS).isEmpty()) {
            result += ";" + COMPRESS + "=TRUE"; // see H2Housekeeping: the file against its compacted size
        }
        boolean autoServer = setting(url, "AUTO_SERVER").map(v -> v.trim().equalsIgnoreCase("TRUE")).orElse(false);
        if (setting(url, DB_CLOSE_ON_EXIT).isEmpty() && !autoServer) {
            // H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER=TRUE; H2Housekeeping then takes the database out
            // of H2's shutdown hook itself
            result += ";" + DB_CLOSE_ON_EXIT + "=FALSE";
        }
        return result;
    }

    /** The value of a {@code ;NAME=value} setting of the URL, if it has one (names are case-insensitive). */
    static Optional<String> setting(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase(name)) {
                return Optional.of(parts[i].substring(equals + 1));
            }
        }
        return Optional.empty();
    }
}
