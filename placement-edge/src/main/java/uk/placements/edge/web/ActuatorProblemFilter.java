package uk.placements.edge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * Actuator's refusals as problem details. Its endpoints answer some errors with a status and no body at all (an
 * unknown health group, {@code /actuator/health/extra}, is a bare 404), outside the reach of the API's exception
 * handlers. Actuator answers are small and never streamed, so they are held until complete and an empty error is
 * given its problem details before it leaves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class ActuatorProblemFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            int status = held.getStatus();
            if (status >= 400 && held.getContentSize() == 0 && !response.isCommitted()) {
                held.resetBuffer();
                ProblemResponses.write(response, status);
            } else {
                held.copyBodyToResponse();
            }
        }
    }
}
