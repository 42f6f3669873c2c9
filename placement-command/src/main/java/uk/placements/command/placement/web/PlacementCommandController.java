package uk.placements.command.placement.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.command.web.CommandSender;
import uk.placements.edge.web.NotFound;
import uk.placements.command.web.WriteResult;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.provision.ProvisionId;

import java.util.Set;

/** The placement writes of API.md: JSON in, one command out, {@code {id, version}} back. No rule lives here. */
@RestController
@RequestMapping(path = "/api/placements", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Placements (write)")
public class PlacementCommandController {

    private static final String COLLECTION = "/api/placements";
    private final CommandSender sender;

    public PlacementCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    public ResponseEntity<WriteResult> refer(@Valid @RequestBody PlacementRequests.Refer body,
                                             HttpServletRequest request) {
        PlacementRequests.checkAge(body);
        PlacementId id = PlacementId.random();
        PlacementRequests.Pupil pupil = body.pupil();
        ReferPupil command = new ReferPupil(id,
                new PupilDetails(new Upn(pupil.upn()), pupil.givenName().strip(), pupil.familyName().strip(),
                        pupil.dateOfBirth()),
                body.yearGroup(), body.primaryNeed(),
                body.secondaryNeeds() == null ? Set.of() : Set.copyOf(body.secondaryNeeds()),
                body.ehcpStatus(), body.requestedType(), new SchoolUrn(body.homeSchoolUrn()), body.referredOn(),
                body.note());
        return sender.create(command, id.value(), COLLECTION, body, request);
    }

    @PostMapping("/{id}/offer")
    public ResponseEntity<WriteResult> offer(@PathVariable String id, @Valid @RequestBody PlacementRequests.Offer body,
                                             HttpServletRequest request) {
        OverCapacityDecision decision = body.overCapacityDecision() == null ? null
                : new OverCapacityDecision(body.overCapacityDecision().reason().strip(),
                body.overCapacityDecision().decidedBy().strip());
        return sender.update(new OfferPlace(placementId(id), new ProvisionId(body.provisionId()), body.offeredOn(),
                body.needOverrideReason(), decision), id, body, request);
    }

    @PostMapping("/{id}/offer/decline")
    public ResponseEntity<WriteResult> decline(@PathVariable String id,
                                               @Valid @RequestBody PlacementRequests.OnWithReason body,
                                               HttpServletRequest request) {
        return sender.update(new DeclineOffer(placementId(id), body.on(), body.reason().strip()), id, body, request);
    }

    @PostMapping("/{id}/offer/withdraw")
    public ResponseEntity<WriteResult> withdrawOffer(@PathVariable String id,
                                                     @Valid @RequestBody PlacementRequests.OnWithReason body,
                                                     HttpServletRequest request) {
        return sender.update(new WithdrawOffer(placementId(id), body.on(), body.reason().strip()), id, body, request);
    }

    @PostMapping("/{id}/admission")
    public ResponseEntity<WriteResult> admit(@PathVariable String id,
                                             @Valid @RequestBody PlacementRequests.Admission body,
                                             HttpServletRequest request) {
        return sender.update(new AdmitPupil(placementId(id), body.admittedOn(), body.mainstreamPercent(),
                body.reason()), id, body, request);
    }

    @PostMapping("/{id}/time-split")
    public ResponseEntity<WriteResult> changeTimeSplit(@PathVariable String id,
                                                       @Valid @RequestBody PlacementRequests.TimeSplit body,
                                                       HttpServletRequest request) {
        return sender.update(new ChangeTimeSplit(placementId(id), body.mainstreamPercent(), body.effectiveFrom(),
                body.reason(), body.reasonCategory()), id, body, request);
    }

    @PostMapping("/{id}/move-to-mainstream")
    public ResponseEntity<WriteResult> moveToMainstream(@PathVariable String id,
                                                        @Valid @RequestBody PlacementRequests.MoveToMainstream body,
                                                        HttpServletRequest request) {
        return sender.update(new MoveToMainstream(placementId(id), body.effectiveFrom(), body.note()), id, body,
                request);
    }

    @PostMapping("/{id}/end")
    public ResponseEntity<WriteResult> end(@PathVariable String id, @Valid @RequestBody PlacementRequests.End body,
                                           HttpServletRequest request) {
        return sender.update(new EndPlacement(placementId(id), body.effectiveFrom(), body.reason(), body.note()), id,
                body, request);
    }

    @PostMapping("/{id}/withdraw")
    public ResponseEntity<WriteResult> withdrawReferral(@PathVariable String id,
                                                        @Valid @RequestBody PlacementRequests.OnWithReason body,
                                                        HttpServletRequest request) {
        return sender.update(new WithdrawReferral(placementId(id), body.on(), body.reason().strip()), id, body,
                request);
    }

    /** An id that is not even well-formed names no placement: 404, like an unknown one. */
    private static PlacementId placementId(String id) {
        try {
            return new PlacementId(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("placement", id);
        }
    }
}
