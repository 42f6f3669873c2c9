package uk.placements.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place that counts a provision's milestones in the inclusion window, the twelve months up to and including
 * a date ({@code on_date} after the date twelve months before, up to the date itself), and takes their medians
 * ({@link Median.Values}). The inclusion dashboard ({@link DashboardQueries}) and the comparison of inclusion bases both
 * read it; before, each folded the window's milestones by itself.
 * <p>
 * The milestones are read from the index on {@code (on_date, kind, provision_id, days_from_referral,
 * days_from_offer)} alone (V161, V164) and folded here, per provision as they come. Grouping them in the database
 * instead ({@code COUNT(*) FILTER}, {@code PERCENTILE_CONT}) sent one row per provision but took H2 twice as long
 * as sending every milestone of the window (100,000 events: 21 to 25 ms against 10 for the 34,000 rows).
 */
@Component
public class InclusionWindow {

    /** The window: the twelve months up to and including the date. */
    public static final int MONTHS = 12;

    /** The milestones the window counts or takes medians of; no other kind is read. */
    private static final String SQL = """
            SELECT provision_id, kind, days_from_referral, days_from_offer FROM rm_placement_milestone
            WHERE on_date > CAST(:windowFrom AS DATE) AND on_date <= CAST(:asOf AS DATE)
                AND kind IN ('OFFERED', 'ADMITTED', 'SPLIT_INCREASE', 'SPLIT_DECREASE', 'MOVED_TO_MAINSTREAM')
                AND provision_id IS NOT NULL""";

    /**
     * A provision's window: split increases and decreases, moves to mainstream, and the median days from referral
     * to offer of its offers, from offer to admission and from referral to admission of its admissions (null with
     * none).
     */
    public record Figures(String provisionId, int splitIncreases, int splitDecreases, int movedToMainstream,
                          Double offeredFromReferral, Double admittedFromOffer, Double admittedFromReferral) {

        /** A provision with no milestone in the window. */
        public static Figures none(String provisionId) {
            return new Figures(provisionId, 0, 0, 0, null, null, null);
        }
    }

    /** A provision's milestones in the window as they are read. */
    private static final class Fold {
        int splitIncreases;
        int splitDecreases;
        int movedToMainstream;
        final Median.Values offeredFromReferral = new Median.Values();
        final Median.Values admittedFromOffer = new Median.Values();
        final Median.Values admittedFromReferral = new Median.Values();

        void add(String kind, Integer fromReferral, Integer fromOffer) {
            switch (kind) {
                case "SPLIT_INCREASE" -> splitIncreases++;
                case "SPLIT_DECREASE" -> splitDecreases++;
                case "MOVED_TO_MAINSTREAM" -> movedToMainstream++;
                case "OFFERED" -> {
                    if (fromReferral != null) {
                        offeredFromReferral.add(fromReferral);
                    }
                }
                case "ADMITTED" -> {
                    if (fromOffer != null) {
                        admittedFromOffer.add(fromOffer);
                    }
                    if (fromReferral != null) {
                        admittedFromReferral.add(fromReferral);
                    }
                }
                default -> throw new IllegalStateException("not a milestone of the window: " + kind);
            }
        }

        Figures figures(String provisionId) {
            return new Figures(provisionId, splitIncreases, splitDecreases, movedToMainstream,
                    offeredFromReferral.median(), admittedFromOffer.median(), admittedFromReferral.median());
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public InclusionWindow(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first day before the window that ends on {@code asOf}. */
    public static LocalDate from(LocalDate asOf) {
        return asOf.minusMonths(MONTHS);
    }

    /** Every provision with a milestone in the window that ends on {@code asOf}, by id. */
    public Map<String, Figures> asAt(LocalDate asOf) {
        // sized for every provision: their ids differ in a few characters, and their hashes crowd a smaller table
        // into chains (a fifth of the fold's time, on 1,875 provisions, went to searching them)
        Map<String, Fold> folds = new HashMap<>(4096);
        jdbc.query(SQL, new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                        .addValue("windowFrom", Date.valueOf(from(asOf))),
                rs -> {
                    folds.computeIfAbsent(rs.getString(1), k -> new Fold()).add(rs.getString(2),
                            (Integer) rs.getObject(3), (Integer) rs.getObject(4));
                });
        Map<String, Figures> byProvision = new HashMap<>(Math.max(16, folds.size() * 2));
        folds.forEach((provisionId, fold) -> byProvision.put(provisionId, fold.figures(provisionId)));
        return byProvision;
    }
}
