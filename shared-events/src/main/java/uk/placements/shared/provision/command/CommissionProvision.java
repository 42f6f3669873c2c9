package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.provision.HostSchool;

import java.time.LocalDate;
import java.util.Set;

/** Commission a new provision; creates it, open. */
public record CommissionProvision(@TargetAggregateIdentifier ProvisionId provisionId, String name, ProvisionType type, HostSchool hostSchool, Phase phase, int lowestYear, int highestYear, Set<NeedCode> designatedNeeds, int commissionedPlaces, LocalDate openedOn) {
}
