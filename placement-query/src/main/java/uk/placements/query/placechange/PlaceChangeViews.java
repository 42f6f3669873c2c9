package uk.placements.query.placechange;

import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.PlaceChangeReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The place-change return's JSON (docs/funding.md). Provisions and schools only: no personal data. */
public final class PlaceChangeViews {

    private PlaceChangeViews() {
    }

    /**
     * The return for {@code academicYear}: the provisions that made theirs, and those still to make it, each with
     * its places this academic year ({@code placesYear}), those commissioned on {@code placesAsAt}.
     */
    public record PlaceChangeReturn(String academicYear, String placesYear, LocalDate placesAsAt,
                                    List<ProvisionReturn> returns, List<OutstandingReturn> outstanding) {
    }

    /**
     * A provision's return: {@code change} is {@code requestedPlaces - currentPlaces}; {@code reason} is null for a
     * nil return; {@code correction} is true when it replaced an earlier return, for {@code correctionReason}.
     */
    public record ProvisionReturn(String provisionId, String name, ProvisionType type, String urn, String school,
                                  int currentPlaces, int requestedPlaces, int change, PlaceChangeReason reason,
                                  String note, boolean nilReturn, boolean correction, String correctionReason,
                                  Instant recordedAt, String recordedBy) {
    }

    /** A provision in scope of the return that has not made it yet. */
    public record OutstandingReturn(String provisionId, String name, ProvisionType type, String urn, String school,
                                    int currentPlaces) {
    }
}
