package uk.placements.query.bases;

import io.swagger.v3.oas.annotations.media.Schema;
import uk.placements.shared.common.BaseModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The answers of the inclusion bases' standards view and comparison (docs/inclusion-bases.md). */
public final class BaseViews {

    private BaseViews() {
    }

    /** Whether a base meets an expectation on the date. */
    @Schema(name = "StandardStatus")
    public enum Status {
        /** the figures behind it show it met */
        MET,
        /** the figures behind it show it not met */
        NOT_MET,
        /** nothing recorded decides it */
        UNKNOWN
    }

    /** The expectations of the DfE's inclusion base guidance (24 June 2026) that the product's figures can show. */
    @Schema(name = "StandardCode")
    public enum Code {
        /** a named qualified teacher has day-to-day responsibility for the base */
        LEAD_TEACHER,
        /** pupils have no less access to a qualified teacher than their mainstream peers */
        TEACHER_ACCESS,
        /** time in mainstream classes is maximised: the base's band of time in mainstream */
        TIME_IN_MAINSTREAM,
        /** therapy input is recorded in the staffing in force */
        THERAPY_INPUT
    }

    /**
     * One expectation on the date: met, not met or unknown, why ({@code detail}), and the names of the fields of
     * {@link Figures} it was decided from ({@code basis}).
     */
    @Schema(name = "BaseExpectation")
    public record Expectation(Code code, String expectation, Status status, String detail, List<String> basis) {
    }

    /**
     * The figures in force on the date: the base's own facts (from the provisions read model's changes by effective
     * date) and its pupils, mainstream shares and staffing (from the capacity ledger, where every reader reads them).
     *
     * @param leadTeacherName             the qualified teacher with day-to-day responsibility (staff data); null
     *                                    when none is recorded or the post is vacant
     * @param leadVacant                  true when a vacancy is recorded; null when nothing is
     * @param leadFrom                    the effective date of the lead's record in force
     * @param qualifiedTeacherHoursPerWeek pupils' weekly hours with a qualified teacher
     * @param mainstreamPeerHoursPerWeek  mainstream peers' weekly hours it was compared with when recorded
     * @param teacherAccessFrom           the effective date of those hours
     * @param averageMainstreamPercent    mean share of the week in mainstream of the pupils on roll; null without
     * @param shareAtOrAbove50            share (0..1) of the pupils on roll at 50 % or more in mainstream
     */
    @Schema(name = "BaseFigures")
    public record Figures(String leadTeacherName, Boolean leadVacant, LocalDate leadFrom,
                          BigDecimal qualifiedTeacherHoursPerWeek, BigDecimal mainstreamPeerHoursPerWeek,
                          LocalDate teacherAccessFrom, int onRoll, Double averageMainstreamPercent,
                          Double shareAtOrAbove50, Integer adults, Integer qualifiedTeachers,
                          BigDecimal therapyHoursPerWeek, LocalDate staffingFrom) {
    }

    /**
     * The standards of one base as at {@code asOf}. {@code open} is false when the provision was not open on the
     * date (not yet opened, or closed): its figures are then empty and every expectation unknown.
     */
    @Schema(name = "BaseStandards")
    public record Standards(String provisionId, String name, String type, String phase, BaseModel baseModel,
                            LocalDate baseModelFrom, LocalDate asOf, boolean open, Figures figures,
                            List<Expectation> expectations, int met, int notMet, int unknown) {
    }

    /** The measures the comparison sets side by side, each within the bases of one type and phase. */
    @Schema(name = "BaseMeasure")
    public enum Measure {
        ADULTS_PER_PUPIL,
        QUALIFIED_TEACHERS_PER_PUPIL,
        THERAPY_HOURS_PER_PUPIL,
        AVERAGE_MAINSTREAM_PERCENT,
        MOVES_TO_MAINSTREAM_PER_PUPIL,
        MEDIAN_DAYS_REFERRAL_TO_ADMISSION,
        STANDARDS_MET
    }

    /** Which side of its group's fences a value lies. */
    @Schema(name = "OutlierDirection")
    public enum Direction {
        HIGH,
        LOW
    }

    /** A measure of a base outside its group's fences. */
    @Schema(name = "BaseOutlier")
    public record Outlier(Measure measure, double value, Direction direction, double lowerFence,
                          double upperFence) {
    }

    /**
     * One base side by side with the others: no personal data (no pupil, and not the lead teacher's name).
     *
     * @param movesToMainstream                 moves to full-time mainstream in the window
     * @param movesToMainstreamPerPupil         those moves per pupil on roll on the date
     * @param medianDaysReferralToAdmission     over the admissions to the base in the window
     * @param standardsMet                      expectations met on the date, of {@code standardsAssessed} with
     *                                          figures to decide them (met or not met)
     */
    @Schema(name = "BaseComparisonRow")
    public record Base(String provisionId, String name, String type, String phase, BaseModel baseModel, int onRoll,
                       Integer adults, Integer qualifiedTeachers, Double adultsPerPupil,
                       Double qualifiedTeachersPerPupil, Double therapyHoursPerPupil,
                       Double averageMainstreamPercent, int movesToMainstream, Double movesToMainstreamPerPupil,
                       Double medianDaysReferralToAdmission, int standardsMet, int standardsAssessed,
                       List<Outlier> outliers) {
    }

    /**
     * A measure's distribution within a group: how many bases have a value, the quartiles and Tukey's fences
     * (null when fewer than {@link Outliers#MIN_GROUP} bases have one: no base is then flagged).
     */
    @Schema(name = "BaseFences")
    public record Fences(Measure measure, int values, Double q1, Double median, Double q3, Double lowerFence,
                        Double upperFence) {
    }

    /** The bases of one type and phase, which are compared with each other. */
    @Schema(name = "BaseGroup")
    public record Group(String type, String phase, int bases, List<Fences> fences) {
    }

    @Schema(name = "BasesComparison",
            description = "Every base open on asOf side by side, with outliers flagged within its type and phase")
    public record Comparison(LocalDate asOf, LocalDate windowFrom, String method, List<Group> groups,
                             List<Base> bases) {
    }
}
