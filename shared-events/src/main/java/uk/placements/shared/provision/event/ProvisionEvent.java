package uk.placements.shared.provision.event;

import uk.placements.shared.provision.ProvisionId;

/** Every event of the Provision aggregate. */
public sealed interface ProvisionEvent permits ProvisionCommissioned, CommissionedPlacesChanged, StaffingRecorded,
        ProvisionClosed, PlaceReserved, PlaceReleased, BaseModelRecorded, BaseLeadAppointed, BaseLeadVacant,
        QualifiedTeacherAccessRecorded {

    ProvisionId provisionId();
}
