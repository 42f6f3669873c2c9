package uk.placements.query.caseload;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.query.audit.AccessLog;
import uk.placements.query.web.SingleRead;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.query.CaseloadItem;
import uk.placements.shared.placement.query.CaseloadPage;
import uk.placements.shared.placement.query.FindCaseload;
import uk.placements.shared.placement.query.FindPlacement;
import uk.placements.shared.placement.query.PlacementView;

import java.util.List;

/** The caseworker's reads of API.md: the caseload and one placement with its timeline. */
@RestController
@RequestMapping(path = "/api/placements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Placements (read)")
public class PlacementQueryController {

    private final QueryGateway queries;
    private final AccessLog accessLog;

    public PlacementQueryController(QueryGateway queries, AccessLog accessLog) {
        this.queries = queries;
        this.accessLog = accessLog;
    }

    @GetMapping
    public CaseloadPage caseload(@RequestParam(required = false) PlacementStatus status,
                                 @RequestParam(required = false) String provisionId,
                                 @RequestParam(required = false) NeedCode need,
                                 @RequestParam(required = false) Integer yearGroup,
                                 @RequestParam(required = false) ProvisionType type,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(required = false) String sort,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size,
                                 HttpServletRequest request) {
        SingleRead.checkPage(page, size);
        if (q != null && q.length() > 100) {
            throw new IllegalArgumentException("q has at most 100 characters");
        }
        if (sort != null && !FindCaseload.SORTS.contains(sort.startsWith("-") ? sort.substring(1) : sort)) {
            throw new IllegalArgumentException("sort must be one of " + FindCaseload.SORTS
                    + ", with a leading '-' for descending");
        }
        CaseloadPage caseload = queries.query(new FindCaseload(status, provisionId, need, yearGroup, type, q, sort,
                page, size), ResponseTypes.instanceOf(CaseloadPage.class)).join();
        accessLog.recordPlacements(user(), request.getRequestURI(),
                caseload.items().stream().map(CaseloadItem::id).toList());
        return caseload;
    }

    @GetMapping("/{id}")
    public ResponseEntity<PlacementView> placement(@PathVariable String id,
                                                   @RequestParam(required = false) Long minVersion,
                                                   @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                                   String ifNoneMatch, HttpServletRequest request) {
        ResponseEntity<PlacementView> answer = SingleRead.answer("placement", id,
                () -> queries.query(new FindPlacement(id), ResponseTypes.instanceOf(PlacementView.class)).join(),
                PlacementView::version, minVersion, ifNoneMatch);
        if (answer.getBody() != null) {
            accessLog.recordPlacements(user(), request.getRequestURI(), List.of(id));
        }
        return answer;
    }

    private static String user() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
