package uk.placements.query.returns;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.edge.web.InvalidField;
import uk.placements.query.audit.AccessLog;
import uk.placements.query.dashboard.AsOf;
import uk.placements.query.report.ReportController;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Statutory returns (docs/returns.md): the SEN2 placements module, person-level (RETURNS, ADMIN; every download in
 * the access log, pupil by pupil), its summary without personal data, and the reconciliation of a GIAS extract with
 * the product's figures (RETURNS, ANALYST, ADMIN; no personal data).
 */
@RestController
@RequestMapping("/api/returns")
public class ReturnsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** Placements per access-log statement: the IN list stays far below every database's parameter limit. */
    private static final int LOG_CHUNK = 500;

    private final Sen2PlacementExport sen2;
    private final GiasReconciliation gias;
    private final AccessLog accessLog;
    private final Clock clock;

    public ReturnsController(Sen2PlacementExport sen2, GiasReconciliation gias, AccessLog accessLog, Clock clock) {
        this.sen2 = sen2;
        this.gias = gias;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * The placements module as CSV, SEN2's item names as columns, one row per placement and need (SENtypeRank 1 for
     * the primary need). Erased pupils are left out; how many is in {@code X-Erased-Pupils-Excluded}.
     */
    @GetMapping(path = "/sen2/placements.csv", produces = "text/csv")
    public ResponseEntity<String> sen2Placements(@RequestParam(required = false) String censusDate,
                                                 @RequestParam(required = false) String from,
                                                 HttpServletRequest request) {
        Sen2PlacementExport.Export export = sen2.export(Sen2Census.of(censusDate, from, LocalDate.now(clock)));
        List<String> ids = export.placements().stream().map(Sen2PlacementExport.Placement::placementId).toList();
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        for (int i = 0; i < ids.size(); i += LOG_CHUNK) {
            accessLog.recordPlacements(user, request.getRequestURI(), ids.subList(i, Math.min(ids.size(),
                    i + LOG_CHUNK)));
        }
        StringBuilder out = new StringBuilder(ReportController.line(Sen2PlacementExport.COLUMNS));
        export.rows().forEach(row -> out.append(ReportController.line(row)));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sen2-placements-"
                        + export.window().censusDay() + ".csv\"")
                .header("X-Erased-Pupils-Excluded", Integer.toString(export.erasedPupilsExcluded()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out.toString());
    }

    /** What the CSV of the same window holds, in figures: no personal data, nothing logged. */
    @GetMapping(path = "/sen2/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    public Sen2Summary sen2Summary(@RequestParam(required = false) String censusDate,
                                   @RequestParam(required = false) String from) {
        return Sen2Summary.of(sen2.export(Sen2Census.of(censusDate, from, LocalDate.now(clock))));
    }

    /**
     * A GIAS extract (CSV with GIAS's column names, UTF-8 unless the Content-Type names another charset) against
     * the product's figures on {@code asOf} (default today), school by school.
     */
    @PostMapping(path = "/gias/reconciliation", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    public GiasReconciliation.GiasReport giasReconciliation(@RequestParam(required = false) String asOf,
                                                            @RequestBody(required = false) byte[] extract,
                                                            HttpServletRequest request) {
        LocalDate day = AsOf.parse(asOf, clock);
        if (extract == null || extract.length == 0) {
            throw new InvalidField("body", "must be a GIAS extract: a CSV with a header row");
        }
        return gias.reconcile(GiasExtract.parse(decode(extract, request.getContentType())), day);
    }

    private static String decode(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        try {
            Charset named = MediaType.parseMediaType(contentType).getCharset();
            if (named != null) {
                charset = named;
            }
        } catch (RuntimeException e) {
            throw new InvalidField("Content-Type", "must be text/csv, with a charset the server knows if any");
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidField("body", "is not text in " + charset.name() + " (GIAS downloads are often "
                    + "windows-1252: say so with text/csv;charset=windows-1252)");
        }
    }
}
