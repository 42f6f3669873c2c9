package uk.placements.query.bases;

import uk.placements.query.bases.BaseViews.Code;
import uk.placements.query.bases.BaseViews.Expectation;
import uk.placements.query.bases.BaseViews.Figures;
import uk.placements.query.bases.BaseViews.Status;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which expectations of the DfE's inclusion base guidance (24 June 2026) a base meets, from the figures in force on a
 * date: a pure function, which the standards view and the comparison both use (docs/inclusion-bases.md).
 */
public final class StandardsAssessment {

    /** A Resource Base's integration band: at least half the week in mainstream on average (R-SPLIT-RB's line). */
    static final double RESOURCE_BASE_BAND = 50;
    /**
     * A SEN Unit's: at least the share its pupils start at without a split of their own (R-DEFAULT-SPLIT, 20 %),
     * on average.
     */
    static final double SEN_UNIT_BAND = 20;

    private StandardsAssessment() {
    }

    static List<Expectation> assess(String type, Figures f) {
        return List.of(leadTeacher(f), teacherAccess(f), timeInMainstream(type, f), therapy(f));
    }

    /** Every expectation unknown: the provision was not open on the date. */
    static List<Expectation> notOpen() {
        String why = "the provision was not open on the date";
        return List.of(
                new Expectation(Code.LEAD_TEACHER, LEAD, Status.UNKNOWN, why, List.of()),
                new Expectation(Code.TEACHER_ACCESS, ACCESS, Status.UNKNOWN, why, List.of()),
                new Expectation(Code.TIME_IN_MAINSTREAM, MAINSTREAM, Status.UNKNOWN, why, List.of()),
                new Expectation(Code.THERAPY_INPUT, THERAPY, Status.UNKNOWN, why, List.of()));
    }

    private static final String LEAD = "a named qualified teacher has day-to-day responsibility for the base";
    private static final String ACCESS = "pupils have no less access to a qualified teacher than mainstream peers";
    private static final String MAINSTREAM = "pupils' time in mainstream classes is maximised";
    private static final String THERAPY = "therapy input is recorded";

    private static Expectation leadTeacher(Figures f) {
        List<String> basis = List.of("leadTeacherName", "leadVacant", "leadFrom", "qualifiedTeachers");
        if (f.leadVacant() == null) {
            return new Expectation(Code.LEAD_TEACHER, LEAD, Status.UNKNOWN, "no lead teacher recorded", basis);
        }
        if (f.leadVacant()) {
            return new Expectation(Code.LEAD_TEACHER, LEAD, Status.NOT_MET, "the post is vacant from " + f.leadFrom(),
                    basis);
        }
        if (f.qualifiedTeachers() != null && f.qualifiedTeachers() == 0) {
            return new Expectation(Code.LEAD_TEACHER, LEAD, Status.NOT_MET, "a lead is named from " + f.leadFrom()
                    + ", but the staffing in force counts no qualified teacher", basis);
        }
        return new Expectation(Code.LEAD_TEACHER, LEAD, Status.MET, "named from " + f.leadFrom(), basis);
    }

    private static Expectation teacherAccess(Figures f) {
        List<String> basis = List.of("qualifiedTeacherHoursPerWeek", "mainstreamPeerHoursPerWeek",
                "teacherAccessFrom");
        BigDecimal hours = f.qualifiedTeacherHoursPerWeek();
        BigDecimal peers = f.mainstreamPeerHoursPerWeek();
        if (hours == null || peers == null) {
            return new Expectation(Code.TEACHER_ACCESS, ACCESS, Status.UNKNOWN,
                    "pupils' hours with a qualified teacher are not recorded", basis);
        }
        boolean met = hours.compareTo(peers) >= 0;
        return new Expectation(Code.TEACHER_ACCESS, ACCESS, met ? Status.MET : Status.NOT_MET,
                hours.stripTrailingZeros().toPlainString() + " h a week with a qualified teacher against "
                        + peers.stripTrailingZeros().toPlainString() + " h for mainstream peers", basis);
    }

    private static Expectation timeInMainstream(String type, Figures f) {
        List<String> basis = List.of("onRoll", "averageMainstreamPercent", "shareAtOrAbove50");
        boolean resourceBase = "RESOURCE_BASE".equals(type);
        double band = resourceBase ? RESOURCE_BASE_BAND : SEN_UNIT_BAND;
        if (f.averageMainstreamPercent() == null) {
            return new Expectation(Code.TIME_IN_MAINSTREAM, MAINSTREAM, Status.UNKNOWN, "no pupils on roll", basis);
        }
        boolean met = f.averageMainstreamPercent() >= band;
        return new Expectation(Code.TIME_IN_MAINSTREAM, MAINSTREAM, met ? Status.MET : Status.NOT_MET,
                String.format(java.util.Locale.ROOT, "on average %.1f %% of the week in mainstream; the %s band is "
                        + "at least %.0f %%", f.averageMainstreamPercent(), resourceBase ? "Resource Base's"
                        : "SEN Unit's", band), basis);
    }

    private static Expectation therapy(Figures f) {
        List<String> basis = List.of("therapyHoursPerWeek", "staffingFrom");
        if (f.staffingFrom() == null || f.therapyHoursPerWeek() == null) {
            return new Expectation(Code.THERAPY_INPUT, THERAPY, Status.UNKNOWN, "no staffing recorded", basis);
        }
        boolean met = f.therapyHoursPerWeek().signum() > 0;
        return new Expectation(Code.THERAPY_INPUT, THERAPY, met ? Status.MET : Status.NOT_MET,
                f.therapyHoursPerWeek().stripTrailingZeros().toPlainString() + " h a week of therapy from "
                        + f.staffingFrom(), basis);
    }
}
