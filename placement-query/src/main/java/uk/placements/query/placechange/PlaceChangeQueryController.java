package uk.placements.query.placechange;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.edge.web.InvalidField;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The place-change return (docs/funding.md) as JSON and as the CSV of the DfE workbook's place change notification
 * columns: FINANCE, ANALYST, PROVISION_ADMIN, ADMIN. {@code academicYear} defaults to the next academic year.
 */
@RestController
@RequestMapping("/api/funding")
@Tag(name = "Funding (read)")
public class PlaceChangeQueryController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PlaceChangeReader reader;
    private final Clock clock;

    public PlaceChangeQueryController(PlaceChangeReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping(path = "/place-change", produces = MediaType.APPLICATION_JSON_VALUE)
    public PlaceChangeViews.PlaceChangeReturn placeChangeReturn(@RequestParam(required = false) String academicYear) {
        return reader.read(year(academicYear));
    }

    @GetMapping("/place-change.csv")
    public ResponseEntity<String> placeChangeCsv(@RequestParam(required = false) String academicYear) {
        AcademicYear year = year(academicYear);
        PlaceChangeViews.PlaceChangeReturn all = reader.read(year);
        String current = dfe(all.placesYear());
        String next = dfe(all.academicYear());
        StringBuilder out = new StringBuilder(line(List.of("URN", "School name", "Provision ID", "Provision name",
                "Provision type", current + " places", next + " places requested", "Change in places",
                "Reason for change", "Nil return", "Comments")));
        List<Row> rows = new ArrayList<>();
        all.returns().forEach(r -> rows.add(new Row(r.provisionId(), List.of(r.urn(), r.school(), r.provisionId(),
                r.name(), kind(r.type()), String.valueOf(r.currentPlaces()), String.valueOf(r.requestedPlaces()),
                String.valueOf(r.change()), r.reason() == null ? "" : r.reason().label(), r.nilReturn() ? "Yes" : "No",
                r.note() == null ? "" : r.note()))));
        all.outstanding().forEach(o -> rows.add(new Row(o.provisionId(), List.of(o.urn(), o.school(), o.provisionId(),
                o.name(), kind(o.type()), String.valueOf(o.currentPlaces()), "", "", "", "", ""))));
        rows.sort(java.util.Comparator.comparing(Row::provisionId));
        rows.forEach(r -> out.append(line(r.values())));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"place-change-" + year + ".csv\"")
                .body(out.toString());
    }

    private record Row(String provisionId, List<String> values) {
    }

    private AcademicYear year(String text) {
        if (text == null) {
            return new AcademicYear(AcademicYear.of(LocalDate.now(clock)).startYear() + 1);
        }
        try {
            return AcademicYear.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidField("academicYear", "must be an academic year written like 2027-28");
        }
    }

    /** "2027-28" as the DfE writes it: "2027 to 2028". */
    private static String dfe(String year) {
        int start = AcademicYear.parse(year).startYear();
        return start + " to " + (start + 1);
    }

    /** The DfE's names for the two kinds of place. */
    private static String kind(ProvisionType type) {
        return type == ProvisionType.SEN_UNIT ? "SEN unit" : "Resourced provision";
    }

    static String line(List<String> values) {
        return values.stream().map(PlaceChangeQueryController::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /** RFC 4180, and a leading =, +, - or @ quoted so a spreadsheet never runs it (as the other CSV returns). */
    private static String field(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0);
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
