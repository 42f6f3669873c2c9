package uk.placements.shared.provision.query;

import uk.placements.shared.common.BaseModel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A provision with its capacity now: places taken are pupils on roll plus offers outstanding; vacancies never go
 * below zero, and {@code overCapacity} is how many places taken exceed commissioned places (0 when within).
 * {@code baseModel} is its inclusion-base model (SUPPORT or SPECIALIST) by the latest effective date, null until one
 * is recorded; {@code GET /api/provisions/{id}/standards} reads it as at any date.
 */
public record ProvisionView(String id, long version, String name, String type, String phase, HostSchool hostSchool,
                            int lowestYear, int highestYear, List<String> designatedNeeds, String status,
                            LocalDate openedOn, LocalDate closedOn, int commissionedPlaces, int onRoll,
                            int offersOutstanding, int vacancies, int overCapacity, Staffing staffing,
                            BaseModel baseModel) {

    public record HostSchool(String urn, String name) {
    }

    public record Staffing(Integer adults, Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek,
                           LocalDate effectiveFrom) {
    }
}
