package uk.placements.shared.funding.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.provision.ProvisionId;

/**
 * A provision's return for {@code academicYear}: its commissioned places on 1 September of the academic year before
 * ({@code currentPlaces}, as the decision saw them), the places it asks for, and why ({@code reason}, null for a nil
 * return, whose {@code requestedPlaces} are the current ones). A correction ({@code correction} true) replaces the
 * return recorded before, whose places and reason it keeps ({@code previousPlaces}, {@code previousReason}), and says
 * why ({@code correctionReason}). Who recorded it, and when, are the event's metadata and timestamp.
 */
@Revision("1")
public record PlaceChangeRecorded(ProvisionId provisionId, AcademicYear academicYear, int currentPlaces,
                                  int requestedPlaces, boolean nilReturn, PlaceChangeReason reason, String note,
                                  boolean correction, Integer previousPlaces, PlaceChangeReason previousReason,
                                  String correctionReason) implements PlaceChangeEvent {

    public int change() {
        return requestedPlaces - currentPlaces;
    }
}
