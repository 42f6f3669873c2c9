package uk.placements.app.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every request a service received ("POST /api/placements"), so a test sees where the gateway sent it. */
final class RequestLog extends OncePerRequestFilter {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        requests.add(request.getMethod() + " " + request.getRequestURI());
        chain.doFilter(request, response);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> writes() {
        return requests().stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")).toList();
    }
}
