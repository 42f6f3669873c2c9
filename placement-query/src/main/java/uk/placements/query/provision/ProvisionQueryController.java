package uk.placements.query.provision;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.query.web.SingleRead;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.provision.query.FindProvision;
import uk.placements.shared.provision.query.FindProvisions;
import uk.placements.shared.provision.query.ProvisionPage;
import uk.placements.shared.provision.query.ProvisionView;

/** Provisions with their capacity and staffing: any signed-in role may read them (no personal data). */
@RestController
@RequestMapping(path = "/api/provisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Provisions (read)")
public class ProvisionQueryController {

    private final QueryGateway queries;

    public ProvisionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public ProvisionPage provisions(@RequestParam(required = false) ProvisionType type,
                                    @RequestParam(required = false) Phase phase,
                                    @RequestParam(required = false) NeedCode need,
                                    @RequestParam(required = false) ProvisionStatus status,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        SingleRead.checkPage(page, size);
        return queries.query(new FindProvisions(type, phase, need, status, page, size),
                ResponseTypes.instanceOf(ProvisionPage.class)).join();
    }

    @GetMapping("/{id}")
    public ResponseEntity<ProvisionView> provision(@PathVariable String id,
                                                   @RequestParam(required = false) Long minVersion,
                                                   @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                                                   String ifNoneMatch) {
        return SingleRead.answer("provision", id,
                () -> queries.query(new FindProvision(id), ResponseTypes.instanceOf(ProvisionView.class)).join(),
                ProvisionView::version, minVersion, ifNoneMatch);
    }
}
