package uk.placements.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's command line. Every option has a default that gives the standard run (under ten minutes on a
 * 2-core machine); {@code --quick} shrinks everything for a smoke run of about two minutes.
 *
 * @param sizes             event-store sizes (events) at which every figure is measured, smallest first
 * @param databases         {@code h2} and/or {@code postgres}
 * @param clients           concurrent clients of the command load (HTTP and gateway)
 * @param loadTime          how long each command load runs
 * @param querySamples      requests per query endpoint
 * @param provisionEvents   events in the long-lived provision whose loading is timed
 * @param engineEvents      events appended (one per transaction) when comparing the JPA and JDBC storage engines
 * @param snapshotThreshold the provision snapshot threshold given to the product
 * @param soak              length of the soak run, or {@link Duration#ZERO} for none
 * @param onlySoak          the soak alone, without the table
 * @param appJar            the packaged placement-app, started as a child process for start-up and memory
 * @param workDir           where the H2 files live (emptied per stage)
 * @param fixedAuthority    the same authority at every size over a history that grows ({@link Plans#fixedAuthority}),
 *                          instead of an authority that grows with the events over two years
 * @param keepPostgres      PostgreSQL's data directory under {@code workDir/postgres}, kept when the run ends (the last
 *                          size's database, to ask its queries again with {@code EXPLAIN}), instead of a temporary one
 */
record BenchOptions(List<Long> sizes, List<String> databases, int clients, Duration loadTime, int querySamples,
                    int provisionEvents, int engineEvents, int snapshotThreshold, Duration soak, boolean onlySoak,
                    Path appJar, Path workDir, boolean fixedAuthority, boolean keepPostgres) {

    static final String USAGE = """
            java -jar placement-bench/target/placement-bench-0.1.0-SNAPSHOT.jar [options]
              --quick                 smoke run (~2 min): 10,000 events, short loads, fewer samples
              --sizes=10000,100000    event-store sizes to measure at (default 10000,100000)
              --with-1m               add the 1,000,000-event size (long: loads about 170,000 placements)
              --databases=h2,postgres which databases (default both)
              --clients=16            concurrent command clients
              --load-seconds=20       length of each command load
              --query-samples=200     requests per query endpoint
              --provision-events=20000  events in the provision whose load is timed
              --engine-events=5000    events per storage engine in the JPA vs JDBC comparison
              --snapshot-threshold=250  provision snapshot threshold
              --soak=10m              also run mixed load for this long (s, m or h), reporting memory and drift
              --only-soak             with --soak: the soak alone, without the table
              --app-jar=path          packaged placement-app (default placement-app/target/placement-app-0.1.0-SNAPSHOT.jar)
              --work-dir=path         H2 files (default placement-bench/target/bench-data)
              --authority=growing     growing: one provision per 16 placements over two years (the answers grow
                                      with the events); fixed: the 100,000-event authority at every size, over a
                                      history that grows with the events (only the history grows)
              --keep-postgres         PostgreSQL's data in <work-dir>/postgres, kept after the run (emptied first)
            """;

    static BenchOptions parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        List<Long> sizes = new ArrayList<>(quick ? List.of(10_000L) : List.of(10_000L, 100_000L));
        List<String> databases = List.of("h2", "postgres");
        int clients = 16;
        Duration load = Duration.ofSeconds(quick ? 6 : 20);
        int samples = quick ? 40 : 200;
        int provisionEvents = quick ? 4_000 : 20_000;
        int engineEvents = quick ? 1_000 : 5_000;
        int threshold = 250;
        Duration soak = Duration.ZERO;
        boolean onlySoak = false;
        Path appJar = Path.of("placement-app/target/placement-app-0.1.0-SNAPSHOT.jar");
        Path workDir = Path.of("placement-bench/target/bench-data");
        boolean fixedAuthority = false;
        boolean keepPostgres = false;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--quick" -> { }
                case "--help" -> throw new IllegalArgumentException("options:");
                case "--sizes" -> sizes = new ArrayList<>(Arrays.stream(value.split(",")).map(Long::parseLong).toList());
                case "--with-1m" -> sizes.add(1_000_000L);
                case "--databases" -> databases = List.of(value.split(","));
                case "--clients" -> clients = Integer.parseInt(value);
                case "--load-seconds" -> load = Duration.ofSeconds(Long.parseLong(value));
                case "--query-samples" -> samples = Integer.parseInt(value);
                case "--provision-events" -> provisionEvents = Integer.parseInt(value);
                case "--engine-events" -> engineEvents = Integer.parseInt(value);
                case "--snapshot-threshold" -> threshold = Integer.parseInt(value);
                case "--soak" -> soak = duration(value);
                case "--only-soak" -> onlySoak = true;
                case "--app-jar" -> appJar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--keep-postgres" -> keepPostgres = true;
                case "--authority" -> fixedAuthority = switch (value) {
                    case "growing" -> false;
                    case "fixed" -> true;
                    default -> throw new IllegalArgumentException("--authority is growing or fixed, not " + value);
                };
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        for (String database : databases) {
            if (!database.equals("h2") && !database.equals("postgres")) {
                throw new IllegalArgumentException("databases are h2 and postgres, not " + database);
            }
        }
        if (onlySoak && soak.isZero()) {
            throw new IllegalArgumentException("--only-soak needs --soak=<duration>");
        }
        sizes.sort(Long::compare);
        return new BenchOptions(List.copyOf(sizes), databases, clients, load, samples, provisionEvents, engineEvents,
                threshold, soak, onlySoak, appJar, workDir, fixedAuthority, keepPostgres);
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}. */
    static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("a duration ends in s, m or h: " + text);
        };
    }
}
