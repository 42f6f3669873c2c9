package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.SplitChangeCategory;
import uk.placements.shared.placement.SplitChangeReason;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/**
 * The share of the week in mainstream changed. Revision 2 records the reason with a category
 * ({@link SplitChangeReason}); revision 1 held the words alone and is upcast by {@code TimeSplitChangedUpcaster}.
 */
@Revision("2")
public record TimeSplitChanged(PlacementId placementId, ProvisionId provisionId, int previousPercent,
                               int mainstreamPercent, LocalDate effectiveFrom, SplitChangeReason reason,
                               boolean belowIntegrationBand) implements PlacementEvent {

    /** A change whose reason has no category (as revision 1 recorded it), or no reason at all. */
    public TimeSplitChanged(PlacementId placementId, ProvisionId provisionId, int previousPercent,
                            int mainstreamPercent, LocalDate effectiveFrom, String reason,
                            boolean belowIntegrationBand) {
        this(placementId, provisionId, previousPercent, mainstreamPercent, effectiveFrom,
                reason == null ? null : new SplitChangeReason(SplitChangeCategory.UNSPECIFIED, reason),
                belowIntegrationBand);
    }
}
