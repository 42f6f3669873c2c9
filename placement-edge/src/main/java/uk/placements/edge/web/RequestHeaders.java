package uk.placements.edge.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates the write headers of API.md: If-Match, Idempotency-Key, X-Correlation-Id. */
public final class RequestHeaders {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestHeaders() {
    }

    public static Optional<Long> ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher m = ETAG.matcher(header.strip());
        if (!m.matches()) {
            throw new BadHeader("If-Match", "If-Match must be a version ETag such as \"3\"");
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    public static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 100 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new BadHeader(IDEMPOTENCY_KEY, "Idempotency-Key has 1 to 100 visible ASCII characters");
        }
        return key;
    }

    /** The caller's correlation id if it is a safe token, otherwise a fresh one (set by CorrelationIdFilter). */
    public static String correlationId(HttpServletRequest request) {
        Object id = request.getAttribute(CORRELATION_ID);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }

    static String acceptCorrelationId(String header) {
        return header != null && SAFE_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    /** 400 for a malformed header, named in the problem's errors. */
    public static class BadHeader extends RuntimeException {
        private final String header;

        BadHeader(String header, String message) {
            super(message, null, false, false);
            this.header = header;
        }

        public String header() {
            return header;
        }
    }
}
