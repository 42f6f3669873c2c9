package uk.placements.query.scap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.query.report.ReportController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The school capacity survey (docs/returns.md, "SCAP"): specialist capacity in mainstream schools as at a date (1 May
 * by default) and the demand forecast for the next five years, as JSON and CSV. No personal data; roles RETURNS,
 * ANALYST, ADMIN.
 */
@RestController
@RequestMapping("/api/returns/scap")
public class ScapController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final List<String> CAPACITY_COLUMNS = List.of("AsAt", "URN", "SchoolName", "UnitOrResourcedProvision",
            "Capacity", "PrimaryCapacity", "SecondaryCapacity", "Post16Capacity", "OnRoll", "ProvisionIds");
    static final List<String> FORECAST_COLUMNS = List.of("AsOf", "YearsAhead", "AcademicYear", "CountedOn", "Phase",
            "Need", "Pupils", "Places", "Shortfall", "Spare");

    private final ScapReturns scap;
    private final Clock clock;

    public ScapController(ScapReturns scap, Clock clock) {
        this.scap = scap;
        this.clock = clock;
    }

    /** Capacity and pupils on roll by school and kind (SEN unit, resourced provision) on {@code asOf}. */
    @GetMapping(path = "/capacity", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScapCapacityReturn capacity(@RequestParam(required = false) String asOf) {
        return scap.capacity(ScapDates.capacityDay(asOf, LocalDate.now(clock)));
    }

    @GetMapping(path = "/capacity.csv", produces = "text/csv")
    public ResponseEntity<String> capacityCsv(@RequestParam(required = false) String asOf) {
        ScapCapacityReturn r = capacity(asOf);
        StringBuilder out = new StringBuilder(ReportController.line(CAPACITY_COLUMNS));
        for (ScapCapacityReturn.School s : r.rows()) {
            out.append(ReportController.line(List.of(r.asOf().toString(), s.urn(), s.schoolName(),
                    s.unitOrResourcedProvision(), Integer.toString(s.capacity()), Integer.toString(s.primaryCapacity()),
                    Integer.toString(s.secondaryCapacity()), Integer.toString(s.post16Capacity()),
                    Integer.toString(s.onRoll()), String.join(" ", s.provisionIds()))));
        }
        return csv("scap-capacity-" + r.asOf() + ".csv", out);
    }

    /** Pupils needing a specialist place by need and phase, now and for each of the next five years. */
    @GetMapping(path = "/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
    public ScapForecast.DemandForecast forecast(@RequestParam(required = false) String asOf) {
        return scap.forecast(ScapDates.forecastDay(asOf, LocalDate.now(clock)));
    }

    @GetMapping(path = "/forecast.csv", produces = "text/csv")
    public ResponseEntity<String> forecastCsv(@RequestParam(required = false) String asOf) {
        ScapForecast.DemandForecast f = forecast(asOf);
        StringBuilder out = new StringBuilder(ReportController.line(FORECAST_COLUMNS));
        for (ScapForecast.ForecastYear y : Stream.concat(Stream.of(f.observed()), f.years().stream()).toList()) {
            for (ScapForecast.ForecastPhaseTotal t : y.phases()) {
                out.append(row(f, y, t.phase().name(), "ALL", t.pupils(), t.places(), t.shortfall(), t.spare()));
                for (ScapForecast.ForecastCell c : y.cells()) {
                    if (c.phase() == t.phase()) {
                        out.append(row(f, y, c.phase().name(), c.need().name(), c.pupils(), c.places(),
                                c.shortfall(), c.spare()));
                    }
                }
            }
        }
        return csv("scap-forecast-" + f.asOf() + ".csv", out);
    }

    private static String row(ScapForecast.DemandForecast f, ScapForecast.ForecastYear y, String phase, String need,
                              double pupils, double places, double shortfall, double spare) {
        return ReportController.line(List.of(f.asOf().toString(), Integer.toString(y.yearsAhead()),
                y.academicYear(), y.countedOn().toString(), phase, need, number(pupils), number(places),
                number(shortfall), number(spare)));
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.1f", x);
    }

    private static ResponseEntity<String> csv(String fileName, StringBuilder body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body.toString());
    }
}
