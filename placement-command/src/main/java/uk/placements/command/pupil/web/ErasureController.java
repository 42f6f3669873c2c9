package uk.placements.command.pupil.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.command.pupil.JdbcPupilStore;
import uk.placements.command.web.CommandSender;
import uk.placements.command.web.WriteResult;
import uk.placements.edge.web.NotFound;
import uk.placements.edge.web.PlainText;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.pupil.ErasePupil;

/** {@code POST /api/admin/pupils/{upn}/erase}: an administrator crypto-shreds a pupil's personal data. */
@RestController
@Tag(name = "Administration")
public class ErasureController {

    /** The erasure's reason: why the authority's public task no longer needs the data. */
    public record Erasure(@NotBlank @Size(max = 500) @PlainText(lines = true) String reason) {
    }

    private final CommandSender sender;
    private final JdbcPupilStore pupils;

    public ErasureController(CommandSender sender, JdbcPupilStore pupils) {
        this.sender = sender;
        this.pupils = pupils;
    }

    @PostMapping(path = "/api/admin/pupils/{upn}/erase", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WriteResult> erase(@PathVariable String upn, @Valid @RequestBody Erasure body,
                                             HttpServletRequest request) {
        if (!Upn.isValid(upn)) {
            throw new NotFound("pupil", "(not a valid UPN)");
        }
        PupilId pupil = pupils.find(new Upn(upn)).orElseThrow(() -> new NotFound("pupil", "(this UPN)"));
        return sender.update(new ErasePupil(pupil, body.reason().strip()), pupil.value(), body, request);
    }
}
