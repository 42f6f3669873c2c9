package uk.placements.query.report;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.query.dashboard.AsOf;
import uk.placements.shared.dashboard.GetReport;
import uk.placements.shared.dashboard.Report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** CSV reports (ANALYST, ADMIN) as at a date: RFC 4180, a header row, no personal data. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final QueryGateway queries;
    private final Clock clock;

    public ReportController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/placements.csv")
    public ResponseEntity<String> placements(@RequestParam(required = false) String asOf) {
        return csv(GetReport.Kind.PLACEMENTS, "placements", AsOf.parse(asOf, clock));
    }

    @GetMapping("/capacity.csv")
    public ResponseEntity<String> capacity(@RequestParam(required = false) String asOf) {
        return csv(GetReport.Kind.CAPACITY, "capacity", AsOf.parse(asOf, clock));
    }

    private ResponseEntity<String> csv(GetReport.Kind kind, String name, LocalDate asOf) {
        Report report = queries.query(new GetReport(kind, asOf), Report.class).join();
        StringBuilder out = new StringBuilder(line(report.columns()));
        report.rows().forEach(row -> out.append(line(row)));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + asOf + ".csv\"")
                .body(out.toString());
    }

    public static String line(List<String> values) {
        StringBuilder line = new StringBuilder();
        try {
            write(line, values.toArray(String[]::new));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // a StringBuilder does not throw
        }
        return line.toString();
    }

    /** One CSV line of {@code values} written to {@code out}, quoted as {@link #line} quotes them. */
    public static void write(Appendable out, String... values) throws java.io.IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, values[i]);
        }
        out.append("\r\n");
    }

    private static void field(Appendable out, String value) throws java.io.IOException {
        // Quote what CSV needs quoted; a leading =, +, - or @ is quoted too so a spreadsheet never runs it.
        boolean quote = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
        for (int i = 0; !quote && i < value.length(); i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            out.append(value);
        }
    }
}
