package uk.placements.query.funding;

import io.swagger.v3.oas.annotations.tags.Tag;
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
import uk.placements.shared.provision.ProvisionId;

import java.time.Clock;
import java.time.LocalDate;

/** The money reads of docs/funding.md: the tariff, a placement's funding, placements without funding. */
@RestController
@RequestMapping(path = "/api/funding", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Funding (read)")
public class FundingQueryController {

    private final FundingReader reader;
    private final Clock clock;

    public FundingQueryController(FundingReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping("/tariff")
    public ResponseEntity<FundingViews.Tariff> tariff(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return SingleRead.answer("tariff", "tariff", reader::tariff, FundingViews.Tariff::version, null, ifNoneMatch);
    }

    @GetMapping("/placements/{id}")
    public ResponseEntity<FundingViews.Funding> placement(
            @PathVariable String id, @RequestParam(required = false) LocalDate asOf,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return SingleRead.answer("placement", id, () -> reader.funding(id, day), FundingViews.Funding::version,
                null, ifNoneMatch);
    }

    @GetMapping("/without-funding")
    public FundingViews.UnfundedPage withoutFunding(@RequestParam(required = false) LocalDate asOf,
                                                    @RequestParam(required = false) String provisionId,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "50") int size) {
        SingleRead.checkPage(page, size);
        String provision = provisionId == null ? null : new ProvisionId(provisionId).value();
        return reader.withoutFunding(asOf == null ? LocalDate.now(clock) : asOf, provision, page, size);
    }
}
