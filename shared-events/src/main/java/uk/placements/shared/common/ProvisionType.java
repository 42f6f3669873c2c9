package uk.placements.shared.common;

/**
 * The kinds of specialist provision an authority commissions in mainstream schools. Government policy calls both
 * "inclusion bases"; the model keeps the two types and can grow more.
 */
public enum ProvisionType {
    /** About half the week in mainstream classes: "integration first". */
    RESOURCE_BASE,
    /** Most of the week in the unit. */
    SEN_UNIT
}
