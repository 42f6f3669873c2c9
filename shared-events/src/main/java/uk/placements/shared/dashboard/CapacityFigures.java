package uk.placements.shared.dashboard;

/**
 * Capacity figures of one provision or a group of provisions, as at a date.
 *
 * @param commissioned          commissioned places in force
 * @param onRoll                placements ADMITTED
 * @param offersOutstanding     placements OFFERED (each holds a place)
 * @param vacancies             max(0, commissioned − onRoll − offersOutstanding)
 * @param overCapacity          places taken beyond commissioned: max(0, onRoll + offersOutstanding − commissioned);
 *                              a group sums its provisions'
 * @param outsideDesignatedNeed placements OFFERED or ADMITTED outside the provision's designated needs
 */
public record CapacityFigures(int provisions, int commissioned, int onRoll, int offersOutstanding, int vacancies,
                              int overCapacity, int outsideDesignatedNeed) {

    public static final CapacityFigures NONE = new CapacityFigures(0, 0, 0, 0, 0, 0, 0);

    public CapacityFigures plus(CapacityFigures o) {
        return new CapacityFigures(provisions + o.provisions, commissioned + o.commissioned, onRoll + o.onRoll,
                offersOutstanding + o.offersOutstanding, vacancies + o.vacancies, overCapacity + o.overCapacity,
                outsideDesignatedNeed + o.outsideDesignatedNeed);
    }
}
