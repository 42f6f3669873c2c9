package uk.placements.command.funding.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.command.provision.domain.ProvisionDecisions;
import uk.placements.command.web.CommandSender;
import uk.placements.command.web.WriteResult;
import uk.placements.edge.web.InvalidField;
import uk.placements.edge.web.NotFound;
import uk.placements.edge.web.PlainText;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.provision.ProvisionId;

/**
 * The place-change return's write (docs/funding.md): a provision's places asked for the next academic year, or its
 * nil return. PROVISION_ADMIN, FINANCE, ADMIN.
 */
@RestController
@RequestMapping(path = "/api/funding/place-change", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Funding (write)")
public class PlaceChangeCommandController {

    private final CommandSender sender;

    public PlaceChangeCommandController(CommandSender sender) {
        this.sender = sender;
    }

    /**
     * {@code places} asked for (0 to 500), or {@code nilReturn} true; {@code reason} is the reason for change when
     * the places change; {@code correction} says why a return already recorded is replaced.
     */
    public record PlaceChange(@Min(0) @Max(ProvisionDecisions.MAX_PLACES) Integer places,
                              Boolean nilReturn,
                              PlaceChangeReason reason,
                              @Size(max = FundingRequests.TEXT) @PlainText(lines = true) String note,
                              @Size(max = FundingRequests.TEXT) @PlainText(lines = true) String correction) {
    }

    @PutMapping("/{provisionId}/{academicYear}")
    public ResponseEntity<WriteResult> recordPlaceChange(@PathVariable String provisionId,
                                                         @PathVariable String academicYear,
                                                         @Valid @RequestBody PlaceChange body,
                                                         HttpServletRequest request) {
        ProvisionId provision;
        try {
            provision = new ProvisionId(provisionId);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("provision", provisionId);
        }
        AcademicYear year;
        try {
            year = AcademicYear.parse(academicYear);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidField("academicYear", "must be an academic year written like 2027-28");
        }
        boolean nil = Boolean.TRUE.equals(body.nilReturn());
        if (body.places() == null && !nil) {
            throw new InvalidField("places", "is required unless nilReturn is true");
        }
        return sender.update(new RecordPlaceChange(provision, year, body.places(), nil, body.reason(), body.note(),
                body.correction()), FundingStreams.placeChangeOf(provision, year), body, request);
    }
}
