package uk.placements.query.bases;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.edge.web.NotFound;
import uk.placements.query.bases.BaseViews.Base;
import uk.placements.query.bases.BaseViews.Comparison;
import uk.placements.query.bases.BaseViews.Direction;
import uk.placements.query.bases.BaseViews.Expectation;
import uk.placements.query.bases.BaseViews.Fences;
import uk.placements.query.bases.BaseViews.Figures;
import uk.placements.query.bases.BaseViews.Group;
import uk.placements.query.bases.BaseViews.Measure;
import uk.placements.query.bases.BaseViews.Outlier;
import uk.placements.query.bases.BaseViews.Standards;
import uk.placements.query.bases.BaseViews.Status;
import uk.placements.query.dashboard.CapacityReader;
import uk.placements.query.dashboard.DashboardCache;
import uk.placements.query.dashboard.InclusionWindow;
import uk.placements.shared.common.BaseModel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The inclusion bases' standards view and comparison (docs/inclusion-bases.md), as at a date. One truth: a base's
 * pupils, mainstream shares and staffing (therapy hours too) are the capacity ledger's, read through {@link
 * CapacityReader} as every dashboard reads them; its own facts (model, lead teacher, access to a qualified teacher)
 * are the provisions read model's change rows, the latest of each kind by effective date on or before the date (of
 * two from one date, the one recorded later); moves to mainstream and waiting times are the placements' milestones in
 * the twelve months up to the date, as the inclusion dashboard counts them ({@link InclusionWindow}).
 */
@Component
public class InclusionBases {

    static final String METHOD = "Within the bases of one type and phase open on asOf, each measure's first and "
            + "third quartiles (Q1, Q3; linear interpolation between ranks) and Tukey's fences Q1 - 1.5 x IQR and "
            + "Q3 + 1.5 x IQR (IQR = Q3 - Q1); a base whose value lies outside them is flagged HIGH or LOW. A "
            + "measure needs values from at least " + Outliers.MIN_GROUP + " bases of the group; a base without a "
            + "value (no pupils on roll, no staffing, no admission in the window) is left out of that measure.";

    private static final String FACTS = """
            SELECT provision_id, kind, effective_from, base_model, lead_name, qt_hours_per_week, peer_hours_per_week
            FROM rm_provision_change
            WHERE kind IN ('BASE_MODEL', 'BASE_LEAD', 'QT_ACCESS') AND effective_from <= CAST(:asOf AS DATE)""";
    private static final String FACTS_ORDER = " ORDER BY provision_id, effective_from, seq";

    private final NamedParameterJdbcTemplate jdbc;
    private final CapacityReader capacity;
    private final DashboardCache cache;
    private final InclusionWindow window;

    public InclusionBases(NamedParameterJdbcTemplate jdbc, CapacityReader capacity, DashboardCache cache,
                          InclusionWindow window) {
        this.jdbc = jdbc;
        this.capacity = capacity;
        this.cache = cache;
        this.window = window;
    }

    /** A base's facts in force on a date: the latest of each kind. */
    private record Facts(BaseModel baseModel, LocalDate baseModelFrom, String leadName, Boolean leadVacant,
                         LocalDate leadFrom, BigDecimal qtHours, BigDecimal peerHours, LocalDate accessFrom) {

        static final Facts NONE = new Facts(null, null, null, null, null, null, null, null);
    }

    /** The standards of a base on {@code asOf}; 404 when there is no such provision. */
    public Standards standards(String provisionId, LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                .addValue("provisionId", provisionId);
        List<Map<String, Object>> found = jdbc.queryForList("SELECT name, type, phase FROM rm_provision "
                + "WHERE provision_id = :provisionId", params);
        if (found.isEmpty()) {
            throw new NotFound("provision", provisionId);
        }
        Map<String, Object> provision = found.get(0);
        String type = (String) provision.get("type");
        Facts facts = facts(params, " AND provision_id = :provisionId").getOrDefault(provisionId, Facts.NONE);
        CapacityReader.Inclusion inclusion = capacity.inclusionAsAt(asOf, provisionId);
        boolean open = inclusion != null;
        Figures figures = figures(facts, inclusion);
        List<Expectation> expectations = open ? StandardsAssessment.assess(type, figures)
                : StandardsAssessment.notOpen();
        return new Standards(provisionId, (String) provision.get("name"), type, (String) provision.get("phase"),
                facts.baseModel(), facts.baseModelFrom(), asOf, open, figures, expectations,
                count(expectations, Status.MET), count(expectations, Status.NOT_MET),
                count(expectations, Status.UNKNOWN));
    }

