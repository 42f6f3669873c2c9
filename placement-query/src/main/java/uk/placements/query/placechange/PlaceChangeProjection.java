package uk.placements.query.placechange;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.PerBatch;
import uk.placements.query.Recorded;
import uk.placements.shared.funding.event.PlaceChangeRecorded;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read model "place-change": per provision and academic year, the return in force (its last event), with who
 * recorded it and when. One stream per provision and year, so one row per stream: a row keeps the sequence of its
 * event and ignores one no newer (a retried batch). Rows are gathered per batch of events and written just before
 * the batch commits ({@link PerBatch}), so a rebuild writes them after its reset.
 */
@Component
@ProcessingGroup(PlaceChangeProjection.NAME)
public class PlaceChangeProjection {

    public static final String NAME = "place-change";
    private final JdbcTemplate jdbc;
    /** The rows of a batch by provision and year, the latest event of each: written as the batch commits. */
    private final PerBatch<Map<String, Row>> batch = new PerBatch<>(TreeMap::new, this::write, written -> { });

    public PlaceChangeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(PlaceChangeRecorded event, long seq, Recorded recorded) {
    }

    @EventHandler
    void on(PlaceChangeRecorded e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        batch.current().merge(e.provisionId().value() + " " + e.academicYear(),
                new Row(e, seq, Recorded.of(seq, at, metaData)), (old, now) -> now.seq() > old.seq() ? now : old);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_place_change");
    }

    private void write(Map<String, Row> rows) {
        for (Row row : rows.values()) {
            PlaceChangeRecorded e = row.event();
            String provision = e.provisionId().value();
            String year = e.academicYear().toString();
            List<Long> versions = jdbc.queryForList("SELECT version FROM rm_place_change WHERE provision_id = ? "
                    + "AND academic_year = ?", Long.class, provision, year);
            if (!versions.isEmpty() && versions.get(0) >= row.seq()) {
                continue; // handled before
            }
            jdbc.update("DELETE FROM rm_place_change WHERE provision_id = ? AND academic_year = ?", provision, year);
            jdbc.update("INSERT INTO rm_place_change (provision_id, academic_year, current_places, "
                            + "requested_places, nil_return, reason, note, correction, correction_reason, recorded_at, "
                            + "recorded_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", provision, year,
                    e.currentPlaces(), e.requestedPlaces(), e.nilReturn(), e.reason() == null ? null
                            : e.reason().name(), e.note(), e.correction(), e.correctionReason(),
                    row.recorded().timestamp(), row.recorded().by(), row.seq());
        }
    }
}
