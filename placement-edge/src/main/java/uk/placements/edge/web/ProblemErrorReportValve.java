package uk.placements.edge.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers as problem details. A request Tomcat refuses before any filter or servlet sees it (a
 * byte not allowed in the URL or query string, a malformed header, a body it cannot read) is answered by the host's
 * error report valve, which writes an HTML page; the API answers {@code application/problem+json} even then. Like
 * {@link ProblemErrorController}, it names only the status: Tomcat's message quotes the offending input.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: nothing for a success, nothing once something is written or already reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's 501 is for a method (CONNECT) or transfer coding it does not implement: the client's request
            // is at fault, not the server, so it is a 4xx like every other refusal of the API's.
            status = "CONNECT".equals(request.getMethod()) ? HttpStatus.METHOD_NOT_ALLOWED.value()
                    : HttpStatus.BAD_REQUEST.value();
            response.setStatus(status);
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.json(status, ProblemResponses.title(status),
                        ProblemResponses.detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            // the connection is gone or the response already committed: nothing more to say
        }
    }
}