    /** The comparison of every base open on {@code asOf}. */
    public Comparison comparison(LocalDate asOf) {
        return cache.answer(new CompareBases(asOf), () -> compare(asOf));
    }

    /** The comparison's key among the dashboards' kept answers. */
    record CompareBases(LocalDate asOf) {
    }

    private Comparison compare(LocalDate asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", Date.valueOf(asOf));
        Map<String, Facts> facts = facts(params, "");
        // moves and waits as the inclusion dashboard counts them, from the one fold of the window (InclusionWindow)
        Map<String, InclusionWindow.Figures> windows = window.asAt(asOf);

        List<Base> unflagged = new ArrayList<>();
        for (CapacityReader.Inclusion p : capacity.inclusionAsAt(asOf)) {
            Facts f = facts.getOrDefault(p.provisionId(), Facts.NONE);
            Figures figures = figures(f, p);
            List<Expectation> expectations = StandardsAssessment.assess(p.type(), figures);
            int onRoll = p.onRoll();
            boolean staffed = p.staffingFrom() != null;
            InclusionWindow.Figures w = windows.getOrDefault(p.provisionId(),
                    InclusionWindow.Figures.none(p.provisionId()));
            int moved = w.movedToMainstream();
            unflagged.add(new Base(p.provisionId(), p.name(), p.type(), p.phase(), f.baseModel(), onRoll,
                    staffed ? p.adults() : null, staffed ? p.qualifiedTeachers() : null,
                    staffed ? perPupil(p.adults(), onRoll) : null,
                    staffed ? perPupil(p.qualifiedTeachers(), onRoll) : null,
                    staffed && p.therapyHoursPerWeek() != null ? perPupil(p.therapyHoursPerWeek().doubleValue(),
                            onRoll) : null,
                    figures.averageMainstreamPercent(), moved, perPupil(moved, onRoll),
                    w.admittedFromReferral(),
                    count(expectations, Status.MET),
                    count(expectations, Status.MET) + count(expectations, Status.NOT_MET), List.of()));
        }

        // groups by type and phase, their fences, and each base's outliers within its group
        Map<String, List<Base>> byGroup = new TreeMap<>();
        unflagged.forEach(b -> byGroup.computeIfAbsent(b.type() + "|" + b.phase(), k -> new ArrayList<>()).add(b));
        List<Group> groups = new ArrayList<>();
        Map<String, Base> flagged = new LinkedHashMap<>();
        byGroup.forEach((key, members) -> {
            List<Fences> fences = new ArrayList<>();
            Map<Measure, Outliers.Fence> fenceOf = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                Outliers.Fence fence = Outliers.fence(members.stream().map(b -> value(m, b)).toList());
                fenceOf.put(m, fence);
                long values = members.stream().filter(b -> value(m, b) != null).count();
                fences.add(fence == null ? new Fences(m, (int) values, null, null, null, null, null)
                        : new Fences(m, fence.values(), round(fence.q1()), round(fence.median()), round(fence.q3()),
                        round(fence.lower()), round(fence.upper())));
            }
            String[] typeAndPhase = key.split("\\|");
            groups.add(new Group(typeAndPhase[0], typeAndPhase[1], members.size(), fences));
            for (Base b : members) {
                List<Outlier> outliers = new ArrayList<>();
                fenceOf.forEach((m, fence) -> {
                    Double v = value(m, b);
                    if (fence != null && v != null && fence.side(v) != 0) {
                        outliers.add(new Outlier(m, v, fence.side(v) > 0 ? Direction.HIGH : Direction.LOW,
                                round(fence.lower()), round(fence.upper())));
                    }
                });
                flagged.put(b.provisionId(), withOutliers(b, outliers));
            }
        });
        List<Base> bases = unflagged.stream().map(b -> flagged.get(b.provisionId())).toList();
        return new Comparison(asOf, InclusionWindow.from(asOf), METHOD, groups, bases);
    }

    private static final Map<Measure, Function<Base, Double>> MEASURES = new EnumMap<>(Map.of(
            Measure.ADULTS_PER_PUPIL, Base::adultsPerPupil,
            Measure.QUALIFIED_TEACHERS_PER_PUPIL, Base::qualifiedTeachersPerPupil,
            Measure.THERAPY_HOURS_PER_PUPIL, Base::therapyHoursPerPupil,
            Measure.AVERAGE_MAINSTREAM_PERCENT, Base::averageMainstreamPercent,
            Measure.MOVES_TO_MAINSTREAM_PER_PUPIL, Base::movesToMainstreamPerPupil,
            Measure.MEDIAN_DAYS_REFERRAL_TO_ADMISSION, Base::medianDaysReferralToAdmission,
            Measure.STANDARDS_MET, b -> (double) b.standardsMet()));

    private static Double value(Measure m, Base b) {
        return MEASURES.get(m).apply(b);
    }

    private static Base withOutliers(Base b, List<Outlier> outliers) {
        return new Base(b.provisionId(), b.name(), b.type(), b.phase(), b.baseModel(), b.onRoll(), b.adults(),
                b.qualifiedTeachers(), b.adultsPerPupil(), b.qualifiedTeachersPerPupil(), b.therapyHoursPerPupil(),
                b.averageMainstreamPercent(), b.movesToMainstream(), b.movesToMainstreamPerPupil(),
                b.medianDaysReferralToAdmission(), b.standardsMet(), b.standardsAssessed(), List.copyOf(outliers));
    }

    /** The facts in force on :asOf by provision: the last of each kind by effective date, then by sequence. */
    private Map<String, Facts> facts(MapSqlParameterSource params, String only) {
        Map<String, Facts> byProvision = new HashMap<>();
        jdbc.query(FACTS + only + FACTS_ORDER, params, rs -> {
            String id = rs.getString("provision_id");
            Facts f = byProvision.getOrDefault(id, Facts.NONE);
            LocalDate from = rs.getDate("effective_from").toLocalDate();
            f = switch (rs.getString("kind")) {
                case "BASE_MODEL" -> new Facts(BaseModel.valueOf(rs.getString("base_model")), from, f.leadName(),
                        f.leadVacant(), f.leadFrom(), f.qtHours(), f.peerHours(), f.accessFrom());
                case "BASE_LEAD" -> {
                    String name = rs.getString("lead_name");
                    yield new Facts(f.baseModel(), f.baseModelFrom(), name, name == null, from, f.qtHours(),
                            f.peerHours(), f.accessFrom());
                }
                default -> new Facts(f.baseModel(), f.baseModelFrom(), f.leadName(), f.leadVacant(), f.leadFrom(),
                        rs.getBigDecimal("qt_hours_per_week"), rs.getBigDecimal("peer_hours_per_week"), from);
            };
            byProvision.put(id, f);
        });
        return byProvision;
    }

    private static Figures figures(Facts f, CapacityReader.Inclusion p) {
        if (p == null) {
            return new Figures(f.leadName(), f.leadVacant(), f.leadFrom(), f.qtHours(), f.peerHours(),
                    f.accessFrom(), 0, null, null, null, null, null, null);
        }
        int onRoll = p.onRoll();
        boolean staffed = p.staffingFrom() != null;
        return new Figures(f.leadName(), f.leadVacant(), f.leadFrom(), f.qtHours(), f.peerHours(), f.accessFrom(),
                onRoll, onRoll == 0 ? null : round(p.mainstreamPercentSum() / (double) onRoll),
                onRoll == 0 ? null : round(p.atOrAboveHalf() / (double) onRoll),
                staffed ? p.adults() : null, staffed ? p.qualifiedTeachers() : null,
                staffed ? p.therapyHoursPerWeek() : null, p.staffingFrom());
    }

    private static Double perPupil(double amount, int onRoll) {
        return onRoll == 0 ? null : round(amount / onRoll);
    }

    /** Two decimals: the figures as shown, and the values the fences are drawn from. */
    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static int count(List<Expectation> expectations, Status status) {
        return (int) expectations.stream().filter(e -> e.status() == status).count();
    }
}
