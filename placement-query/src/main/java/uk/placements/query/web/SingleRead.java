package uk.placements.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.placements.edge.web.InvalidField;
import uk.placements.edge.web.NotFound;

import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A read of one aggregate's view, as API.md wants it: {@code ETag} with its version, 304 for a matching
 * {@code If-None-Match}, and read-your-writes with {@code minVersion}: wait up to 2 s for the read model to reach
 * that version, then answer with what there is and {@code X-Stale: true}.
 */
public final class SingleRead {

    static final long WAIT_MILLIS = 2_000;
    private static final long POLL_MILLIS = 25;

    private SingleRead() {
    }

    public static <T> ResponseEntity<T> answer(String what, String id, Supplier<T> read, ToLongFunction<T> version,
                                               Long minVersion, String ifNoneMatch) {
        if (minVersion != null && minVersion < 0) {
            throw new InvalidField("minVersion", "must be 0 or more");
        }
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        T view = read.get();
        while (minVersion != null && (view == null || version.applyAsLong(view) < minVersion)
                && System.currentTimeMillis() < deadline) {
            sleep();
            view = read.get();
        }
        if (view == null) {
            throw new NotFound(what, id);
        }
        long current = version.applyAsLong(view);
        String etag = "\"" + current + "\"";
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.OK).header(HttpHeaders.ETAG, etag);
        if (minVersion != null && current < minVersion) {
            builder.header("X-Stale", "true");
        } else if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag).build();
        }
        return builder.body(view);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }

    /** The largest page number: 500 pages of 500 beyond the largest caseload a county would hold. */
    public static final int MAX_PAGE = 1_000_000;

    /**
     * Paging of API.md: page 0 to {@link #MAX_PAGE}, size 1 to 500 (default 50). The bound on the page keeps
     * {@code page x size} (the offset the read models skip) inside an int: page 42949673 of 50 overflowed to a
     * negative offset, and the database refused it with a 500.
     */
    public static void checkPage(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidField("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > 500) {
            throw new InvalidField("size", "must be 1 to 500");
        }
    }
}
