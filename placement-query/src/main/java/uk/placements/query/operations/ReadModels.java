package uk.placements.query.operations;

import org.springframework.stereotype.Component;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.caseload.CaseloadProjection;
import uk.placements.query.funding.FundingProjection;
import uk.placements.query.history.PlacementHistoryProjection;
import uk.placements.query.placechange.PlaceChangeProjection;
import uk.placements.query.provision.ProvisionProjection;
import uk.placements.query.operations.ReadModel.Index;
import uk.placements.query.operations.ReadModel.Table;

import java.util.List;
import java.util.Optional;

/**
 * Every read model of the query side, by processing group, with the tables its {@code @ResetHandler} clears and
 * their indexes (see V100__read_models.sql, V121, V122, V124, V126, V140, V141, V142, V143, V161, V164, V166,
 * V167, V168, V176; V169 and V177 on PostgreSQL). A new projection is added here, or operations cannot see,
 * checksum or rebuild it.
 */
@Component
public class ReadModels {

    private static final List<ReadModel> ALL = List.of(
            new ReadModel(CaseloadProjection.NAME, List.of(
                    new Table("rm_placement", List.of("placement_id"), List.of(
                            new Index("ix_rm_placement_status", "status, referred_on DESC, placement_id DESC"),
                            new Index("ix_rm_placement_provision",
                                    "provision_id, referred_on DESC, placement_id DESC"),
                            new Index("ix_rm_placement_pupil", "pupil_id"),
                            new Index("ix_rm_placement_upn", "upn"),
                            new Index("ix_rm_placement_referred", "referred_on DESC, placement_id DESC"),
                            new Index("ix_rm_placement_family", "family_name, placement_id"),
                            new Index("ix_rm_placement_by_status", "status, placement_id"),
                            new Index("ix_rm_placement_year", "year_group, placement_id"),
                            new Index("ix_rm_placement_changed", "last_recorded_at, placement_id"))),
                    new Table("rm_caseload_count", List.of("filter_key", "part")))),
            new ReadModel(PlacementHistoryProjection.NAME, List.of(
                    new Table("rm_placement_period", List.of("placement_id", "seq"), List.of(
                            Index.partialOnPostgres("ix_rm_placement_period_waiting",
                                    "status, valid_to, valid_from, primary_need, year_group, referred_on",
                                    "valid_to, valid_from, primary_need, year_group, referred_on",
                                    "status = 'REFERRED'"))),
                    new Table("rm_placement_milestone", List.of("placement_id", "seq"), List.of(
                            new Index("ix_rm_milestone_window",
                                    "on_date, kind, provision_id, days_from_referral, days_from_offer"))))),
            new ReadModel(ProvisionProjection.NAME, List.of(
                    new Table("rm_provision", List.of("provision_id")),
                    new Table("rm_provision_change", List.of("provision_id", "seq"), List.of(
                            new Index("ix_rm_provision_change", "provision_id, kind, effective_from"))),
                    new Table("rm_over_capacity_decision", List.of("provision_id", "seq"), List.of(
                            new Index("ix_rm_over_capacity_decision_held", "held_until, decided_on"),
                            new Index("ix_rm_over_capacity_decision_placement", "placement_id, provision_id"))))),
            new ReadModel(CapacityLedgerProjection.NAME, List.of(
                    new Table("rm_capacity_ledger", List.of("provision_id", "effective_from")),
                    new Table("rm_capacity_latest", List.of("provision_id")),
                    new Table("rm_capacity_placement", List.of("provision_id", "placement_id")),
                    new Table("rm_capacity_provision", List.of("provision_id")))),
            new ReadModel(FundingProjection.NAME, List.of(
                    new Table("rm_funding_placement", List.of("placement_id"), List.of(
                            new Index("ix_rm_funding_placement_provision", "provision_id, admitted_on"))),
                    new Table("rm_funding_topup", List.of("placement_id", "seq")),
                    new Table("rm_funding_tariff", List.of("seq")))),
            new ReadModel(PlaceChangeProjection.NAME, List.of(
                    new Table("rm_place_change", List.of("provision_id", "academic_year")))));

    public List<ReadModel> all() {
        return ALL;
    }

    public Optional<ReadModel> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
