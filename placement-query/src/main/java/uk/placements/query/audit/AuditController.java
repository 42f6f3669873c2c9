package uk.placements.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The auditors' endpoints of API.md, read from the event store itself. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/placements/{id}/events")
    public List<AuditViews.AuditEvent> placementEvents(@PathVariable String id) {
        return trail.history(AuditTrail.PLACEMENT, id);
    }

    @GetMapping("/placements/{id}/state")
    public AuditViews.StateAsOf placementState(@PathVariable String id, @RequestParam Instant asOf) {
        return trail.stateAsOf(AuditTrail.PLACEMENT, id, asOf);
    }

    @GetMapping("/placements/{id}/verify")
    public AuditViews.Verification verifyPlacement(@PathVariable String id) {
        return trail.verify(AuditTrail.PLACEMENT, id);
    }

    @GetMapping("/provisions/{id}/events")
    public List<AuditViews.AuditEvent> provisionEvents(@PathVariable String id) {
        return trail.history(AuditTrail.PROVISION, id);
    }

    @GetMapping("/provisions/{id}/state")
    public AuditViews.StateAsOf provisionState(@PathVariable String id, @RequestParam Instant asOf) {
        return trail.stateAsOf(AuditTrail.PROVISION, id, asOf);
    }

    @GetMapping("/provisions/{id}/verify")
    public AuditViews.Verification verifyProvision(@PathVariable String id) {
        return trail.verify(AuditTrail.PROVISION, id);
    }
}
