package uk.placements.query.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Online backups of the embedded H2 database (issue 11; ADMIN only, as SecurityConfiguration routes /api/admin).
 * {@code BACKUP TO} copies the database while commands go on writing: H2 stops reusing free space for the copy's
 * duration, so the chunks the copy reads are not overwritten, and the copy holds the database as of one commit
 * (the event store, pupil keys, lookups, tokens and read models together). The master key is never in it: it is
 * backed up apart (README, "Backups and restore"). On any other database (PostgreSQL, H2 in memory) the answer is
 * 501: PostgreSQL is backed up with its own tools.
 */
@RestController
@RequestMapping("/api/admin/backups")
public class BackupController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Path directory;
    private final Clock clock;

    public BackupController(JdbcTemplate jdbc, @Value("${placements.backup.directory:./data/backups}") Path directory,
                            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** One backup: its file name, size, when it was taken, and the event store's last index just before it. */
    public record Backup(String file, long bytes, Instant takenAt, long lastEventIndex) {
    }

    /** A backup in the directory. */
    public record StoredBackup(String file, long bytes, Instant modified) {
    }

    /**
     * Takes a backup. {@code lastEventIndex} is read just before the copy starts: every event up to it is in the
     * backup (events appended during the copy may be too).
     */
    @PostMapping
    public ResponseEntity<Backup> backup() throws IOException {
        requireEmbeddedH2();
        Files.createDirectories(directory);
        Instant takenAt = clock.instant();
        Path file = directory.resolve("placements-" + STAMP.format(takenAt) + ".zip");
        Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
        Backup backup = new Backup(file.getFileName().toString(), Files.size(file), takenAt, last == null ? -1 : last);
        return ResponseEntity.created(URI.create("/api/admin/backups/" + backup.file())).body(backup);
    }

    /** The backups in {@code placements.backup.directory}, newest first. */
    @GetMapping
    public List<StoredBackup> backups() {
        requireEmbeddedH2();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".zip")).map(p -> {
                try {
                    return new StoredBackup(p.getFileName().toString(), Files.size(p),
                            Files.getLastModifiedTime(p).toInstant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sorted(Comparator.comparing(StoredBackup::modified).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One backup's zip (the {@code Location} of {@code POST}); 404 for any name not of a backup here. */
    @GetMapping(path = "/{file}", produces = "application/zip")
    public ResponseEntity<org.springframework.core.io.Resource> download(
            @org.springframework.web.bind.annotation.PathVariable String file) {
        requireEmbeddedH2();
        Path zip = directory.resolve(file).normalize();
        if (!file.matches("placements-[0-9]{8}T[0-9]{9}Z\\.zip") || !zip.getParent().equals(directory)
                || !Files.isRegularFile(zip)) {
            throw new uk.placements.edge.web.NotFound("backup", file);
        }
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .body(new org.springframework.core.io.FileSystemResource(zip));
    }

    private void requireEmbeddedH2() {
        boolean h2File = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
                return false;
            }
            try (var statement = c.createStatement();
                 var path = statement.executeQuery("SELECT DATABASE_PATH() AS database_path")) {
                return path.next() && path.getString("database_path") != null;
            }
        }));
        if (!h2File) {
            throw new NotAnEmbeddedFile();
        }
    }

    /** The database is not an H2 file this product can copy. */
    static final class NotAnEmbeddedFile extends RuntimeException {
        NotAnEmbeddedFile() {
            super("backups through the API are taken of the embedded H2 file database; this one is not: back up "
                    + "PostgreSQL with pg_dump or pg_basebackup (README, \"Backups and restore\")");
        }
    }

    @ExceptionHandler(NotAnEmbeddedFile.class)
    ResponseEntity<ProblemDetail> notEmbedded(NotAnEmbeddedFile e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, e.getMessage());
        problem.setTitle("No backup through the API for this database");
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).body(problem);
    }
}
