package uk.placements.shared.funding.event;

import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.provision.ProvisionId;

/** Every event of a provision's place-change return for an academic year (the PlaceChangeReturn aggregate). */
public sealed interface PlaceChangeEvent permits PlaceChangeRecorded {

    ProvisionId provisionId();

    AcademicYear academicYear();
}
