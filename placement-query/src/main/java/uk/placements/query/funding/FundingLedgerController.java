package uk.placements.query.funding;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.query.audit.AccessLog;
import uk.placements.query.dashboard.AsOf;
import uk.placements.query.dashboard.DashboardCache;
import uk.placements.query.report.ReportController;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.provision.ProvisionId;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The money the ledger computes (docs/funding.md, "The funding ledger"): a placement's top-ups month by month, a
 * year's ledger, payment schedules (JSON and CSV) and the spend dashboard. Every {@code asOf} is a date, today
 * when absent, and means as known at the end of that day. The JSON answers are kept while the read models they come
 * from have not moved ({@link DashboardCache}), as the dashboards' are.
 */
@RestController
@RequestMapping("/api/funding")
@Tag(name = "Funding (read)")
public class FundingLedgerController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** What the ledger and the dashboards may be asked for: a year with its months. */
    public enum YearBasis { FINANCIAL, ACADEMIC }

    private final FundingLedgerReader ledger;
    private final FundingReader funding;
    private final DashboardCache cache;
    private final AccessLog accessLog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FundingLedgerController(FundingLedgerReader ledger, FundingReader funding, DashboardCache cache,
                                   AccessLog accessLog, JdbcTemplate jdbc, Clock clock) {
        this.ledger = ledger;
        this.funding = funding;
        this.cache = cache;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping(path = "/placements/{id}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    public LedgerViews.PlacementLedger placement(@PathVariable String id,
                                                 @RequestParam(required = false) String asOf) {
        String placement = funding.existing(id).value();
        return ledger.placement(placement, AsOf.parse(asOf, clock));
    }

    @GetMapping(path = "/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    public LedgerViews.YearLedger year(@RequestParam(required = false) String year,
                                       @RequestParam(defaultValue = "FINANCIAL") YearBasis basis,
                                       @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String provisionId) {
        LocalDate day = AsOf.parse(asOf, clock);
        boolean academic = basis == YearBasis.ACADEMIC;
        int start = year == null ? (academic ? AcademicYear.of(day).startYear() : FinancialYear.of(day).startYear())
                : academic ? AcademicYear.parse(year).startYear() : FinancialYear.parse(year).startYear();
        String provision = provisionId == null ? null : new ProvisionId(provisionId).value();
        return cache.answer(List.of("funding-ledger", academic, start, day, provision == null ? "" : provision),
                () -> ledger.year(academic, start, day, provision));
    }

    @GetMapping(path = "/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
    public LedgerViews.Schedule schedule(@RequestParam(required = false) String month,
                                         @RequestParam(required = false) String asOf) {
        LocalDate day = AsOf.parse(asOf, clock);
        YearMonth which = month == null ? YearMonth.from(day) : month(month);
        return cache.answer(List.of("payment-schedule", which, day), () -> ledger.schedule(which, day));
    }

    /**
     * A month's payment schedule as CSV for the authority's finance system: placement ids, no personal data, unless
     * {@code named} (FINANCE, ADMIN), which adds each pupil's name and records the download in the access log. The
     * lines are written to the response a host school at a time as the ledger computes them ({@link
     * FundingLedgerReader#schedule(YearMonth, LocalDate, String, java.util.function.Consumer)}), never gathered whole:
     * a schedule carries an adjustment for every earlier month of every placement whose facts changed, 2.3 million
     * lines (289 MB) in the benchmark's authority at 1,000,000 events. Named, each school's placements are recorded in
     * the access log before its lines are written. They are written on the request's own thread (not as an
     * asynchronous {@code StreamingResponseBody}, which the container would cut off after its asynchronous timeout,
     * 30 s by default, however slowly the client reads); a refusal (a bad month or school) is raised before anything
     * is written, so it is answered as a problem like any other.
     */
    @GetMapping(path = "/schedules/{month}.csv", produces = "text/csv")
    public void scheduleCsv(@PathVariable String month,
                            @RequestParam(required = false) String asOf,
                            @RequestParam(required = false) String urn,
                            @RequestParam(defaultValue = "false") boolean named,
                            HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate day = AsOf.parse(asOf, clock);
        String school = urn == null ? null : new SchoolUrn(urn).value();
        YearMonth which = month(month);
        List<String> header = new ArrayList<>(List.of("urn", "school", "schedule_month", "line", "for_month",
                "placement_id", "provision_id", "days_funded", "priced_by", "amount"));
        if (named) {
            header.add("pupil_name");
        }
        String user = named ? SecurityContextHolder.getContext().getAuthentication().getName() : null;
        String file = "payment-schedule-" + which + (school == null ? "" : "-" + school)
                + (named ? "-named" : "") + ".csv";
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        ReportController.write(out, header.toArray(String[]::new));
        String scheduleMonth = which.toString();
        String[] row = new String[header.size()];
        try {
            ledger.schedule(which, day, school, lines -> {
                Map<String, String> names = Map.of();
                if (named) {
                    List<String> ids = lines.stream().map(FundingLedgerReader.ScheduleLine::placementId)
                            .distinct().toList();
                    for (int from = 0; from < ids.size(); from += 500) {
                        accessLog.recordPlacements(user, request.getRequestURI(),
                                ids.subList(from, Math.min(ids.size(), from + 500)));
                    }
                    names = names(ids);
                }
                try {
                    for (FundingLedgerReader.ScheduleLine l : lines) {
                        row[0] = l.provision().urn();
                        row[1] = l.provision().school();
                        row[2] = scheduleMonth;
                        row[3] = l.kind();
                        row[4] = l.forMonth().toString();
                        row[5] = l.placementId();
                        row[6] = l.provision().provisionId();
                        row[7] = Integer.toString(l.daysFunded());
                        row[8] = l.basis() == null ? "" : l.basis();
                        row[9] = l.amount().toPlainString();
                        if (named) {
                            row[10] = names.getOrDefault(l.placementId(), "");
                        }
                        ReportController.write(out, row);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    @GetMapping(path = "/spend", produces = MediaType.APPLICATION_JSON_VALUE)
    public LedgerViews.Spend spend(@RequestParam(required = false) String financialYear,
                                   @RequestParam(required = false) String asOf) {
        LocalDate day = AsOf.parse(asOf, clock);
        int start = financialYear == null ? FinancialYear.of(day).startYear()
                : FinancialYear.parse(financialYear).startYear();
        return cache.answer(List.of("spend", start, day), () -> {
            String next = new AcademicYear(AcademicYear.of(day).startYear() + 1).toString();
            Map<String, Integer> requested = new HashMap<>();
            jdbc.query("SELECT provision_id, requested_places FROM rm_place_change WHERE academic_year = ?",
                    rs -> {
                        requested.put(rs.getString(1), rs.getInt(2));
                    }, next);
            return ledger.spend(start, day, requested);
        });
    }

    /** Pupils' names from the caseload read model (blank once erased). */
    private Map<String, String> names(List<String> placementIds) {
        Map<String, String> names = new HashMap<>();
        for (int from = 0; from < placementIds.size(); from += 500) {
            List<String> chunk = placementIds.subList(from, Math.min(placementIds.size(), from + 500));
            jdbc.query("SELECT placement_id, given_name, family_name FROM rm_placement WHERE pupil_erased = FALSE "
                            + "AND placement_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(),
                            "?")) + ")",
                    rs -> {
                        names.put(rs.getString(1), (rs.getString(2) == null ? "" : rs.getString(2)) + " "
                                + (rs.getString(3) == null ? "" : rs.getString(3)));
                    }, chunk.toArray());
        }
        return names;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a month is written like 2026-09");
        }
    }
}
