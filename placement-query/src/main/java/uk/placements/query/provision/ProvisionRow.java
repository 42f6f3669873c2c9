package uk.placements.query.provision;

import uk.placements.shared.common.BaseModel;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of {@code rm_provision} while the provisions projection folds a batch of events into it: events change the
 * row in memory, and the batch writes each row it touched once. The statements name their parameters after this
 * class's fields, and the rows are read by column name.
 * <p>
 * What an event does to the provision (its type, phase, year range, designated needs, commissioned places and status)
 * is the shared fold's ({@link ProvisionState#evolve}, the one the aggregate decides from): {@link #evolve} folds the
 * event into the row's {@link #state} and copies the outcome into the columns; the projection adds only what the
 * fold does not keep (the name, the host school, the date it closed, the staffing in force). The date it opened is
 * both the fold's and a column the projection sets from the commissioning.
 */
final class ProvisionRow {

    /** The columns besides the key, and the fields their parameters are named after. */
    static final List<String> FIELDS = List.of("version", "name", "type", "phase", "hostUrn", "hostName",
            "lowestYear", "highestYear", "designatedNeeds", "commissionedPlaces", "status", "openedOn", "closedOn",
            "adults", "qualifiedTeachers", "therapyHoursPerWeek", "staffingFrom", "baseModel", "baseModelFrom");
    private static final String COLUMNS = String.join(", ", FIELDS.stream().map(ProvisionRow::column).toList());
    static final String INSERT = "INSERT INTO rm_provision (provision_id, " + COLUMNS + ") VALUES (:provisionId, "
            + String.join(", ", FIELDS.stream().map(f -> ":" + f).toList()) + ")";
    static final String UPDATE = "UPDATE rm_provision SET "
            + String.join(", ", FIELDS.stream().map(f -> column(f) + " = :" + f).toList())
            + " WHERE provision_id = :provisionId";
    static final String SELECT = "SELECT " + COLUMNS + " FROM rm_provision WHERE provision_id = ?";

    final String provisionId;
    boolean isNew;
    long version;
    // the fold's
    String type;
    String phase;
    int lowestYear;
    int highestYear;
    String designatedNeeds;
    int commissionedPlaces;
    String status;
    /** The inclusion-base model in force by the latest effective date, and that date; null until recorded. */
    String baseModel;
    Date baseModelFrom;
    // the projection's own
    String name;
    String hostUrn;
    String hostName;
    Date openedOn;
    Date closedOn;
    Integer adults;
    Integer qualifiedTeachers;
    BigDecimal therapyHoursPerWeek;
    Date staffingFrom;
    /** The provision as the shared fold has it after event {@link #version}; no column of its own. */
    ProvisionState state = ProvisionState.NONE;

    ProvisionRow(String provisionId) {
        this.provisionId = provisionId;
    }

    /**
     * Folds {@code event} into {@link #state} and takes the outcome into the columns the fold decides. The caller
     * checks that the event is newer than the row.
     */
    void evolve(ProvisionEvent event) {
        state = state.evolve(event);
        type = state.type().name();
        phase = state.phase().name();
        lowestYear = state.lowestYear();
        highestYear = state.highestYear();
        designatedNeeds = state.designatedNeeds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        commissionedPlaces = state.commissionedPlaces();
        status = state.status().name();
        baseModel = state.baseModel() == null ? null : state.baseModel().name();
        baseModelFrom = state.baseModelFrom() == null ? null : Date.valueOf(state.baseModelFrom());
    }

    static ProvisionRow read(ResultSet rs, String provisionId) throws SQLException {
        ProvisionRow row = new ProvisionRow(provisionId);
        row.version = rs.getLong("version");
        row.name = rs.getString("name");
        row.type = rs.getString("type");
        row.phase = rs.getString("phase");
        row.hostUrn = rs.getString("host_urn");
        row.hostName = rs.getString("host_name");
        row.lowestYear = rs.getInt("lowest_year");
        row.highestYear = rs.getInt("highest_year");
        row.designatedNeeds = rs.getString("designated_needs");
        row.commissionedPlaces = rs.getInt("commissioned_places");
        row.status = rs.getString("status");
        row.openedOn = rs.getDate("opened_on");
        row.closedOn = rs.getDate("closed_on");
        row.adults = (Integer) rs.getObject("adults");
        row.qualifiedTeachers = (Integer) rs.getObject("qualified_teachers");
        row.therapyHoursPerWeek = rs.getBigDecimal("therapy_hours_per_week");
        row.staffingFrom = rs.getDate("staffing_from");
        row.baseModel = rs.getString("base_model");
        row.baseModelFrom = rs.getDate("base_model_from");
        row.state = row.stateFromColumns();
        return row;
    }

    /**
     * The fold's state as the table holds it, for a row read back. The table does not keep the placements holding a
     * place (the capacity ledger counts places taken) nor the places by effective date (the change rows and the
     * ledger have them): they read as none, and no column follows them.
     */
    private ProvisionState stateFromColumns() {
        return new ProvisionState(new ProvisionId(provisionId), version, ProvisionType.valueOf(type),
                Phase.valueOf(phase), lowestYear, highestYear, designatedNeeds.isEmpty() ? Set.of()
                : Arrays.stream(designatedNeeds.split(",")).map(NeedCode::valueOf).collect(Collectors.toSet()),
                commissionedPlaces, ProvisionStatus.valueOf(status), Set.of(), List.of(),
                openedOn == null ? null : openedOn.toLocalDate(), baseModel == null ? null : BaseModel.valueOf(baseModel),
                baseModelFrom == null ? null : baseModelFrom.toLocalDate());
    }

    /** {@code hostUrn} to {@code host_urn}. */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
