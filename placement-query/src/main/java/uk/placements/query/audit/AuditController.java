package uk.placements.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The auditors' endpoints of API.md, read from the event store itself. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
public class AuditController {

    private final AuditTrail trail;
    private final AccessLog accessLog;

    public AuditController(AuditTrail trail, AccessLog accessLog) {
        this.trail = trail;
        this.accessLog = accessLog;
    }

    @GetMapping("/placements/{id}/events")
    public List<AuditViews.AuditEvent> placementEvents(@PathVariable String id, HttpServletRequest request) {
        List<AuditViews.AuditEvent> history = trail.history(AuditTrail.PLACEMENT, id);
        accessLog.recordPlacements(user(), request.getRequestURI(), List.of(id));
        return history;
    }

    /** Who read which pupil's personal data; {@code upn} finds the pupil (not after erasure). At most 1,000. */
    @GetMapping("/access-log")
    public List<AccessLog.Entry> accessLog(@RequestParam(required = false) String upn,
                                           @RequestParam(required = false) String user,
                                           @RequestParam(required = false) Instant from,
                                           @RequestParam(required = false) Instant to) {
        List<String> pupils = upn == null ? null : accessLog.pupilsWithUpn(upn.strip().toUpperCase(Locale.ROOT));
        return accessLog.search(pupils, user, from, to, 1_000);
    }

    private static String user() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
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
