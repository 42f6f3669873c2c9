package uk.placements.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
            throw new IllegalArgumentException("minVersion must be 0 or more");
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

    /** Paging of API.md: page from 0, size 1 to 500 (default 50). */
    public static void checkPage(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("size must be 1 to 500");
        }
    }
}
