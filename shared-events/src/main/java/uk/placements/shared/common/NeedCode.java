package uk.placements.shared.common;

/** SEN2 (2025) primary and secondary need codes. */
public enum NeedCode {
    SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH
}
