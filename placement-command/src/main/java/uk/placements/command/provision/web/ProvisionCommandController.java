package uk.placements.command.provision.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.command.web.CommandSender;
import uk.placements.edge.web.NotFound;
import uk.placements.command.web.WriteResult;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordBaseLead;
import uk.placements.shared.provision.command.RecordBaseModel;
import uk.placements.shared.provision.command.RecordQualifiedTeacherAccess;
import uk.placements.shared.provision.command.RecordStaffing;

import java.math.BigDecimal;
import java.util.Set;

/** The provision writes of API.md. */
@RestController
@RequestMapping(path = "/api/provisions", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Provisions (write)")
public class ProvisionCommandController {

    private static final String COLLECTION = "/api/provisions";
    private final CommandSender sender;
    /** Mainstream peers' weekly hours with a qualified teacher, when a request gives none (docs/inclusion-bases.md). */
    private final BigDecimal mainstreamPeerHours;

    public ProvisionCommandController(CommandSender sender,
                                      @Value("${placements.bases.mainstream-peer-hours-per-week:25}")
                                      BigDecimal mainstreamPeerHours) {
        this.sender = sender;
        this.mainstreamPeerHours = mainstreamPeerHours;
    }

    @PostMapping
    public ResponseEntity<WriteResult> commission(@Valid @RequestBody ProvisionRequests.Commission body,
                                                  HttpServletRequest request) {
        CommissionProvision command = new CommissionProvision(new ProvisionId(body.id()), body.name().strip(),
                body.type(), new HostSchool(new SchoolUrn(body.hostSchool().urn()), body.hostSchool().name().strip()),
                body.phase(), body.lowestYear(), body.highestYear(), Set.copyOf(body.designatedNeeds()),
                body.commissionedPlaces(), body.openedOn());
        return sender.create(command, body.id(), COLLECTION, body, request);
    }

    @PutMapping("/{id}/places")
    public ResponseEntity<WriteResult> changePlaces(@PathVariable String id,
                                                    @Valid @RequestBody ProvisionRequests.Places body,
                                                    HttpServletRequest request) {
        return sender.update(new ChangeCommissionedPlaces(provisionId(id), body.commissionedPlaces(),
                body.effectiveFrom(), body.reason()), id, body, request);
    }

    @PostMapping("/{id}/staffing")
    public ResponseEntity<WriteResult> recordStaffing(@PathVariable String id,
                                                      @Valid @RequestBody ProvisionRequests.Staffing body,
                                                      HttpServletRequest request) {
        return sender.update(new RecordStaffing(provisionId(id), body.adults(), body.qualifiedTeachers(),
                body.therapyHoursPerWeek(), body.effectiveFrom()), id, body, request);
    }

    @PostMapping("/{id}/base-model")
    public ResponseEntity<WriteResult> recordBaseModel(@PathVariable String id,
                                                       @Valid @RequestBody ProvisionRequests.BaseModelInput body,
                                                       HttpServletRequest request) {
        return sender.update(new RecordBaseModel(provisionId(id), body.baseModel(), body.effectiveFrom()), id, body,
                request);
    }

    @PostMapping("/{id}/base-lead")
    public ResponseEntity<WriteResult> recordBaseLead(@PathVariable String id,
                                                      @Valid @RequestBody ProvisionRequests.BaseLead body,
                                                      HttpServletRequest request) {
        String name = Boolean.TRUE.equals(body.vacant()) ? null : body.teacherName().strip();
        return sender.update(new RecordBaseLead(provisionId(id), name, body.effectiveFrom()), id, body, request);
    }

    @PostMapping("/{id}/teacher-access")
    public ResponseEntity<WriteResult> recordTeacherAccess(@PathVariable String id,
                                                           @Valid @RequestBody ProvisionRequests.TeacherAccess body,
                                                           HttpServletRequest request) {
        BigDecimal peers = body.mainstreamPeerHoursPerWeek() != null ? body.mainstreamPeerHoursPerWeek()
                : mainstreamPeerHours;
        return sender.update(new RecordQualifiedTeacherAccess(provisionId(id), body.hoursPerWeek(), peers,
                body.effectiveFrom()), id, body, request);
    }

    @PostMapping("/{id}/close")
    public ResponseEntity<WriteResult> close(@PathVariable String id, @Valid @RequestBody ProvisionRequests.Close body,
                                             HttpServletRequest request) {
        return sender.update(new CloseProvision(provisionId(id), body.closedOn(), body.reason().strip()), id, body,
                request);
    }

    private static ProvisionId provisionId(String id) {
        try {
            return new ProvisionId(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("provision", id);
        }
    }
}
