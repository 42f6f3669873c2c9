package uk.placements.query.scap;

import java.time.LocalDate;
import java.util.List;

/**
 * SCAP's specialist capacity in mainstream schools as at a date (docs/returns.md, "SCAP: specialist capacity"): per
 * school and kind of provision (SEN unit or resourced provision), the commissioned places (capacity), split by phase
 * over the provisions' year groups, and the pupils on roll. No personal data.
 */
public record ScapCapacityReturn(LocalDate asOf, int schools, int capacity, int onRoll, List<School> rows) {

    /**
     * @param unitOrResourcedProvision {@code SEN unit} or {@code Resourced provision}, as GIAS and SCAP name them
     * @param capacity      commissioned places in force on the date, over the school's open provisions of the kind
     * @param onRoll        pupils admitted there on the date (offers outstanding do not count)
     */
    public record School(String urn, String schoolName, String unitOrResourcedProvision, int capacity,
                         int primaryCapacity, int secondaryCapacity, int post16Capacity, int onRoll,
                         List<String> provisionIds) {
    }
}
