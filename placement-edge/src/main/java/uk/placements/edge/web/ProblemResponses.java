package uk.placements.edge.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

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
        response.getWriter().write(json(status, title, detail));
    }

    /** Problem details of a bare status, for answers that have nothing more to say. */
    public static void write(HttpServletResponse response, int status) throws IOException {
        write(response, status, title(status), detail(status));
    }

    static String json(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + title
                + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
    }

    /** The title of a bare status: its reason phrase. */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** What a bare status says: nothing of the request, whose message might quote what was sent. */
    public static String detail(int status) {
        return status >= 500 ? "the request could not be completed; nothing was recorded"
                : "the request was refused: " + title(status).toLowerCase();
    }
}
