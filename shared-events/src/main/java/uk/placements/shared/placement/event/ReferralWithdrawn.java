package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** The referral was withdrawn before any offer was accepted. */
@Revision("1")
public record ReferralWithdrawn(PlacementId placementId, LocalDate on, String reason) implements PlacementEvent {
}
