package uk.placements.shared.common;

/**
 * The two models of inclusion base in the DfE's guidance of 24 June 2026: a support base (funded by a school, a trust
 * or a group of schools; typically "targeted plus" support) and a specialist base (funded by the local authority;
 * specialist support). Recorded beside the provision's type ({@link ProvisionType}), which it does not replace; a
 * provision has none until one is recorded. The vocabulary can grow.
 */
public enum BaseModel {
    SUPPORT,
    SPECIALIST
}
