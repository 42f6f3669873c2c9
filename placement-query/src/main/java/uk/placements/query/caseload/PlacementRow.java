package uk.placements.query.caseload;

import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.pupil.PupilVault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One row of {@code rm_placement} while the caseload projection folds a batch of events into it: events change the
 * row in memory, and the batch writes each row it touched once (an insert for a new placement, else an update),
 * instead of one statement per event. The statements name their parameters after this class's fields, and the
 * rows are read by column name.
 * <p>
 * What an event does to the placement (its status, provision, time split, need, dates) is the shared fold's
 * ({@link PlacementState#evolve}): {@link #evolve} folds the event into the row's {@link #state} and copies the
 * outcome into the columns; the projection adds only what the fold does not keep (the offer's reasons, the end
 * reason, the dates of each step, the integration band).
 * <p>
 * An update never writes the pupil's personal data: only the referral inserts it and only erasure removes it, so
 * an update carrying a copy read before an erasure cannot put it back.
 */
final class PlacementRow {

    /** The columns events change after a referral, each {@code :parameter} named after this class's field. */
    static final String UPDATE = """
            UPDATE rm_placement SET version = :version, status = :status, provision_id = :provisionId,
                provision_type = :provisionType, mainstream_percent = :mainstreamPercent,
                below_integration_band = :belowIntegrationBand, outside_designated_need = :outsideDesignatedNeed,
                need_override_reason = :needOverrideReason, over_capacity_reason = :overCapacityReason,
                over_capacity_decided_by = :overCapacityDecidedBy, offered_on = :offeredOn,
                admitted_on = :admittedOn, ended_on = :endedOn, end_reason = :endReason,
                last_recorded_at = :lastRecordedAt
            WHERE placement_id = :placementId AND version < :version""";

    /** Every column, each {@code :parameter} named after this class's field. */
    static final String INSERT = """
            INSERT INTO rm_placement (placement_id, pupil_id, version, status, year_group, primary_need,
                secondary_needs, ehcp_status, requested_type, home_school_urn, provision_id, provision_type,
                mainstream_percent, below_integration_band, outside_designated_need, need_override_reason,
                over_capacity_reason, over_capacity_decided_by, referred_on, offered_on, admitted_on, ended_on,
                end_reason, last_recorded_at, upn, given_name, family_name, date_of_birth, pupil_erased, search_text)
            VALUES (:placementId, :pupilId, :version, :status, :yearGroup, :primaryNeed, :secondaryNeeds,
                :ehcpStatus, :requestedType, :homeSchoolUrn, :provisionId, :provisionType, :mainstreamPercent,
                :belowIntegrationBand, :outsideDesignatedNeed, :needOverrideReason, :overCapacityReason,
                :overCapacityDecidedBy, :referredOn, :offeredOn, :admittedOn, :endedOn, :endReason,
                :lastRecordedAt, :upn, :givenName, :familyName, :dateOfBirth, :pupilErased, :searchText)""";

    /** The columns events change after the referral, and those the fold needs from the referral. */
    static final String SELECT_CHANGING = """
            SELECT placement_id, pupil_id, version, status, year_group, primary_need, ehcp_status, requested_type,
                referred_on, provision_id, provision_type, mainstream_percent, below_integration_band,
                outside_designated_need, need_override_reason, over_capacity_reason, over_capacity_decided_by,
                offered_on, admitted_on, ended_on, end_reason, last_recorded_at
            FROM rm_placement WHERE placement_id = ?""";

    // set by the referral, never changed by later events
    final String placementId;
    final String pupilId;
    int yearGroup;
    String primaryNeed;
    String secondaryNeeds;
    String ehcpStatus;
    String requestedType;
    String homeSchoolUrn;
    LocalDate referredOn;
    String upn;
    String givenName;
    String familyName;
    LocalDate dateOfBirth;
    boolean pupilErased;
    String searchText;
    // changed by later events
    long version;
    String status;
    String provisionId;
    String provisionType;
    Integer mainstreamPercent;
    boolean belowIntegrationBand;
    boolean outsideDesignatedNeed;
    String needOverrideReason;
    String overCapacityReason;
    String overCapacityDecidedBy;
    LocalDate offeredOn;
    LocalDate admittedOn;
    LocalDate endedOn;
    String endReason;
    Timestamp lastRecordedAt;
    /** Not yet in the table: the batch inserts it. */
    boolean isNew;
    /** What the kept totals ({@link CaseloadCounts}) count this row as; null until they count it. No column. */
    CaseloadCounts.Filters counted;
    /** The placement as the shared fold has it after event {@link #version}; no column of its own. */
    PlacementState state = PlacementState.NONE;
    /**
     * The referral's personal data still sealed, and when the referral was recorded: a rebuild opens every
     * referral's at once, before it writes ({@link CaseloadProjection}). No column.
     */
    SealedPupil sealed;
    Instant sealedAt;

    PlacementRow(String placementId, String pupilId) {
        this.placementId = placementId;
        this.pupilId = pupilId;
    }

    static PlacementRow read(ResultSet rs) throws SQLException {
        PlacementRow row = new PlacementRow(rs.getString("placement_id"), rs.getString("pupil_id"));
        row.version = rs.getLong("version");
        row.status = rs.getString("status");
        row.yearGroup = rs.getInt("year_group");
        row.primaryNeed = rs.getString("primary_need");
        row.ehcpStatus = rs.getString("ehcp_status");
        row.requestedType = rs.getString("requested_type");
        row.referredOn = rs.getObject("referred_on", LocalDate.class);
        row.provisionId = rs.getString("provision_id");
        row.provisionType = rs.getString("provision_type");
        row.mainstreamPercent = (Integer) rs.getObject("mainstream_percent");
        row.belowIntegrationBand = rs.getBoolean("below_integration_band");
        row.outsideDesignatedNeed = rs.getBoolean("outside_designated_need");
        row.needOverrideReason = rs.getString("need_override_reason");
        row.overCapacityReason = rs.getString("over_capacity_reason");
        row.overCapacityDecidedBy = rs.getString("over_capacity_decided_by");
        row.offeredOn = rs.getObject("offered_on", LocalDate.class);
        row.admittedOn = rs.getObject("admitted_on", LocalDate.class);
        row.endedOn = rs.getObject("ended_on", LocalDate.class);
        row.endReason = rs.getString("end_reason");
        row.lastRecordedAt = rs.getTimestamp("last_recorded_at");
        row.state = row.stateFromColumns();
        row.counted = row.filters();
        return row;
    }

    /** The values of the caseload's filters this row has now. */
    CaseloadCounts.Filters filters() {
        return new CaseloadCounts.Filters(status, provisionId, primaryNeed, yearGroup, provisionType);
    }

    /**
     * Folds {@code event} into {@link #state} and takes the outcome into the columns the fold decides. The caller
     * checks that the event is newer than the row.
     */
    void evolve(PlacementEvent event) {
        PlacementState before = state;
        state = before.evolve(event);
        status = state.status().name();
        yearGroup = state.yearGroup();
        primaryNeed = state.primaryNeed().name();
        ehcpStatus = state.ehcpStatus().name();
        requestedType = state.requestedType() == null ? null : state.requestedType().name();
        referredOn = state.referredOn();
        provisionId = state.provisionId() == null ? null : state.provisionId().value();
        provisionType = state.provisionType() == null ? null : state.provisionType().name();
        mainstreamPercent = PlacementState.splitInProvision(before, state);
        outsideDesignatedNeed = state.outsideDesignatedNeed();
    }

    /**
     * The fold's state as the table holds it, for a row read back. The table does not keep the last business date
     * (a time-split change's date is only on its timeline entry): it reads as null until the next event, which the
     * fold dates. A pupil who moved to mainstream has the split they left with, where the fold has 100; nothing
     * follows a move, so no fold step reads it.
     */
    private PlacementState stateFromColumns() {
        return new PlacementState(new PlacementId(placementId), version, new PupilId(pupilId),
                PlacementStatus.valueOf(status), yearGroup, NeedCode.valueOf(primaryNeed),
                EhcpStatus.valueOf(ehcpStatus), requestedType == null ? null : ProvisionType.valueOf(requestedType),
                provisionId == null ? null : new ProvisionId(provisionId),
                provisionType == null ? null : ProvisionType.valueOf(provisionType), mainstreamPercent,
                outsideDesignatedNeed, referredOn, null);
    }

    /** A copy to change, so that a batch that rolls back leaves the cached original as it was. */
    PlacementRow copy() {
        PlacementRow c = new PlacementRow(placementId, pupilId);
        c.yearGroup = yearGroup;
        c.primaryNeed = primaryNeed;
        c.secondaryNeeds = secondaryNeeds;
        c.ehcpStatus = ehcpStatus;
        c.requestedType = requestedType;
        c.homeSchoolUrn = homeSchoolUrn;
        c.referredOn = referredOn;
        c.upn = upn;
        c.givenName = givenName;
        c.familyName = familyName;
        c.dateOfBirth = dateOfBirth;
        c.pupilErased = pupilErased;
        c.searchText = searchText;
        c.version = version;
        c.status = status;
        c.provisionId = provisionId;
        c.provisionType = provisionType;
        c.mainstreamPercent = mainstreamPercent;
        c.belowIntegrationBand = belowIntegrationBand;
        c.outsideDesignatedNeed = outsideDesignatedNeed;
        c.needOverrideReason = needOverrideReason;
        c.overCapacityReason = overCapacityReason;
        c.overCapacityDecidedBy = overCapacityDecidedBy;
        c.offeredOn = offeredOn;
        c.admittedOn = admittedOn;
        c.endedOn = endedOn;
        c.endReason = endReason;
        c.lastRecordedAt = lastRecordedAt;
        c.isNew = isNew;
        c.counted = counted;
        c.state = state;
        c.sealed = sealed;
        c.sealedAt = sealedAt;
        return c;
    }

    /** The referral's personal data, opened by {@code open}; an erased pupil's opens as erased. */
    void open(SealedPupil pupil, UnaryOperator<String> open) {
        String clearUpn = open.apply(pupil.upn());
        if (PupilVault.ERASED.equals(clearUpn)) {
            erase();
            return;
        }
        upn = clearUpn;
        givenName = open.apply(pupil.givenName());
        familyName = open.apply(pupil.familyName());
        dateOfBirth = LocalDate.parse(open.apply(pupil.dateOfBirth()));
        searchText = (givenName + " " + familyName + " " + upn).toLowerCase(Locale.ROOT);
        sealed = null;
        sealedAt = null;
    }

    /** The personal data gone: what erasure leaves. */
    void erase() {
        forgetPersonalData();
        pupilErased = true;
    }

    /**
     * Drops the personal data from this copy once the table has it: updates never write it, so a row kept for the
     * next batch need not hold a pupil's name, UPN or date of birth in memory (nor keep them after an erasure).
     */
    void forgetPersonalData() {
        upn = null;
        givenName = null;
        familyName = null;
        dateOfBirth = null;
        searchText = null;
        sealed = null;
        sealedAt = null;
    }
}
