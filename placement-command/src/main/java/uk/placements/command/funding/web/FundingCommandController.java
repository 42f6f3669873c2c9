package uk.placements.command.funding.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.command.web.CommandSender;
import uk.placements.command.web.WriteResult;
import uk.placements.edge.web.NotFound;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.funding.command.SetProvisionTopUpRate;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

/** The money writes of docs/funding.md: the tariff (FINANCE, ADMIN) and a placement's top-up. */
@RestController
@RequestMapping(path = "/api/funding", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Funding (write)")
public class FundingCommandController {

    private final CommandSender sender;

    public FundingCommandController(CommandSender sender) {
        this.sender = sender;
    }

    @PutMapping("/tariff/place-rates")
    public ResponseEntity<WriteResult> setPlaceRate(@Valid @RequestBody FundingRequests.PlaceRate body,
                                                    HttpServletRequest request) {
        return sender.update(new SetPlaceRate(body.type(), AcademicYear.parse(body.academicYear()), body.perPlace(),
                body.reason()), FundingStreams.TARIFF, body, request);
    }

    @PutMapping("/tariff/bands/{band}")
    public ResponseEntity<WriteResult> setBandValue(@PathVariable String band,
                                                    @Valid @RequestBody FundingRequests.AnnualValue body,
                                                    HttpServletRequest request) {
        BandCode code;
        try {
            code = new BandCode(band);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("band", band);
        }
        return sender.update(new SetBandValue(code, FinancialYear.parse(body.financialYear()), body.annualValue(),
                body.reason()), FundingStreams.TARIFF, body, request);
    }

    @PutMapping("/tariff/provision-rates/{provisionId}")
    public ResponseEntity<WriteResult> setProvisionRate(@PathVariable String provisionId,
                                                        @Valid @RequestBody FundingRequests.AnnualValue body,
                                                        HttpServletRequest request) {
        ProvisionId provision;
        try {
            provision = new ProvisionId(provisionId);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("provision", provisionId);
        }
        return sender.update(new SetProvisionTopUpRate(provision, FinancialYear.parse(body.financialYear()),
                body.annualValue(), body.reason()), FundingStreams.TARIFF, body, request);
    }

    @PostMapping("/placements/{id}/top-up")
    public ResponseEntity<WriteResult> assignTopUp(@PathVariable String id,
                                                   @Valid @RequestBody FundingRequests.TopUp body,
                                                   HttpServletRequest request) {
        PlacementId placement;
        try {
            placement = new PlacementId(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("placement", id);
        }
        return sender.update(new AssignTopUp(placement, body.basis(), body.band() == null ? null
                : new BandCode(body.band()), body.effectiveFrom(), body.reason()), id, body, request);
    }
}
