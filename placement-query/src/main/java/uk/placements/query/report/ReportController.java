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
import java.util.stream.Collectors;

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
        return values.stream().map(ReportController::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(String value) {
        // Quote what CSV needs quoted; a leading =, +, - or @ is quoted too so a spreadsheet never runs it.
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0);
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
