package uk.placements.edge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while reading when the
 * body is chunked. No JSON body comes near the default of 256 KiB; a CSV upload (a GIAS extract, docs/returns.md)
 * has a limit of its own, 8 MiB by default: an authority's extract with all of GIAS's columns is well under it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long csvLimit;

    public RequestSizeLimitFilter(@Value("${placements.http.max-body-bytes:262144}") long jsonLimit,
                                  @Value("${placements.http.max-csv-body-bytes:8388608}") long csvLimit) {
        this.jsonLimit = jsonLimit;
        this.csvLimit = csvLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")
                ? csvLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            ProblemResponses.write(response, 413, "Payload too large",
                    "the request body is larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInputStream(super.getInputStream(), limit);
                }
                return limited;
            }
        }, response);
    }

    /** Thrown while reading past the limit; the problem handler answers 413. */
    public static class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
