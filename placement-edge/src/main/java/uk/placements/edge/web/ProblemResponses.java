package uk.placements.edge.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Problem details written straight to the response, for filters and security that answer before MVC does. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
